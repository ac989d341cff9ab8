// Turns the figures bench/run.ts collected into the printed report and bench/RESULTS.md: the
// sections in order, then the one-line summary.
import {
  aliasGrowth,
  header,
  lookups,
  mainThread,
  pagesSection,
  pointer,
  targets,
  timeToMarks,
} from './sections-speed';
import { bundleSection, corpusScale, hoverCard, quality, storySection } from './sections-corpus';
import { summarize, summaryLine } from './summary';
import type { Results } from './types';

export function render(r: Results): string {
  const sections = [
    header,
    targets,
    pagesSection,
    timeToMarks,
    mainThread,
    aliasGrowth,
    lookups,
    pointer,
    hoverCard,
    bundleSection,
    storySection,
    corpusScale,
    quality,
  ].map((section) => section(r));
  return [...sections, ['```', summaryLine(summarize(r)), '```'].join('\n')].join('\n\n');
}
