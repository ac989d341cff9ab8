// Whole-file checks shared by every format: size before reading, UTF-8 when decoding.
import { readFileSync, statSync } from 'node:fs';
import { CollectionError, MAX_FILE_BYTES } from './record';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function readBytes(path: string): Uint8Array {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES)
    throw new CollectionError(path, `${mb(size)} is over the ${mb(MAX_FILE_BYTES)} limit: split the collection`);
  return readFileSync(path);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text without its byte-order mark; anything else is refused, never decoded with replacement characters. */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CollectionError(path, 'not valid UTF-8 text (convert it to UTF-8 first)');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
