// Recognition of a whole text at once (the CLI, the audit, the evaluation tests): match, settle the
// ambiguous names a later part of the text gave evidence for, and drop marks in the chrome glued to
// crawled text (engine/text/text-chrome.ts). A live page does the same in slices (page/marks/session.ts).
import { pageEvidence, type Matcher, type PreparedText } from './matcher';
import { outsideChrome } from '../text/text-chrome';
import type { Mention } from '../types';

export function recognizeText(
  matcher: Matcher,
  text: string,
  published: string | null = null,
  prepared?: PreparedText,
): Mention[] {
  const evidence = pageEvidence(published);
  let marks = matcher.match(text, evidence, prepared);
  const decided = matcher.decide(evidence);
  if (decided.length) {
    const replaced = new Set(decided.flatMap((u) => (u.fallback ? [`${u.fallback.start}:${u.fallback.end}`] : [])));
    marks = marks.filter((m) => !replaced.has(`${m.start}:${m.end}`));
    marks.push(...decided.map((u) => u.mention));
    marks.sort((a, b) => a.start - b.start);
  }
  return outsideChrome(text, marks);
}
