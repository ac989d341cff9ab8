// A local file → the text Hashiya would read from it, or an InputError saying why not. HTML is
// reduced to the visible text of its <body> exactly as the content script reads it (engine/text/dom-text.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { htmlToText } from './html';

const MAX_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

/** A file's text, date and headline (a text file's first line, as in an article file). */
export function readInput(file: string): { text: string; published: string | null; title: string | null } {
  const fail = (message: string): never => {
    throw new InputError(`${file}: ${message}`);
  };
  if (!existsSync(file)) fail('no such file');
  const stat = statSync(file);
  if (!stat.isFile()) fail('not a regular file');
  if (stat.size === 0) fail('empty file');
  if (stat.size > MAX_BYTES) fail(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) fail('binary file (contains NUL bytes), expected HTML or text');
  let raw = '';
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('not valid UTF-8 text');
  }
  const looksHtml = /\.x?html?$/i.test(file) || /^\s*(?:<!doctype html|<html|<head|<body)/i.test(raw.slice(0, 1000));
  if (!looksHtml) {
    const text = raw.replace(/^\uFEFF/, '');
    if (!text.trim()) fail('no text');
    return { text, published: null, title: text.trim().split('\n', 1)[0].trim() };
  }
  const { text, published, title } = htmlToText(raw);
  if (!text.trim()) fail('the page has no visible text');
  return { text, published, title };
}
