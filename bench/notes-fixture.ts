// A year of a reader's notes, generated: N notes, mixed entity and passage notes, Arabic and
// English bodies, tags, colours, many news sites, spread over a year; `busy` notes all about one
// entity (the card of an entity with hundreds of notes). Deterministic for a seed. Every note passes
// the store's NoteSchema, so the generated file is a valid Hashiya export (toWebAnnotation).
import { NOTE_COLORS, type Note } from '../notes/model';

export interface NotesFixtureOptions {
  count: number;
  /** How many of them are notes on BUSY_ENTITY (default 0). */
  busy?: number;
  seed?: number;
}

export const BUSY_ENTITY = 'person/sergey-lavrov';

const ENTITIES = [
  'person/sergey-lavrov',
  'person/mohammad-javad-zarif',
  'person/antony-blinken',
  'organization/united-nations',
  'organization/opec',
  'place/geneva',
  'place/tehran',
  'place/riyadh',
  'product/telegram',
  'organization/world-health-organization',
];
const SITES = ['www.aljazeera.net', 'www.bbc.com', 'arabic.cnn.com', 'www.alarabiya.net', 'www.reuters.com'];
const AR = [
  'قال وزير الخارجية إن المحادثات في جنيف كانت مفيدة لكنها لم تنته إلى اتفاق',
  'لافروف يلتقي ظريف في موسكو لبحث الاتفاق النووي والعقوبات',
  'ارتفعت أسعار النفط بعد قرار أوبك خفض الإنتاج في الاجتماع الأخير',
  'منظمة الصحة العالمية تحذّر من موجة جديدة وتدعو إلى التطعيم',
  'الأمم المتحدة تطالب بوقف إطلاق النار وإدخال المساعدات الإنسانية',
  'للمرة الأولى منذ سنوات يجتمع الوزراء في الرياض لمناقشة أمن الخليج',
  'وبحسب المصادر فإن الوفد سيعود إلى طهران بعد انتهاء الجولة',
];
const EN = [
  'The foreign minister said the Geneva talks were useful but ended without an agreement',
  'Lavrov met Zarif in Moscow to discuss the nuclear deal and sanctions',
  'Oil prices rose after OPEC decided to cut output at its last meeting',
  'The World Health Organization warns of a new wave and urges vaccination',
  'The United Nations calls for a ceasefire and humanitarian access',
  'Ministers meet in Riyadh for the first time in years to discuss Gulf security',
  'According to sources, the delegation will return to Tehran after the round ends',
];
const TAGS = ['دبلوماسية', 'طاقة', 'صحة', 'diplomacy', 'energy', 'follow-up', 'روسيا', 'iran', 'gulf', 'to-read'];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function uuid(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
}

export function generateNotes({ count, busy = 0, seed = 1 }: NotesFixtureOptions): Note[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const year = 365 * 24 * 3600 * 1000;
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) {
    const arabic = random() < 0.6;
    const lines = arabic ? AR : EN;
    // 1–3 sentences, with a number so bodies differ.
    const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(lines));
    const body = `${sentences.join(arabic ? '، ' : '. ')} (${i + 1})`;
    const created = new Date(start + random() * year).toISOString();
    const updated = random() < 0.3 ? new Date(Date.parse(created) + random() * 30 * 86_400_000).toISOString() : created;
    const tags = random() < 0.5 ? [...new Set([pick(TAGS), pick(TAGS)].slice(0, 1 + Math.floor(random() * 2)))] : [];
    const common = { id: uuid(random), body, tags, color: pick(NOTE_COLORS), created, updated };
    if (i < busy || random() < 0.45) {
      notes.push({ ...common, kind: 'entity', entityId: i < busy ? BUSY_ENTITY : pick(ENTITIES) });
    } else {
      const exact = pick(lines).split(' ').slice(2, 8).join(' ');
      const startAt = Math.floor(random() * 5000);
      notes.push({
        ...common,
        kind: 'passage',
        target: {
          url: `https://${pick(SITES)}/news/${2025}/${1 + Math.floor(random() * 12)}/${Math.floor(random() * 1e6)}`,
          title: pick(lines).slice(0, 60),
          quote: { type: 'TextQuoteSelector', exact, prefix: 'قبل ', suffix: ' بعد' },
          position: { type: 'TextPositionSelector', start: startAt, end: startAt + exact.length },
        },
      });
    }
  }
  return notes;
}
