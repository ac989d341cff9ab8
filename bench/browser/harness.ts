// The in-page benchmark harness, bundled by bench/run.ts and loaded into every bench page. It only
// defines functions on window.__bench; nothing runs until the orchestrator calls one.
import { hashiya, floor, register } from './hashiya';
import { markjs, markjsMentions } from './markjs';
import { cardsFromUrl, loadIndex } from './card';

const bench = { hashiya, floor, register, markjs, markjsMentions, cardsFromUrl, loadIndex };
export type Bench = typeof bench;

(globalThis as unknown as { __bench: Bench }).__bench = bench;
