import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging/protocol';
import { createMatcher } from '../engine/matcher';
import { collectText, rangeFor } from '../engine/dom-text';
import { highlightName, setHighlights, clearHighlights } from './highlights';

export async function startPage(ctx: ContentScriptContext): Promise<void> {
  const gazetteer = await sendMessage('getGazetteer');
  if (ctx.isInvalid) return;
  const matcher = createMatcher(gazetteer);
  const page = collectText(document.body);
  const mentions = matcher.match(page.text);
  const types = gazetteer.entityTypes;
  const groups = new Map<string, Range[]>();
  for (const m of mentions) {
    const range = rangeFor(document, page.segments, m.start, m.end);
    if (!range) continue;
    const name = highlightName(types[m.entity]);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(range);
  }
  setHighlights(groups);
  ctx.onInvalidated(clearHighlights);
}
