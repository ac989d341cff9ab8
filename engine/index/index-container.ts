// The bytes of index.bin, and of the story file once inflated (same layout, magic "HSYS"). Layout:
//    0  "HSYA"          magic: anything else is not our index (a version 1 index was JSON, "{…")
//    4  u32 version     checked before anything else is read
//    8  u32 head bytes  length of the UTF-8 JSON head that follows the header
//   12  u32 file bytes  the whole file, so a truncated copy is told apart from a corrupt one
//   16  JSON head, then the tables, each at a multiple of 8 from the start of the file so typed
//       arrays can view the file's buffer in place (a view needs its element size's alignment).
// Header numbers are little-endian; tables are written little-endian and viewed natively, so the
// loader refuses a big-endian machine rather than misread it (no browser we support runs on one).
import {
  CorpusIndexError,
  INDEX_FILE,
  INDEX_TABLES,
  INDEX_VERSION,
  STORY_TABLES,
  type IndexHead,
  type IndexTableName,
  type StoryHead,
  type StoryTableName,
  type Table,
  type TableRef,
  type Uints,
} from './index-format';

const HEADER = 16;
const ALIGN = 8;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** One kind of container: its magic, its tables in file order, and the name its errors give. */
interface Kind<N extends string> {
  magic: string;
  tables: readonly N[];
  file: string;
}
const INDEX: Kind<IndexTableName> = { magic: 'HSYA', tables: INDEX_TABLES, file: INDEX_FILE };
const storyKind = (file: string): Kind<StoryTableName> => ({ magic: 'HSYS', tables: STORY_TABLES, file });

/** The narrowest unsigned array that holds every value: smaller files read faster. */
export function packUints(values: ArrayLike<number>, what: string): Uints {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`${what}: ${v} is not a u32`);
    if (v > max) max = v;
  }
  return max <= 0xff ? Uint8Array.from(values) : max <= 0xffff ? Uint16Array.from(values) : Uint32Array.from(values);
}

const TYPE_OF = (t: Table): TableRef[0] =>
  t instanceof Uint8Array ? 'u8' : t instanceof Uint16Array ? 'u16' : t instanceof Uint32Array ? 'u32' : 'f64';
const ARRAY_OF = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;

export const packIndex = (head: Omit<IndexHead, 'tables'>, tables: Record<IndexTableName, Table>) =>
  pack(INDEX, head, tables);
/** The story file's bytes before gzip. */
export const packStoryTables = (head: Omit<StoryHead, 'tables'>, tables: Record<StoryTableName, Table>) =>
  pack(storyKind('story file'), head, tables);

function pack<N extends string>(kind: Kind<N>, head: object, tables: Record<N, Table>): Uint8Array {
  if (!littleEndian()) throw new Error('index files are written little-endian: build them on a little-endian machine');
  const refs = {} as Record<N, TableRef>;
  let size = 0;
  for (const name of kind.tables) {
    const t = tables[name];
    refs[name] = [TYPE_OF(t), size, t.length];
    size = align(size + t.byteLength);
  }
  const json = new TextEncoder().encode(JSON.stringify({ ...head, tables: refs }));
  const start = align(HEADER + json.length);
  const out = new Uint8Array(start + size);
  out.fill(0x20, HEADER + json.length, start); // pad the head with spaces, still valid JSON
  out.set(new TextEncoder().encode(kind.magic), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, INDEX_VERSION, true);
  view.setUint32(8, start - HEADER, true);
  view.setUint32(12, out.length, true);
  out.set(json, HEADER);
  for (const name of kind.tables) {
    const t = tables[name];
    out.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), start + refs[name][1]);
  }
  return out;
}

export interface Unpacked<H, N extends string> {
  head: H;
  tables: Record<N, Table>;
}
export type UnpackedIndex = Unpacked<IndexHead, IndexTableName>;

/** Checks the header and the tables' bounds; the head's contents are checked by engine/index/corpus.ts. */
export const unpackIndex = (file: Uint8Array): UnpackedIndex => unpack(INDEX, file);
/** The inflated story file named `file`, checked as index.bin is. */
export const unpackStoryTables = (file: Uint8Array, name: string): Unpacked<StoryHead, StoryTableName> =>
  unpack(storyKind(name), file);

function unpack<H extends { tables: Record<N, TableRef> }, N extends string>(
  kind: Kind<N>,
  file: Uint8Array,
): Unpacked<H, N> {
  const fail = (problem: string): never => {
    throw new CorpusIndexError(`corpus index ${kind.file}: ${problem}`);
  };
  if (!littleEndian()) fail('this machine is big-endian; the index is little-endian');
  // Views need an aligned buffer: a Node Buffer may sit at any offset of a shared one.
  const bytes = file.byteOffset % ALIGN ? file.slice() : file;
  if (bytes.length >= 1 && bytes[0] === 0x7b) fail('this is a JSON index of an older format; rebuild it');
  if (bytes.length < HEADER) fail(`truncated: ${bytes.length} bytes, not even a header`);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== kind.magic) fail('not a Hashiya corpus index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const version = view.getUint32(4, true);
  if (version !== INDEX_VERSION) fail(`version ${version}, expected ${INDEX_VERSION}; rebuild it`);
  const headBytes = view.getUint32(8, true);
  const total = view.getUint32(12, true);
  if (bytes.length < total) fail(`truncated: ${bytes.length} of ${total} bytes`);
  if (bytes.length > total) fail(`${bytes.length - total} unexpected bytes after the end`);
  const start = HEADER + headBytes;
  if (start > total || start % ALIGN) fail('the head overruns the file');

  let head: H;
  try {
    head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER, start))) as H;
  } catch (e) {
    return fail(`the head is not valid JSON (${(e as Error).message})`);
  }
  if (!head || typeof head !== 'object' || !head.tables || typeof head.tables !== 'object')
    fail('the head has no tables');

  const tables = {} as Record<N, Table>;
  for (const name of kind.tables) {
    const ref = head.tables[name];
    if (!Array.isArray(ref) || !Object.hasOwn(ARRAY_OF, ref[0])) fail(`table ${name} is missing or of an unknown type`);
    const [type, offset, length] = ref;
    const Array_ = ARRAY_OF[type];
    const at = start + offset;
    if (
      !Number.isInteger(offset) ||
      !Number.isInteger(length) ||
      offset < 0 ||
      length < 0 ||
      at % ALIGN ||
      at + length * Array_.BYTES_PER_ELEMENT > total
    ) {
      fail(`table ${name} lies outside the file`);
    }
    tables[name] = new Array_(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
  }
  return { head, tables };
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
