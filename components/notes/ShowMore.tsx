import { useEffect, useRef } from 'preact/hooks';
import { tf, type UiLang } from '../../i18n/strings';

// The end of the notes list when more notes match than are shown: a button, pressed by itself when
// it scrolls into view (so scrolling simply continues), and by the reader with the keyboard.
export function ShowMore({ lang, rest, onMore }: { lang: UiLang; rest: number; onMore(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  const more = useRef(onMore);
  more.current = onMore;

  useEffect(() => {
    const el = button.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) more.current();
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, [rest]);

  return (
    <p class="np-row">
      <button ref={button} type="button" class="np-btn" data-testid="notes-more" onClick={() => more.current()}>
        {tf(lang, 'showMore', { n: rest })}
      </button>
    </p>
  );
}
