// Shard files are gzipped JSON (engine/index/index-format.ts, version 3). Inflating uses the platform's
// DecompressionStream, the same in the background (Chrome, Firefox) and in Node 18+: no library
// in the bundle. A truncated or damaged file fails here (gzip's length and CRC-32 trailer are
// checked), and the caller names the file.

/** The bytes inside a gzip file; rejects when they are not gzip or the file is cut or damaged. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
