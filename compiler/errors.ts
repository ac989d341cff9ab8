// A problem in the seeds, reported as `file:line: problem` — the maintainer's editor jumps there.
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

/** Several problems at once: a maintainer fixes them all in one round instead of one per build. */
export class SeedErrors extends Error {
  constructor(readonly errors: SeedError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
