// A mark session's mention makes its DOM range on first use only, over the right characters, once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectText, segmentAt } from '../../engine/text/dom-text';
import { pageMention } from '../../page/marks/page-mention';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function mentionOf(word: string) {
  const page = collectText(document.body);
  const start = page.text.indexOf(word);
  const end = start + word.length;
  const from = page.segments[segmentAt(page.segments, start)];
  const to = page.segments[segmentAt(page.segments, end - 1)];
  return pageMention(1, 'person/x', 'person', from, start, to, end);
}

describe('pageMention', () => {
  it('makes its range when first asked, over the mention, and keeps it', () => {
    document.body.innerHTML = '<p>Talks with Sergei <b>Lav</b>rov ended.</p>';
    const made = vi.spyOn(document, 'createRange');
    const m = mentionOf('Sergei Lavrov');
    expect(made).not.toHaveBeenCalled();
    expect(m.node.data).toBe('Talks with Sergei ');
    expect(m.range.toString()).toBe('Sergei Lavrov');
    expect(m.range).toBe(m.range);
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('does not throw when its text node was cut shorter before the range was made', () => {
    document.body.innerHTML = '<p>Lavrov spoke</p>';
    const m = mentionOf('spoke');
    m.node.data = 'Lav';
    expect(m.range.toString()).toBe('');
  });
});
