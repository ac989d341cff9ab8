// Interface strings in Arabic and English. The page's card follows the reader's setting
// (auto = the browser's language); every string exists in both languages (tests/unit/i18n.test.ts).
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
  on: 'On',
  thisSite: 'This site',
  markTypes: 'Mark',
  markStyle: 'Mark style',
  style_underline: 'Underline',
  style_background: 'Background',
  style_dotted: 'Dotted',
  hoverDelay: 'Hover delay',
  language: 'Language',
  lang_auto: 'Automatic',
  onThisPage: 'On this page',
  nothingFound: 'No corpus entities on this page.',
  notActive: 'Hashiya is not active on this page.',
  storyMatch: 'Story match',
  corpusReader: 'Corpus reader',
  notesPage: 'Notes',
  articles: 'articles',
  entities: 'entities',
  storageFull: 'Storage is full: the note was not saved. Your text is kept here; free some space and save again.',
  notePlaceholder: 'Write a note…',
  ms: 'ms',
  loading: 'Loading…',
  loadFailed: 'Could not load this entry.',
  noteFailed: 'Your notes could not be changed. Try again.',
  noteLabel: 'Note',
};

type Key = keyof typeof en;

const ar: Record<Key, string> = {
  appName: 'حاشية',
  type_person: 'شخص',
  type_organization: 'مؤسسة',
  type_place: 'مكان',
  type_product: 'منتج',
  type_event: 'حدث',
  type_other: 'أخرى',
  inCorpus: 'في المدوّنة',
  notInCorpus: 'لا يرد في مقالات المدوّنة.',
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
  on: 'تشغيل',
  thisSite: 'هذا الموقع',
  markTypes: 'علّم',
  markStyle: 'شكل العلامة',
  style_underline: 'خط تحتي',
  style_background: 'خلفية',
  style_dotted: 'نقاط',
  hoverDelay: 'مهلة الظهور',
  language: 'اللغة',
  lang_auto: 'تلقائي',
  onThisPage: 'في هذه الصفحة',
  nothingFound: 'لا كيانات من المدوّنة في هذه الصفحة.',
  notActive: 'حاشية غير مفعّلة في هذه الصفحة.',
  storyMatch: 'تطابق الخبر',
  corpusReader: 'قارئ المدوّنة',
  notesPage: 'الملاحظات',
  articles: 'مقالات',
  entities: 'كيانات',
  storageFull: 'المساحة ممتلئة: لم تُحفظ الملاحظة. نصّك باقٍ هنا؛ أفرغ بعض المساحة ثم احفظ مجددًا.',
  notePlaceholder: 'اكتب ملاحظة…',
  ms: 'ملّي ثانية',
  loading: 'جارٍ التحميل…',
  loadFailed: 'تعذّر تحميل هذا المدخل.',
  noteFailed: 'تعذّر تغيير ملاحظاتك. حاول مجددًا.',
  noteLabel: 'ملاحظة',
};

export const STRINGS: Record<UiLang, Record<Key, string>> = { en, ar };
export type StringKey = Key;

export function resolveLang(setting: 'auto' | UiLang, browserLang = globalThis.navigator?.language ?? 'en'): UiLang {
  if (setting !== 'auto') return setting;
  return browserLang.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function t(lang: UiLang, key: Key): string {
  return STRINGS[lang][key];
}

export function typeLabel(lang: UiLang, type: EntityType): string {
  return STRINGS[lang][`type_${type}` as Key];
}

export const dirOf = (lang: UiLang) => (lang === 'ar' ? 'rtl' : 'ltr');
