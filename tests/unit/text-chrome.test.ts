// Chrome glued to crawled article text (engine/text/text-chrome.ts): labelled tails and lines are cut,
// running text never is.
import { describe, expect, it } from 'vitest';
import { chromeSpans, outsideChrome } from '../../engine/text/text-chrome';

const cut = (text: string) => chromeSpans(text).map(([s, e]) => text.slice(s, e).trim());

describe('chrome in plain text', () => {
  it('cuts a tag tail at the end of the text', () => {
    expect(cut('ضمن مجموعة من الاتهامات الأخرى. سمات البنوك الفيفا امريكا')).toEqual(['سمات البنوك الفيفا امريكا']);
  });
  it('cuts tags that hold punctuation of their own', () => {
    expect(cut('وآخرها اتهامها برعاية الإرهاب. سمات السعودية جمال خاشقجي مجلس الشورى.. الانتقال من المشورة')).toEqual([
      'سمات السعودية جمال خاشقجي مجلس الشورى.. الانتقال من المشورة',
    ]);
  });
  it('cuts the story-link footer that closes a paragraph', () => {
    expect(cut('لن يؤثر على قدرة روسيا. رابط الخبر بصحيفة الوئام: بلاتر لبوتين\nتالي')).toEqual([
      'رابط الخبر بصحيفة الوئام: بلاتر لبوتين',
    ]);
  });
  it('keeps «سمات» in running text: it follows a word there', () => {
    expect(cut('من سمات السياسة الإيرانية أنها تتبدل. وقال الوزير إن ذلك صحيح.')).toEqual([]);
  });
  it('cuts the writer’s other articles to the end, and labelled lines', () => {
    const text =
      'نص المقال عن إيران.\nرابط الخبر بصحيفة الوئام: مصر تغرق\nخاتمة.\nمقالات أخرى للكاتبماذا لو نجح الإصلاحيون في إيران؟';
    expect(cut(text)).toEqual([
      'رابط الخبر بصحيفة الوئام: مصر تغرق',
      'مقالات أخرى للكاتبماذا لو نجح الإصلاحيون في إيران؟',
    ]);
  });
  it('drops the mentions that lie in chrome only', () => {
    const text = 'زار الوزير إيران.\nللتواصل مع الكاتب عبر تويتر';
    const inside = { start: text.indexOf('تويتر'), end: text.indexOf('تويتر') + 5 };
    const outside = { start: text.indexOf('إيران'), end: text.indexOf('إيران') + 5 };
    expect(outsideChrome(text, [outside, inside])).toEqual([outside]);
  });
});
