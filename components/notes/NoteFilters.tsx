import { t, type UiLang } from '../../i18n/strings';
import { NOTE_COLORS, type NoteColor, type NoteFilter } from '../../notes/model';
import type { NotesFacets } from '../../notes/paging';
import { colorLabel } from '../passage/ColorSwatches';

// Search and filters of the notes page. The search box goes to the background's term index (which
// finds لافروف in ولافروف and لافْروف); the filters narrow by entity, site, tag and color. Options
// come from all notes, so a filter never hides its own choices.

export interface NoteFiltersProps {
  lang: UiLang;
  query: string;
  onQuery(query: string): void;
  filter: NoteFilter;
  onFilter(filter: NoteFilter): void;
  /** The choices: every entity with notes, site of a passage note and tag (notes/paging.ts). */
  facets: NotesFacets;
  entityName(id: string): string;
}

function withCurrent(options: string[], current: string | undefined): string[] {
  return current && !options.includes(current) ? [current, ...options] : options;
}

export function NoteFilters({ lang, query, onQuery, filter, onFilter, facets, entityName }: NoteFiltersProps) {
  const entityIds = withCurrent(
    [...facets.entityIds].sort((a, b) => entityName(a).localeCompare(entityName(b), lang)),
    filter.entityId,
  );
  const hosts = withCurrent(facets.hosts, filter.host);
  const tagList = withCurrent(
    [...facets.tags].sort((a, b) => a.localeCompare(b, lang)),
    filter.tag,
  );

  const set = (key: keyof NoteFilter, value: string) => {
    const next: NoteFilter = { ...filter };
    if (value) (next as Record<string, string>)[key] = value;
    else delete next[key];
    onFilter(next);
  };
  const active = Object.keys(filter).length > 0 || query !== '';

  const select = (key: keyof NoteFilter, label: string, values: string[], text: (v: string) => string) => (
    <label class="np-field">
      <span>{label}</span>
      <select value={(filter[key] as string | undefined) ?? ''} onChange={(e) => set(key, e.currentTarget.value)}>
        <option value="">{t(lang, 'filterAll')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="np-filters" role="search">
      <label class="np-field np-search">
        <span>{t(lang, 'searchNotes')}</span>
        <input
          type="search"
          data-testid="notes-search"
          value={query}
          dir="auto"
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </label>
      {select('entityId', t(lang, 'filterEntity'), entityIds, entityName)}
      {select('host', t(lang, 'filterSite'), hosts, (h) => h)}
      {select('tag', t(lang, 'filterTag'), tagList, (tag) => tag)}
      {select('color', t(lang, 'filterColor'), [...NOTE_COLORS], (c) => colorLabel(lang, c as NoteColor))}
      {active && (
        <button
          type="button"
          class="np-btn"
          onClick={() => {
            onQuery('');
            onFilter({});
          }}
        >
          {t(lang, 'clearFilters')}
        </button>
      )}
    </div>
  );
}
