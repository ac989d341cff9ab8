// The corpus reader at 15,000 articles: the list renders only rows in view, and the search box
// finds titles the Arabic way the notes search does (components/reader/).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { VirtualList } from '../../components/reader/VirtualList';
import { searchArticles, titleTerms } from '../../components/reader/article-search';

let box: HTMLElement;
beforeEach(() => {
  box = document.createElement('div');
  document.body.append(box);
});
afterEach(() => {
  act(() => render(null, box));
  box.remove();
});

describe('the virtual list', () => {
  it('renders a window of 15,000 rows, and the rows under the scroll position after a scroll', () => {
    const show = (scrollTo?: number) =>
      act(() =>
        render(
          <VirtualList
            count={15_000}
            rowHeight={40}
            height="400px"
            label="articles"
            scrollTo={scrollTo}
            row={(i) => `row ${i}`}
          />,
          box,
        ),
      );
    show();
    const rows = () => [...box.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(100);
    expect(rows()[0]).toBe('row 0');
    expect(box.querySelector('ul')!.style.height).toBe(`${15_000 * 40}px`);
    const list = box.querySelector('.virtual-list') as HTMLDivElement;
    act(() => {
      list.scrollTop = 8_000 * 40;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(rows()).toContain('row 8000');
    expect(rows()).not.toContain('row 0');
    expect(rows().length).toBeLessThan(100);
  });
});

describe('the article search', () => {
  const articles = [
    { title: 'ولافْروف يصل إلى الرياض', source: 'spa' },
    { title: 'أمير منطقة الرياض يستقبل السفير', source: 'okaz' },
    { title: 'Lavrov arrives in Riyadh', source: 'Arab News' },
    { title: 'اجتماع لمجلس الوزراء', source: 'alyaum' },
  ];
  const terms = titleTerms(articles);

  it('matches across diacritics, letter variants, clitics and case, every term of the query', () => {
    expect(searchArticles(terms, 'لافروف')).toEqual([0]);
    expect(searchArticles(terms, 'امير')).toEqual([1]); // أمير written with a bare alef
    expect(searchArticles(terms, 'الرياض')).toEqual([0, 1]);
    expect(searchArticles(terms, 'riyadh LAVROV')).toEqual([2]);
    expect(searchArticles(terms, 'okaz')).toEqual([1]); // the outlet too
    expect(searchArticles(terms, 'مجلس الوزراء')).toEqual([3]);
    expect(searchArticles(terms, 'جنيف')).toEqual([]);
    expect(searchArticles(terms, '  ')).toEqual([0, 1, 2, 3]);
  });
});
