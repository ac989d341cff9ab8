// Real news collections on disk → NewsRecords (see read.ts for the formats).
export * from './record';
export { collectionFiles, readCollection, readCollectionFile, type HtmlToText, type ReadOptions } from './read';
export { readSaudiNewsNet, readJsonText } from './saudinewsnet';
