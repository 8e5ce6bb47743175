/**
 * A list page's filters: on narrow screens the form folds behind a "Filters" button (closed
 * until asked for, responsive.css), and on every width the active filters show above the results
 * as chips, each with a button that removes it. Labels name things (countries, organisations,
 * codes) in the active language, never by their codes.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActiveFilter {
  /** Stable key (the search parameter's name). */
  readonly key: string;
  /** What the chip says: "Modality: Training". */
  readonly label: string;
  readonly onRemove: () => void;
}

export function FilterPanel({ active, children }: { active: readonly ActiveFilter[]; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="filters-toggle secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {active.length > 0 ? t('common.filtersActive', { count: active.length }) : t('common.filters')}
      </button>
      <div id={id} className={open ? 'filter-fold' : 'filter-fold folded'}>
        {children}
      </div>
      <FilterChips active={active} />
    </>
  );
}

/** The active filters as removable chips (nothing when none is active). */
export function FilterChips({ active }: { active: readonly ActiveFilter[] }) {
  const { t } = useTranslation();
  if (active.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label={t('common.activeFilters')}>
      {active.map((f) => (
        <li key={f.key}>
          <span>{f.label}</span>
          <button
            type="button"
            aria-label={t('common.removeFilter', { label: f.label })}
            title={t('common.removeFilter', { label: f.label })}
            onClick={f.onRemove}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
