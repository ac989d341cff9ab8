import { ENTITY_TYPES, type EntityType } from '../../engine/types';
import { t, typeLabel, type UiLang } from '../../i18n/strings';

interface TypePickerProps {
  lang: UiLang;
  selected: readonly EntityType[];
  onChange: (types: EntityType[]) => void;
}

/** Which entity types are marked on pages. */
export function TypePicker({ lang, selected, onChange }: TypePickerProps) {
  const toggle = (type: EntityType, on: boolean) =>
    // Kept in ENTITY_TYPES order whatever the click order.
    onChange(ENTITY_TYPES.filter((x) => (x === type ? on : selected.includes(x))));
  return (
    <fieldset class="types">
      <legend>{t(lang, 'markTypes')}</legend>
      {ENTITY_TYPES.map((type) => (
        <label key={type} class={`type type-${type}`}>
          <input
            type="checkbox"
            name="types"
            value={type}
            checked={selected.includes(type)}
            onChange={(e) => toggle(type, (e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{typeLabel(lang, type)}</span>
        </label>
      ))}
    </fieldset>
  );
}
