/** The "from – to" year choice of the analytics pages, kept in the URL. */
import { useTranslation } from 'react-i18next';
import { MAX_YEARS } from '../../../../src/domain/report/default-years.js';

export const THIS_YEAR = new Date().getFullYear();

/**
 * The range in the URL, or `fallback` (the years with programs, useRecordYears) when it gives
 * neither end; a lone end takes the ten years up to `to`. At most MAX_YEARS years, from ≤ to.
 */
export function rangeOf(search: { from?: number; to?: number }, fallback: { from: number; to: number }): { from: number; to: number } {
  if (search.from === undefined && search.to === undefined) return fallback;
  const to = search.to ?? Math.max(search.from ?? THIS_YEAR, THIS_YEAR);
  const from = Math.min(search.from ?? to - 9, to);
  return { from: Math.max(from, to - MAX_YEARS + 1), to };
}

export function YearRange({ from, to, onChange }: { from: number; to: number; onChange: (r: { from: number; to: number }) => void }) {
  const { t } = useTranslation();
  const years = Array.from({ length: 40 }, (_, i) => THIS_YEAR + 2 - i);
  const options = (selected: number) =>
    [...new Set([...years, selected])]
      .sort((a, b) => b - a)
      .map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ));
  return (
    <div className="actions no-print">
      <label className="inline" htmlFor="range-from">
        {t('analytics.from')}
      </label>
      <select
        id="range-from"
        value={from}
        onChange={(e) => onChange({ from: Number(e.target.value), to: Math.max(to, Number(e.target.value)) })}
      >
        {options(from)}
      </select>
      <label className="inline" htmlFor="range-to">
        {t('analytics.to')}
      </label>
      <select
        id="range-to"
        value={to}
        onChange={(e) => onChange({ from: Math.min(from, Number(e.target.value)), to: Number(e.target.value) })}
      >
        {options(to)}
      </select>
    </div>
  );
}
