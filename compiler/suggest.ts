// Names in the articles that look like entities but are not in the catalog, so maintainers can
// grow it: short quoted phrases ("سيغنال") and the words after a title (وزير, الرئيس, وكالة …).
import { normalize } from '../engine/text/normalize';
import { tokenize } from '../engine/text/tokenize';
import type { ArticleRecord } from '../engine/index/index-format';
import type { Mention } from '../engine/types';

export interface Suggestion {
  name: string;
  reason: string;
  count: number;
  articles: string[];
}

// Titles and kinds that precede a name in Arabic and English news (normalized forms).
const TITLES = new Set([
  'وزير',
  'الوزير',
  'الرئيس',
  'رئيس',
  'وكاله',
  'تطبيق',
  'النائب',
  'نائب',
  'موقع',
  'منظمه',
  'شركه',
  'حزب',
  'مدينه',
  'العاصمه',
  'صحيفه',
  'قناه',
  'المتحدث',
  'السفير',
  'الجنرال',
  'الشيخ',
  'الملك',
  'الامير',
  'minister',
  'president',
  'agency',
  'app',
  'mp',
  'senator',
  'spokesman',
  'spokeswoman',
  'company',
  'party',
]);
// Words that follow a title but are not names: the ministry, the office, adjectives of nationality.
const NOT_NAMES = new Set([
  'الخارجيه',
  'الداخليه',
  'الدفاع',
  'الوزراء',
  'الحكومه',
  'الدوله',
  'السابق',
  'الحالي',
  'foreign',
  'prime',
  'the',
  'of',
]);
// Any quoted span, so pairs stay in step; long ones (a quoted sentence) are dropped afterwards.
const QUOTED = /["“«]([^"”»\n]*)["”»]/g;
const MAX_QUOTED_WORDS = 4;

export function suggestNames(articles: ArticleRecord[], match: (text: string) => Mention[]): Suggestion[] {
  const found = new Map<string, Suggestion>();
  const add = (name: string, reason: string, article: string) => {
    const key = normalize(name).text;
    const s = found.get(key) ?? { name, reason, count: 0, articles: [] };
    s.count++;
    if (!s.articles.includes(article)) s.articles.push(article);
    found.set(key, s);
  };

  for (const article of articles) {
    const mentions = match(article.text);
    const covered = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);

    for (const q of article.text.matchAll(QUOTED)) {
      const inner = q[1].trim();
      const start = q.index! + 1;
      if (inner.length < 2 || inner.split(/\s+/).length > MAX_QUOTED_WORDS || covered(start, start + q[1].length))
        continue;
      add(inner, 'quoted', article.id);
    }

    const norm = normalize(article.text);
    const toks = tokenize(norm.text);
    for (let i = 0; i + 1 < toks.count; i++) {
      const word = norm.text.slice(toks.starts[i], toks.ends[i]);
      if (!TITLES.has(word)) continue;
      // The name is the next one or two tokens that are not a ministry, an adjective or a known entity.
      let j = i + 1;
      while (j < toks.count && NOT_NAMES.has(norm.text.slice(toks.starts[j], toks.ends[j]))) j++;
      if (j >= toks.count) continue;
      const start = norm.map[toks.starts[j]];
      const endTok = Math.min(j + 1, toks.count - 1);
      const end = norm.map[toks.ends[endTok]];
      if (covered(start, end) || /\d/.test(article.text.slice(start, end))) continue;
      const phrase = article.text.slice(start, end);
      if (!phrase.includes('\n'))
        add(phrase, `after "${article.text.slice(norm.map[toks.starts[i]], norm.map[toks.ends[i]])}"`, article.id);
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}
