import { useEffect, useState } from 'preact/hooks';
import { onMessage, sendMessage } from '../../messaging/protocol';
import { t, tf, type UiLang } from '../../i18n/strings';
import type { ImportResult } from '../../notes/store';
import { formatDateTime } from './NoteItem';

// Export (W3C Web Annotation JSON-LD, Markdown, CSV: made by the background, downloaded here through
// a Blob URL) and import of the JSON-LD. The background validates the whole file and writes it in one
// transaction, so a rejected file changes nothing; the message says what was wrong.

/** Files above this are refused before they are read (notes/import.ts MAX_IMPORT_CHARS is the backstop). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type ExportFormat = 'jsonld' | 'markdown' | 'csv';
const FORMATS: { format: ExportFormat; key: 'exportJsonld' | 'exportMarkdown' | 'exportCsv' }[] = [
  { format: 'jsonld', key: 'exportJsonld' },
  { format: 'markdown', key: 'exportMarkdown' },
  { format: 'csv', key: 'exportCsv' },
];

/** Saves `text` as a file through a temporary Blob URL and an <a download>. */
export function download(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the URL after click() returns: revoke it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

interface Props {
  lang: UiLang;
  lastExport: string | null;
  /** After a successful export or import: reload notes and meta. */
  onChanged(): void;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; reason: string; detail: string | null };

export function ExportImport({ lang, lastExport, onChanged }: Props) {
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [exportError, setExportError] = useState(false);
  const [imported, setImported] = useState<ImportState>({ kind: 'idle' });
  // Written so far while an import runs (the background reports it); null while the file is read
  // and checked, when the bar shows no amount yet.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(
    () =>
      onMessage('importProgress', ({ data }) => {
        const { done, total } = (data ?? {}) as { done?: unknown; total?: unknown };
        if (typeof done === 'number' && typeof total === 'number' && total > 0) setProgress({ done, total });
      }),
    [],
  );

  async function exportAs(format: ExportFormat) {
    if (exporting) return;
    setExporting(format);
    setExportError(false);
    try {
      const file = await sendMessage('exportNotes', { format });
      download(file.filename, file.mimeType, file.text);
      onChanged();
    } catch {
      setExportError(true);
    } finally {
      setExporting(null);
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      return setImported({ kind: 'failed', reason: t(lang, 'importTooLarge'), detail: null });
    }
    setImported({ kind: 'busy' });
    setProgress(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setImported({ kind: 'failed', reason: t(lang, 'importUnreadable'), detail: null });
    }
    try {
      const result = await sendMessage('importNotes', { text });
      setImported({ kind: 'done', result });
      onChanged();
    } catch (e) {
      const message = (e as { message?: unknown } | null)?.message;
      const detail = typeof message === 'string' && message ? message : null;
      setImported({ kind: 'failed', reason: t(lang, 'importFailed'), detail });
    }
  }

  return (
    <>
      <section class="np-panel" aria-labelledby="np-export">
        <h2 id="np-export">{t(lang, 'exportTitle')}</h2>
        <div class="np-row">
          {FORMATS.map(({ format, key }) => (
            <button
              key={format}
              type="button"
              class="np-btn"
              data-format={format}
              disabled={exporting !== null}
              onClick={() => void exportAs(format)}
            >
              {t(lang, key)}
            </button>
          ))}
        </div>
        <p class="np-muted" data-testid="last-export">
          {lastExport ? (
            <time dateTime={lastExport}>{tf(lang, 'lastExport', { date: formatDateTime(lastExport, lang) })}</time>
          ) : (
            t(lang, 'neverExported')
          )}
        </p>
        {exportError && (
          <p class="np-error" role="alert">
            {t(lang, 'exportFailed')}
          </p>
        )}
      </section>
      <section class="np-panel" aria-labelledby="np-import">
        <h2 id="np-import">{t(lang, 'importTitle')}</h2>
        <p class="np-muted" id="np-import-hint">
          {t(lang, 'importHint')}
        </p>
        <input
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          data-testid="notes-import"
          aria-label={t(lang, 'importFile')}
          aria-describedby="np-import-hint"
          disabled={imported.kind === 'busy'}
          onChange={(e) => void importFile(e.currentTarget)}
        />
        <div role="status">
          {imported.kind === 'busy' && (
            <p class="np-muted">
              <progress
                data-testid="import-progress"
                aria-label={t(lang, 'importTitle')}
                {...(progress ? { value: progress.done, max: progress.total } : {})}
              />{' '}
              {progress ? tf(lang, 'importProgress', progress) : t(lang, 'loading')}
            </p>
          )}
          {imported.kind === 'done' && (
            <p class="np-ok">
              {tf(lang, 'importDone', { added: imported.result.added, skipped: imported.result.skipped })}
            </p>
          )}
        </div>
        {imported.kind === 'failed' && (
          <p class="np-error" role="alert" data-testid="notes-error">
            {imported.reason}
            {imported.detail && (
              <>
                {' '}
                <span dir="ltr" class="np-detail">
                  {imported.detail}
                </span>
              </>
            )}
          </p>
        )}
      </section>
    </>
  );
}
