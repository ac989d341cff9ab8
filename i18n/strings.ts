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
  wholePage: 'Mark the whole page',
  wholePageHint:
    'Off: only the article and its headline are marked, not menus, share buttons or footers; on a page with no article, its headlines.',
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
  settings: 'Settings',
  siteNews: 'A news site: Hashiya runs here unless you turn it off.',
  siteOther: 'Turning this on asks your browser for access to this site.',
  siteOtherOn: 'You gave Hashiya access to this site. Turning it off removes that access.',
  notAvailable: 'Hashiya is not available on this page.',
  offEverywhere: 'Hashiya is off on every site.',
  permissionDenied: 'Access to this site was not granted.',
  siteFailed: 'Could not change this site. Try again.',
  settingsFailed: 'Could not save the setting. Try again.',
  reloadToApply: 'Reload the page to apply the change.',
  reload: 'Reload',
  lang_ar: 'العربية',
  lang_en: 'English',
  score: 'Score',
  sameStoryBadge: 'Same story',
  noStory: 'No corpus article matches this page.',
  goToFirst: 'Go to the first mention',
  mentionCount: 'Mentions on this page',
  // Passage notes on pages.
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
  // Notes page.
  searchNotes: 'Search notes',
  filterEntity: 'Entity',
  filterSite: 'Site',
  filterTag: 'Tag',
  filterColor: 'Color',
  filterAll: 'All',
  clearFilters: 'Clear filters',
  noNotesMatch: 'No notes match.',
  noteCount: 'Notes: {n}',
  tags: 'Tags',
  tagsHint: 'Separate tags with commas',
  kind_entity: 'Note on an entity',
  kind_passage: 'Note on a passage',
  updatedAt: 'Updated {date}',
  exportTitle: 'Export',
  exportJsonld: 'Web Annotation (JSON-LD)',
  exportMarkdown: 'Markdown',
  exportCsv: 'CSV',
  lastExport: 'Last export: {date}',
  neverExported: 'Not exported yet.',
  exportFailed: 'Could not export your notes. Try again.',
  importTitle: 'Import',
  importHint: 'A Web Annotation JSON file exported by Hashiya. Notes you already have are skipped.',
  importFile: 'Notes file to import',
  importDone: 'Imported: {added}. Already present, skipped: {skipped}.',
  importFailed: 'The file was not imported and your notes are unchanged.',
  importTooLarge: 'The file is larger than 64 MiB.',
  importUnreadable: 'The file could not be read.',
  listFailed: 'Could not load your notes. Try again.',
  retry: 'Try again',
  // Notes under real-life conditions (guarantees 19–23).
  newerDatabase:
    'Your notes were saved by a newer version of Hashiya. They are kept untouched: you can read and export them here, but not change them. Update Hashiya to edit them again.',
  newerUnreadable: 'Notes in a form this version cannot show, kept for the newer version: {n}',
  changedElsewhere:
    'This note was changed elsewhere (another tab or a page) while you were editing it. Your text is kept here: Save replaces that change, Cancel keeps it.',
  deletedElsewhere:
    'This note was deleted elsewhere while you were editing it. Your text is kept here: Save keeps it as a new note.',
  notPersisted:
    'Your browser has not agreed to keep Hashiya’s storage for good: if the disk runs short, it may clear your notes without asking. Export your notes now and then to keep a copy.',
  notedDismiss: 'Got it',
  importProgress: 'Importing: {done} of {total}',
  showMore: 'Show more ({n} not shown)',
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
  wholePage: 'تمييز الصفحة كلها',
  wholePageHint:
    'عند إيقافه: يُميَّز المقال وعنوانه فقط، لا القوائم ولا أزرار المشاركة ولا التذييل؛ وفي صفحة بلا مقال: عناوينها.',
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
  settings: 'الإعدادات',
  siteNews: 'موقع إخباري: تعمل حاشية هنا ما لم توقفها.',
  siteOther: 'تشغيلها هنا يطلب من متصفحك الإذن بالوصول إلى هذا الموقع.',
  siteOtherOn: 'منحتَ حاشية الإذن بالوصول إلى هذا الموقع. إيقافها يسحب هذا الإذن.',
  notAvailable: 'حاشية غير متاحة في هذه الصفحة.',
  offEverywhere: 'حاشية متوقفة على كل المواقع.',
  permissionDenied: 'لم يُمنح الإذن بالوصول إلى هذا الموقع.',
  siteFailed: 'تعذّر تغيير حالة هذا الموقع. حاول مجددًا.',
  settingsFailed: 'تعذّر حفظ الإعداد. حاول مجددًا.',
  reloadToApply: 'أعد تحميل الصفحة لتطبيق التغيير.',
  reload: 'إعادة التحميل',
  lang_ar: 'العربية',
  lang_en: 'English',
  score: 'الدرجة',
  sameStoryBadge: 'الخبر نفسه',
  noStory: 'لا مقال في المدوّنة يطابق هذه الصفحة.',
  goToFirst: 'انتقل إلى أول ذكر',
  mentionCount: 'مرات الذكر في هذه الصفحة',
  // Passage notes on pages.
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
  // Notes page.
  searchNotes: 'ابحث في الملاحظات',
  filterEntity: 'الكيان',
  filterSite: 'الموقع',
  filterTag: 'الوسم',
  filterColor: 'اللون',
  filterAll: 'الكل',
  clearFilters: 'امسح عوامل التصفية',
  noNotesMatch: 'لا ملاحظات مطابقة.',
  noteCount: 'الملاحظات: {n}',
  tags: 'الوسوم',
  tagsHint: 'افصل بين الوسوم بفواصل',
  kind_entity: 'ملاحظة على كيان',
  kind_passage: 'ملاحظة على مقطع',
  updatedAt: 'عُدّلت {date}',
  exportTitle: 'تصدير',
  exportJsonld: 'Web Annotation (JSON-LD)',
  exportMarkdown: 'Markdown',
  exportCsv: 'CSV',
  lastExport: 'آخر تصدير: {date}',
  neverExported: 'لم تُصدَّر بعد.',
  exportFailed: 'تعذّر تصدير ملاحظاتك. حاول مجددًا.',
  importTitle: 'استيراد',
  importHint: 'ملف Web Annotation بصيغة JSON صدّرته حاشية. الملاحظات الموجودة لديك تُتخطّى.',
  importFile: 'ملف الملاحظات المراد استيراده',
  importDone: 'استُورد: {added}. موجود من قبل فتُخطّي: {skipped}.',
  importFailed: 'لم يُستورد الملف، وملاحظاتك لم تتغيّر.',
  importTooLarge: 'حجم الملف أكبر من 64 ميبيبايت.',
  importUnreadable: 'تعذّرت قراءة الملف.',
  listFailed: 'تعذّر تحميل ملاحظاتك. حاول مجددًا.',
  retry: 'حاول مجددًا',
  newerDatabase:
    'حُفظت ملاحظاتك بإصدار أحدث من حاشية. إنها محفوظة كما هي: يمكنك قراءتها وتصديرها هنا، لكن لا يمكنك تغييرها. حدّث حاشية لتعديلها من جديد.',
  newerUnreadable: 'ملاحظات بصيغة لا يعرضها هذا الإصدار، محفوظة للإصدار الأحدث: {n}',
  changedElsewhere:
    'تغيّرت هذه الملاحظة في مكان آخر (لسان آخر أو صفحة) أثناء تحريرك لها. نصّك باقٍ هنا: «حفظ» يستبدل ذلك التغيير، و«إلغاء» يُبقيه.',
  deletedElsewhere: 'حُذفت هذه الملاحظة في مكان آخر أثناء تحريرك لها. نصّك باقٍ هنا: «حفظ» يُبقيه ملاحظةً جديدة.',
  notPersisted:
    'لم يوافق متصفحك على الاحتفاظ بمساحة حاشية بصفة دائمة: إذا ضاق القرص فقد يمسح ملاحظاتك دون أن يسألك. صدّر ملاحظاتك من حين لآخر لتحتفظ بنسخة منها.',
  notedDismiss: 'فهمت',
  importProgress: 'جارٍ الاستيراد: {done} من {total}',
  showMore: 'اعرض المزيد ({n} غير معروضة)',
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

/** `t` with `{name}` placeholders filled in. */
export function tf(lang: UiLang, key: Key, values: Record<string, string | number>): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

export function typeLabel(lang: UiLang, type: EntityType): string {
  return STRINGS[lang][`type_${type}` as Key];
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
