// The corpus reader's page (components/ReaderPage.tsx, components/reader/overview.ts): it shows its
// first screen from the small first answer, counts every article from it, and asks for the whole
// list only after that screen is on screen; search then covers every article.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { mountRoot, unmountRoot, waitForIn } from './helpers/preact-root';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleSummary, CorpusOverview } from '../../messaging/protocol';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../messaging/protocol')>()),
  sendMessage: send,
}));
// The article's marks are the mark session's business (tests/unit/mark-session.test.ts).
vi.mock('../../page/marks/reader-marks', () => ({ attachMarks: () => () => {} }));
const { ReaderPage } = await import('../../components/ReaderPage');

const COUNT = 15_000;
const articles: ArticleSummary[] = Array.from({ length: COUNT }, (_, a) => ({
  id: `a${a}`,
  title: a === 12_345 ? 'لافروف يصل إلى الرياض' : `عنوان ${a}`,
  lang: 'ar',
  date: '2015-07-21',
  source: 'spa',
}));
const entities: CorpusOverview['entities'] = [
  {
    id: 'person/sergey-lavrov',
    type: 'person',
    names: { ar: 'لافروف', en: 'Lavrov' },
    gloss: {},
    articles: [12_345],
    count: 1,
  },
];

let root: HTMLElement;
let releaseAll: () => void;
const events: string[] = [];
/** Animation frames, run when the test says: the frame that paints the first screen. */
let frames: FrameRequestCallback[] = [];
const paintFrame = () => act(() => frames.splice(0).forEach((f) => f(performance.now())));

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  events.length = 0;
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  let release!: () => void;
  const allReleased = new Promise<void>((r) => (release = r));
  releaseAll = release;
  send.mockImplementation(async (type: string, data: { limit?: number; articleId?: string }) => {
    if (type === 'getArticle')
      return { ...articles[Number(data.articleId!.slice(1))], url: null, text: `${data.articleId}\nنص` };
    if (type !== 'getCorpusOverview') return undefined;
    events.push(data.limit ? `first ${data.limit}` : 'all');
    if (data.limit) return { articleCount: COUNT, articles: articles.slice(0, data.limit), entities };
    await allReleased;
    return { articleCount: COUNT, articles, entities };
  });
  root = mountRoot();
});

afterEach(() => {
  unmountRoot(root);
  vi.unstubAllGlobals();
});

const waitFor = <T,>(fn: () => T | Promise<T>, what?: string, timeout = 3000) => waitForIn(root, fn, what, timeout);

const titles = () => [...root.querySelectorAll('.virtual-list li a')].map((a) => a.textContent);
const count = () => root.querySelector('.article-count')?.textContent;

describe('the corpus reader page', () => {
  it('paints the first screen from the first answer, then asks for every article, and searches them all', async () => {
    act(() => render(<ReaderPage />, root));
    await waitFor(() => titles().length, 'the first titles');
    // The first screen: the first rows, every article counted, the whole list not yet here.
    expect(titles()[0]).toBe('عنوان 0');
    expect(count()).toBe('15,000 articles');
    expect(send.mock.calls.filter(([t]) => t === 'getCorpusOverview').at(0)?.[1]).toEqual({ limit: 100 });
    expect(root.querySelectorAll('.virtual-list li').length).toBeLessThan(100);

    // Asked for after that screen was painted (a frame later), not before.
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(events).toEqual(['first 100']);
    paintFrame();
    await waitFor(() => events.includes('all'), 'the request for the whole list');
    expect(events).toEqual(['first 100', 'all']);

    const search = root.querySelector('.article-search') as HTMLInputElement;
    act(() => {
      search.value = 'الرياض';
      search.dispatchEvent(new Event('input'));
    });
    // Before the whole list arrives, the search covers what is here (article 12,345 is not).
    expect(count()).toBe('0 articles');
    releaseAll();
    await waitFor(() => count() === '1 articles', 'the search over every article');
    expect(titles()).toEqual(['لافروف يصل إلى الرياض']);
  });

  it("lists an entity's articles by their position, once the whole list is here", async () => {
    location.hash = '#entity=person/sergey-lavrov';
    act(() => render(<ReaderPage />, root));
    const detail = await waitFor(() => root.querySelector('[data-testid="reader-entity"]'), 'the entity');
    expect(detail.querySelector('li a')).toBeNull(); // article 12,345 is beyond the first screen
    paintFrame();
    releaseAll();
    await waitFor(() => detail.querySelector('li a'), 'the entity’s article');
    expect(detail.querySelector('li a')!.textContent).toBe('لافروف يصل إلى الرياض');
    location.hash = '';
  });
});
