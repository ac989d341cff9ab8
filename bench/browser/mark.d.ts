// Minimal types for the parts of mark.js 8 the benchmark uses (the package ships none).
declare module 'mark.js' {
  interface MarkOptions {
    accuracy?: 'partially' | 'complementary' | 'exactly';
    separateWordSearch?: boolean;
    filter?: (node: Text, term: string, totalCounter: number, counter: number) => boolean;
    noMatch?: (term: string) => void;
    each?: (element: Element) => void;
    done?: (counter: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keyword: string | string[], options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
