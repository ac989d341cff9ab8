import { useEffect, useState } from 'preact/hooks';
import { t, type UiLang } from '../../i18n/strings';
import { HOVER_DELAY_RANGE, type MarkStyle, type Settings, type UiLanguage } from '../../settings/settings';

const STYLES: readonly MarkStyle[] = ['underline', 'background', 'dotted'];
const DELAY_STEP = 50;

interface PreferencesProps {
  lang: UiLang;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

export const formatNumber = (lang: UiLang, n: number, opts?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : 'en', opts).format(n);

export function clampDelay(n: number): number {
  if (!Number.isFinite(n)) return HOVER_DELAY_RANGE.min;
  return Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(n)));
}

/** Mark style, hover delay and interface language. */
export function Preferences({ lang, settings, onChange }: PreferencesProps) {
  // The slider shows its value while dragged; storage is written when it is let go (change).
  const [delay, setDelay] = useState(settings.hoverDelay);
  useEffect(() => setDelay(settings.hoverDelay), [settings.hoverDelay]);
  const delayText = `${formatNumber(lang, delay)} ${t(lang, 'ms')}`;

  return (
    <div class="prefs">
      <div class="row">
        <label for="mark-style">{t(lang, 'markStyle')}</label>
        <select
          id="mark-style"
          value={settings.markStyle}
          onChange={(e) => onChange({ markStyle: (e.currentTarget as HTMLSelectElement).value as MarkStyle })}
        >
          {STYLES.map((s) => (
            <option key={s} value={s}>
              {t(lang, `style_${s}`)}
            </option>
          ))}
        </select>
      </div>

      <div class="row delay">
        <label for="hover-delay">{t(lang, 'hoverDelay')}</label>
        <input
          id="hover-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={DELAY_STEP}
          value={delay}
          aria-valuetext={delayText}
          onInput={(e) => setDelay(clampDelay(Number((e.currentTarget as HTMLInputElement).value)))}
          onChange={(e) => onChange({ hoverDelay: clampDelay(Number((e.currentTarget as HTMLInputElement).value)) })}
        />
        <output for="hover-delay" aria-hidden="true">
          {delayText}
        </output>
      </div>

      <div class="row">
        <label for="ui-language">{t(lang, 'language')}</label>
        <select
          id="ui-language"
          value={settings.language}
          onChange={(e) => onChange({ language: (e.currentTarget as HTMLSelectElement).value as UiLanguage })}
        >
          <option value="auto">{t(lang, 'lang_auto')}</option>
          {/* Each language named in itself. */}
          <option value="ar" lang="ar">
            {t('ar', 'lang_ar')}
          </option>
          <option value="en" lang="en">
            {t('en', 'lang_en')}
          </option>
        </select>
      </div>
    </div>
  );
}
