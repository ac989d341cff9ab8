// The interface strings shown on web pages (hover card, notices, passage notes), in Arabic and
// English, and the helpers every interface uses. Apart from i18n/strings.ts, which adds the popup's,
// the notes page's and the reader's: the content script, loaded into every news page, carries only
// these (its size is a benchmark target). Every string exists in both languages (tests/unit/i18n.test.ts).
import type { EntityType } from '../engine/types';

export type UiLang = 'ar' | 'en';

const en = {
  appName: 'Hashiya',
  type_person: 'Person',
  type_organization: 'Organization',
  type_place: 'Place',
  type_product: 'Product',
  type_event: 'Event',
  type_other: 'Other',
  inCorpus: 'In the corpus',
  notInCorpus: 'Not mentioned in the corpus articles.',
  alsoIn: 'Also in',
  moreArticles: 'and {n} more articles',
  related: 'Related',
  yourNotes: 'Your notes',
  noNotes: 'No notes yet.',
  addNote: 'Add a note',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  delete: 'Delete',
  undo: 'Undo',
  deleted: 'Note deleted.',
  close: 'Close',
  turnOffSite: 'Turn off on this site',
  sameStory: 'Same story as a corpus article',
  openInReader: 'Open in the corpus reader',
  dismiss: 'Dismiss',
  notesPage: 'Notes',
  articles: 'articles',
  entities: 'entities',
  storageFull: 'Storage is full: the note was not saved. Your text is kept here; free some space and save again.',
  notePlaceholder: 'Write a note…',
  loading: 'Loading…',
  loadFailed: 'Could not load this entry.',
  noteFailed: 'Your notes could not be changed. Try again.',
  noteLabel: 'Note',
  settings: 'Settings',
  passageNote: 'Note on a passage',
  noteColor: 'Color',
  color_yellow: 'Yellow',
  color_green: 'Green',
  color_blue: 'Blue',
  color_pink: 'Pink',
  color_purple: 'Purple',
  color_gray: 'Gray',
  noBody: '(no text)',
  orphansCount: 'Notes that could not be placed on this page: {n}',
  orphansHint: 'The page changed and these passages were not found in it. The notes are kept.',
  show: 'Show',
  hide: 'Hide',
  newerDatabase:
    'Your notes were saved by a newer version of Hashiya. They are kept untouched: you can read and export them here, but not change them. Update Hashiya to edit them again.',
  changedElsewhere:
    'This note was changed elsewhere (another tab or a page) while you were editing it. Your text is kept here: Save replaces that change, Cancel keeps it.',
  deletedElsewhere:
    'This note was deleted elsewhere while you were editing it. Your text is kept here: Save keeps it as a new note.',
  showMore: 'Show more ({n} not shown)',
};

export type PageStringKey = keyof typeof en;

const ar: Record<PageStringKey, string> = {
  appName: 'حاشية',
  type_person: 'شخص',
  type_organization: 'مؤسسة',
  type_place: 'مكان',
  type_product: 'منتج',
  type_event: 'حدث',
  type_other: 'أخرى',
  inCorpus: 'في المدوّنة',
  notInCorpus: 'لا يرد في مقالات المدوّنة.',
  alsoIn: 'ورد أيضًا في',
  moreArticles: 'و{n} مقالًا آخر',
  related: 'ذو صلة',
  yourNotes: 'ملاحظاتك',
  noNotes: 'لا ملاحظات بعد.',
  addNote: 'أضف ملاحظة',
  save: 'حفظ',
  cancel: 'إلغاء',
  edit: 'تعديل',
  delete: 'حذف',
  undo: 'تراجع',
  deleted: 'حُذفت الملاحظة.',
  close: 'إغلاق',
  turnOffSite: 'أوقف على هذا الموقع',
  sameStory: 'الخبر نفسه في مقال من المدوّنة',
  openInReader: 'افتحه في قارئ المدوّنة',
  dismiss: 'تجاهل',
  notesPage: 'الملاحظات',
  articles: 'مقالات',
  entities: 'كيانات',
  storageFull: 'المساحة ممتلئة: لم تُحفظ الملاحظة. نصّك باقٍ هنا؛ أفرغ بعض المساحة ثم احفظ مجددًا.',
  notePlaceholder: 'اكتب ملاحظة…',
  loading: 'جارٍ التحميل…',
  loadFailed: 'تعذّر تحميل هذا المدخل.',
  noteFailed: 'تعذّر تغيير ملاحظاتك. حاول مجددًا.',
  noteLabel: 'ملاحظة',
  settings: 'الإعدادات',
  passageNote: 'ملاحظة على مقطع',
  noteColor: 'اللون',
  color_yellow: 'أصفر',
  color_green: 'أخضر',
  color_blue: 'أزرق',
  color_pink: 'وردي',
  color_purple: 'بنفسجي',
  color_gray: 'رمادي',
  noBody: '(بلا نص)',
  orphansCount: 'ملاحظات تعذّر وضعها في هذه الصفحة: {n}',
  orphansHint: 'تغيّرت الصفحة ولم يُعثر فيها على هذه المقاطع. الملاحظات محفوظة.',
  show: 'عرض',
  hide: 'إخفاء',
  newerDatabase:
    'حُفظت ملاحظاتك بإصدار أحدث من حاشية. إنها محفوظة كما هي: يمكنك قراءتها وتصديرها هنا، لكن لا يمكنك تغييرها. حدّث حاشية لتعديلها من جديد.',
  changedElsewhere:
    'تغيّرت هذه الملاحظة في مكان آخر (لسان آخر أو صفحة) أثناء تحريرك لها. نصّك باقٍ هنا: «حفظ» يستبدل ذلك التغيير، و«إلغاء» يُبقيه.',
  deletedElsewhere: 'حُذفت هذه الملاحظة في مكان آخر أثناء تحريرك لها. نصّك باقٍ هنا: «حفظ» يُبقيه ملاحظةً جديدة.',
  showMore: 'اعرض المزيد ({n} غير معروضة)',
};

export const PAGE_STRINGS: Record<UiLang, Record<PageStringKey, string>> = { en, ar };

/** `t` and `tf` over a table of strings in both languages. */
export function translator<K extends string>(table: Record<UiLang, Record<K, string>>) {
  return {
    t: (lang: UiLang, key: K): string => table[lang][key],
    /** `t` with `{name}` placeholders filled in. */
    tf: (lang: UiLang, key: K, values: Record<string, string | number>): string =>
      table[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)),
  };
}

export const { t, tf } = translator(PAGE_STRINGS);

export function resolveLang(setting: 'auto' | UiLang, browserLang = globalThis.navigator?.language ?? 'en'): UiLang {
  if (setting !== 'auto') return setting;
  return browserLang.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function typeLabel(lang: UiLang, type: EntityType): string {
  return PAGE_STRINGS[lang][`type_${type}` as PageStringKey];
}

export const dirOf = (lang: UiLang) => (lang === 'ar' ? 'rtl' : 'ltr');

// Counted nouns by the language's plural rules (Arabic has six categories).
const COUNTED: Record<UiLang, Record<'articles' | 'entities', Partial<Record<Intl.LDMLPluralRule, string>>>> = {
  en: {
    articles: { one: 'article', other: 'articles' },
    entities: { one: 'entity', other: 'entities' },
  },
  ar: {
    articles: { zero: 'مقالات', one: 'مقال', two: 'مقالان', few: 'مقالات', many: 'مقالًا', other: 'مقال' },
    entities: { zero: 'كيانات', one: 'كيان', two: 'كيانان', few: 'كيانات', many: 'كيانًا', other: 'كيان' },
  },
};

export function countNoun(lang: UiLang, noun: 'articles' | 'entities', n: number): string {
  const forms = COUNTED[lang][noun];
  return forms[new Intl.PluralRules(lang).select(n)] ?? forms.other!;
}
