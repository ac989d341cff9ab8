import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../settings/settings';
import { dirOf, resolveLang, type UiLang } from '../i18n/strings';

/** The live settings of an extension page (null until read) and the UI language they choose,
 *  applied to <html lang dir> so the whole page mirrors in Arabic. */
export function useSettings(): { settings: Settings | null; lang: UiLang } {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let watched = false;
    const unwatch = watchSettings((s) => {
      watched = true;
      setSettings(s);
    });
    getSettings().then(
      (s) => !watched && setSettings(s),
      () => {},
    );
    return unwatch;
  }, []);
  const lang = resolveLang(settings?.language ?? 'auto');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
  }, [lang]);
  return { settings, lang };
}
