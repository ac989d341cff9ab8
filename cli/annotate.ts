// npm run annotate -- <file.html|file.txt>
// Prints one JSON document ({ stories, mentions }) to stdout and nothing else. HTML is reduced to
// the visible text of its <body> exactly as the content script reads it (engine/dom-text.ts).
// Errors: one line on stderr, exit code 1.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotator } from '../engine/annotate';
import { openCorpus, type Corpus } from '../engine/corpus';
import { INDEX_FILE } from '../engine/index-format';
import { htmlToText } from './html';
import { GENERATED_INDEX_DIR, diskReader, readSeeds } from '../compiler/seeds';
import { compileCorpus } from '../compiler/compile';
import { openCompiled } from '../compiler/memory-index';

const MAX_BYTES = 50 * 1024 * 1024;

function fail(message: string): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(1);
}

function loadIndex(): Promise<Corpus> {
  // The built index when there is one; otherwise compile the seeds in memory (nothing written).
  if (existsSync(join(GENERATED_INDEX_DIR, INDEX_FILE))) return openCorpus(diskReader(GENERATED_INDEX_DIR));
  return openCompiled(compileCorpus(readSeeds()));
}

export function readInput(file: string | undefined): { text: string; published: string | null } {
  if (!file) fail('usage: npm run annotate -- <file.html|file.txt>');
  if (!existsSync(file)) fail(`${file}: no such file`);
  const stat = statSync(file);
  if (!stat.isFile()) fail(`${file}: not a regular file`);
  if (stat.size === 0) fail(`${file}: empty file`);
  if (stat.size > MAX_BYTES) fail(`${file}: larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const bytes = readFileSync(file);
  if (bytes.includes(0)) fail(`${file}: binary file (contains NUL bytes), expected HTML or text`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${file}: not valid UTF-8 text`);
  }
  const looksHtml = /\.x?html?$/i.test(file) || /^\s*(?:<!doctype html|<html|<head|<body)/i.test(raw.slice(0, 1000));
  if (!looksHtml) {
    const text = raw.replace(/^\uFEFF/, '');
    if (!text.trim()) fail(`${file}: no text`);
    return { text, published: null };
  }
  const { text, published } = htmlToText(raw);
  if (!text.trim()) fail(`${file}: the page has no visible text`);
  return { text, published };
}

const { text, published } = readInput(process.argv[2]);
try {
  const annotate = createAnnotator(await loadIndex());
  process.stdout.write(JSON.stringify(await annotate(text, published), null, 2) + '\n');
} catch (e) {
  fail((e as Error).message.split('\n')[0]);
}
