import { t, type PageStringKey, type UiLang } from '../../i18n/page-strings';
import { NOTE_COLORS, type NoteColor } from '../../notes/model';

// The note palette as a row of toggle buttons (one pressed). Color names are spoken and shown as
// tooltips; the swatch itself is never the only cue (the pressed one has a ring).

export const colorLabel = (lang: UiLang, color: NoteColor) => t(lang, `color_${color}` as PageStringKey);

interface Props {
  lang: UiLang;
  value: NoteColor;
  onChange(color: NoteColor): void;
  /** Extra class on each swatch (the notes page styles its own). */
  swatchClass?: string;
}

export function ColorSwatches({ lang, value, onChange, swatchClass = 'hs-swatch' }: Props) {
  return (
    <div class="hs-swatches" role="group" aria-label={t(lang, 'noteColor')}>
      {NOTE_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class={`${swatchClass} ${swatchClass}-${c}`}
          data-color={c}
          aria-pressed={c === value}
          aria-label={colorLabel(lang, c)}
          title={colorLabel(lang, c)}
          onClick={() => onChange(c)}
        />
      ))}
    </div>
  );
}
