import { t, type PageStringKey, type UiLang } from '../../i18n/page-strings';

// What a failed note write tells the reader. Errors cross the message channel as { name, message },
// so they are told apart by name: a full disk, a database from a newer Hashiya, anything else.
const BY_NAME: Record<string, PageStringKey> = {
  StorageFullError: 'storageFull',
  NewerDatabaseError: 'newerDatabase',
};

export function noteErrorText(lang: UiLang, e: unknown): string {
  const name = (e as { name?: unknown } | null)?.name;
  return t(lang, (typeof name === 'string' && BY_NAME[name]) || 'noteFailed');
}
