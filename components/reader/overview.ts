// The reader's article list arrives in two answers (messaging/protocol.ts CorpusOverview): the first
// screen's rows, asked for as soon as the page's script runs (entrypoints/reader/first-request.ts is
// main.tsx's first import), so the background reads them while Preact loads and renders the shell;
// then the whole list, asked for once that screen has painted. At 15,000 articles the whole list is a
// 2 MB message: asked for first, its serialization, transfer and parse all came before the first
// title on screen, on every open.
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type CorpusOverview } from '../../messaging/protocol';

/** Rows asked for first: more than a tall screen shows in the list (45vh at 44 px a row, plus overscan). */
export const FIRST_SCREEN = 100;

let early: Promise<CorpusOverview> | null = null;

export function askFirstScreen(): void {
  early ??= sendMessage('getCorpusOverview', { limit: FIRST_SCREEN });
  early.catch(() => {}); // a failure is reported by the page that takes it
}

/** The early answer, once; a new request when it was not asked for (or was taken already). */
function takeFirstScreen(): Promise<CorpusOverview> {
  const p = early ?? sendMessage('getCorpusOverview', { limit: FIRST_SCREEN });
  early = null;
  return p;
}

/** Resolves after the next frame has painted (a frame callback, then a task after it). */
const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** The corpus overview: the first screen's articles, then every article once that screen has painted. */
export function useCorpusOverview(): { overview: CorpusOverview | null; error: string | null } {
  const [overview, setOverview] = useState<CorpusOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const first = await takeFirstScreen();
      if (!live) return;
      setOverview(first);
      if (first.articles.length >= first.articleCount) return;
      await afterPaint();
      const all = await sendMessage('getCorpusOverview', {});
      if (live) setOverview(all);
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);
  return { overview, error };
}
