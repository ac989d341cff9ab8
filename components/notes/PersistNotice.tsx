import { useEffect, useState } from 'preact/hooks';
import { storage } from '@wxt-dev/storage';
import { t, type UiLang } from '../../i18n/strings';
import { persist } from '../../notes/persist';

// Asks the browser to keep Hashiya's storage under disk pressure (navigator.storage.persist) and,
// when it says no, tells the reader once what that means. Shown by the popup and the notes page;
// "Got it" is remembered in extension storage, so neither says it again. The ask itself is
// repeated on every open: a browser may grant it later (Chromium weighs how the extension is used).

export const persistNoticeItem = storage.defineItem<boolean>('local:persistNoticeDismissed', { fallback: false });

type Nav = Parameters<typeof persist>[0];

export function PersistNotice({ lang, className, nav }: { lang: UiLang; className: string; nav?: Nav }) {
  const [show, setShow] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const granted = await persist(nav ?? globalThis.navigator);
      if (granted || !live) return;
      const dismissed = await persistNoticeItem.getValue().catch(() => false);
      if (live && !dismissed) setShow(true);
    })();
    return () => {
      live = false;
    };
  }, [nav]);

  if (!show) return null;
  return (
    <div class={className} role="note" data-testid="persist-notice">
      <p>{t(lang, 'notPersisted')}</p>
      <button
        type="button"
        onClick={() => {
          setShow(false);
          void persistNoticeItem.setValue(true).catch(() => {});
        }}
      >
        {t(lang, 'notedDismiss')}
      </button>
    </div>
  );
}
