import { describe as suite, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe, CONTEXT_LENGTH } from '../../anchoring/selectors';
import { anchor } from '../../anchoring/anchor';
import { collectText, rangeFor } from '../../engine/text/dom-text';

const EN =
  'The foreign ministers met in Geneva on Monday. Talks lasted four hours and ended without a ' +
  'statement. Lavrov said the meeting had been useful but that no agreement on the corridor was ' +
  'reached. Officials expect a second round next month, possibly in Vienna.';

const select = (text: string, passage: string) => {
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return describe(text, start, start + passage.length);
};

suite('describe', () => {
  it('makes a quote with 32 units of context and a position', () => {
    const passage = 'Lavrov said the meeting had been useful';
    const sel = select(EN, passage);
    const start = EN.indexOf(passage);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: passage,
      prefix: EN.slice(start - CONTEXT_LENGTH, start),
      suffix: EN.slice(start + passage.length, start + passage.length + CONTEXT_LENGTH),
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end: start + passage.length });
  });

  it('keeps context short at the edges and rejects empty ranges', () => {
    expect(describe('abc', 0, 3).quote).toMatchObject({ prefix: '', suffix: '' });
    expect(() => describe('abc', 2, 2)).toThrow(RangeError);
    expect(() => describe('abc', 1, 9)).toThrow(RangeError);
  });

  it('works on the joined text of collectText', () => {
    // The global document of vitest's happy-dom environment.
    document.body.innerHTML = '<p>Sergey <b>Lavrov</b> arrived.</p><p>He met <i>Blinken</i>.</p>';
    const { text, segments } = collectText(document.body);
    const sel = select(text, 'Lavrov arrived');
    const r = anchor(text, sel)!;
    expect(rangeFor(segments, r.start, r.end)!.toString()).toBe('Lavrov arrived');
  });
});

suite('anchor', () => {
  const passage = 'Lavrov said the meeting had been useful';

  it('unchanged page: the stored position', () => {
    const sel = select(EN, passage);
    expect(anchor(EN, sel)).toEqual({ start: sel.position.start, end: sel.position.end });
  });

  it('passage moved: text inserted before it', () => {
    const sel = select(EN, passage);
    const moved = 'BREAKING: updated at 14:05. ' + EN;
    const r = anchor(moved, sel)!;
    expect(r.start).toBe(sel.position.start + 28);
    expect(moved.slice(r.start, r.end)).toBe(passage);
  });

  it('repeated quote: prefix and suffix pick the right occurrence', () => {
    const text = 'In Geneva he said no. Later, in Vienna, he said no. Finally, in Paris, he said yes.';
    const start = text.indexOf('he said no', 25); // the Vienna one
    const sel = describe(text, start, start + 'he said no'.length);
    const shifted = 'Update: ' + text;
    expect(anchor(shifted, sel)).toEqual({ start: start + 8, end: start + 8 + 10 });
    // Without the position at all, context alone still decides.
    expect(anchor(shifted, { quote: sel.quote })).toEqual({ start: start + 8, end: start + 8 + 10 });
  });

  it('edited page: a word changed inside the quote', () => {
    const sel = select(EN, passage);
    const edited = EN.replace('had been useful', 'had been helpful');
    const r = anchor(edited, sel)!;
    expect(edited.slice(r.start, r.end)).toBe('Lavrov said the meeting had been helpful');
  });

  it('edited and moved at once', () => {
    const sel = select(EN, passage);
    const edited = 'Correction appended. ' + EN.replace('the meeting', 'the talks');
    const r = anchor(edited, sel)!;
    expect(edited.slice(r.start, r.end)).toBe('Lavrov said the talks had been useful');
  });

  it('Arabic page re-typeset with diacritics and tatweel still anchors, on the new offsets', () => {
    const before =
      'عقد وزراء الخارجية اجتماعا في جنيف يوم الاثنين. وقال لافروف إن الاجتماع كان مفيدا لكن لم يتم ' +
      'التوصل إلى اتفاق بشأن الممر. ويتوقع المسؤولون جولة ثانية الشهر المقبل.';
    const quote = 'وقال لافروف إن الاجتماع كان مفيدا';
    const sel = select(before, quote);
    const after =
      'تحديث: ' +
      before
        .replace('لافروف', 'لافْروف')
        .replace('الاجتماع', 'الاجتمـــاع')
        .replace('مفيدا', 'مُفيداً')
        .replace('جنيف', 'جِنيف');
    const r = anchor(after, sel)!;
    expect(r).not.toBeNull();
    expect(after.slice(r.start, r.end)).toBe('وقال لافْروف إن الاجتمـــاع كان مُفيداً');
  });

  it('position still valid, letters there changed to variants: accepted (normalized compare)', () => {
    const text = 'قال الأمين العام إن الاجتماع مفيد';
    const sel = describe(text, 4, 16); // الأمين العام
    const variant = text.replace('الأمين', 'الامين'); // hamza dropped: same length, same words
    expect(variant).not.toBe(text);
    expect(anchor(variant, sel)).toEqual({ start: 4, end: 16 });
    const tatweel = text.replace('قال', 'قـال'); // one unit inserted before: position is stale
    const r = anchor(tatweel, sel)!;
    expect(tatweel.slice(r.start, r.end)).toBe('الأمين العام');
  });

  it('a fuzzy match that would stop mid-word is grown to whole words', () => {
    const sel = select(EN, passage);
    const edited = EN.replace('useful', 'a failure');
    const r = anchor(edited, sel)!;
    expect(edited.slice(r.start, r.end)).toBe('Lavrov said the meeting had been a failure');
  });

  it('deleted passage: null (an orphan, for the caller to list)', () => {
    const sel = select(EN, passage);
    const deleted = EN.replace(passage + ' but that no agreement on the corridor was reached. ', '');
    expect(deleted).not.toContain('Lavrov');
    expect(anchor(deleted, sel)).toBeNull();
  });

  it('short quotes are not found fuzzily without context agreeing', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const sel = describe(text, 6, 10); // "beta"
    const changed = 'omega omicron kappa lambda sigma meta pi rho';
    expect(anchor(changed, sel)).toBeNull();
  });

  it('no quote and a stale position: null', () => {
    expect(anchor('short', { position: { type: 'TextPositionSelector', start: 10, end: 20 } })).toBeNull();
    expect(anchor('short', {})).toBeNull();
  });
});

// Text over a small alphabet with repeats, Arabic, marks and tatweel, so occurrences collide often.
const alphabet = fc.constantFrom(...'ab ل ا و ر ف'.split(''), 'ً', 'ـ', '\n', 'x');
const textAndRange = fc
  .string({ unit: alphabet, minLength: 1, maxLength: 200 })
  .chain((text) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 }))
      .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
  );

suite('anchor properties', () => {
  it('describe then anchor on the same text returns the same range', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        expect(anchor(text, describe(text, start, end))).toEqual({ start, end });
      }),
      { numRuns: 500 },
    );
  });

  it('with the quote alone, anchor returns a range holding exactly the quote', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const { quote } = describe(text, start, end);
        const r = anchor(text, { quote })!;
        expect(text.slice(r.start, r.end)).toBe(quote.exact);
      }),
      { numRuns: 500 },
    );
  });
});
