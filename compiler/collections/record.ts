// The shape every collection reader produces, and the two kinds of problem a read can meet: a
// record that is not usable (reported, the read goes on) and a file that is not readable at all
// (a CollectionError naming the file, the caller decides whether to stop).

export interface NewsRecord {
  /** The file it came from (the JSON's name when zipped, as the judged samples name it) and its index there. */
  file: string;
  /** Record index in the file: array index (JSON), line (JSON Lines, 0-based), data row (CSV, 0-based), 0 (.txt/.html). */
  index: number;
  /** The record's own id when it has one (JSON/CSV field "id", a .txt/.html file's name). */
  id?: string;
  /** "YYYY-MM-DD", or null when unknown. Never guessed. */
  date: string | null;
  source: string;
  url: string;
  title: string;
  content: string;
}

/** A record that could not be read; the rest of its file was. */
export interface RecordProblem {
  file: string;
  index: number;
  reason: string;
}

export class CollectionError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** What one file yields: its records and the records it had to leave out, with why. */
export interface FileRead {
  path: string;
  records: NewsRecord[];
  problems: RecordProblem[];
}

/** Larger files are refused before they are read: a collection is split into files far smaller. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The text the judged samples' offsets refer to: title, a line break, content. */
export const recordText = (r: NewsRecord): string => `${r.title}\n${r.content}`;
