// Persistent storage for the extension's origin. Apart from the store so that pages (the popup's and
// the notes page's notice) can ask without loading Dexie: the background owns the database.
/**
 * Asks the browser to keep this origin's storage under pressure (navigator.storage.persist). True
 * when storage is (now) persistent; false where the API is missing or the browser says no.
 */
export async function persist(
  nav: { storage?: Partial<StorageManager> } | undefined = globalThis.navigator,
): Promise<boolean> {
  const storage = nav?.storage;
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
