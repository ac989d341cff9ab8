// An index held in memory: a compiled corpus encoded and opened through the very loader the
// extension uses, for the CLI without a build, the tests and the benchmark.
import { openCorpus, type Corpus } from '../engine/index/corpus';
import type { ReadFile } from '../engine/index/index-format';
import type { CompiledCorpus } from './compile';
import { encodeIndex, type IndexFile } from './encode-index';

export function memoryReader(files: IndexFile[]): ReadFile {
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  return async (name) => {
    const bytes = byName.get(name);
    if (!bytes) throw new Error(`no file ${name}`);
    return bytes;
  };
}

export function openCompiled(compiled: CompiledCorpus): Promise<Corpus> {
  return openCorpus(memoryReader(encodeIndex(compiled)));
}
