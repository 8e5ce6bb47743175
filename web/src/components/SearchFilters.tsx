/**
 * A list page's filter form: the text search (kept in the URL, applied on submit, following the
 * URL when it changes), the page's other filters, Search, and the page's own "clear" link. It
 * folds behind a "Filters" button on narrow screens, and the active filters show as chips: the
 * search text's own, and those the page gives (`active`).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, type ActiveFilter } from './FilterPanel.js';

export function SearchFilters({
  label,
  query,
  placeholder,
  onSearch,
  clear,
  active = [],
  children,
}: {
  /** The form's accessible name ("Filter the requests"). */
  label: string;
  /** The search text in the URL. */
  query: string | undefined;
  placeholder: string;
  /** Called on submit with the trimmed text (undefined when empty). */
  onSearch: (q: string | undefined) => void;
  clear: ReactNode;
  /** The page's other active filters, as chips. */
  active?: readonly ActiveFilter[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(query ?? '');
  useEffect(() => setQ(query ?? ''), [query]);
  const chips: ActiveFilter[] = [
    ...(query ? [{ key: 'q', label: `${t('common.search')}: “${query}”`, onRemove: () => onSearch(undefined) }] : []),
    ...active,
  ];
  return (
    <FilterPanel active={chips}>
      <form
        className="filters"
        role="search"
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(q.trim() || undefined);
        }}
      >
        <div className="field-like wide">
          <label htmlFor={`${id}-q`}>{t('common.search')}</label>
          <input id={`${id}-q`} type="search" value={q} placeholder={placeholder} onChange={(e) => setQ(e.target.value)} />
        </div>
        {children}
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
          {clear}
        </div>
      </form>
    </FilterPanel>
  );
}
