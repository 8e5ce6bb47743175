/** The "from – to" year choice of the analytics pages, kept in the URL. */
import { useTranslation } from 'react-i18next';

export const THIS_YEAR = new Date().getFullYear();

/** The range in the URL, or the ten years up to this year; at most 50 years, from ≤ to. */
export function rangeOf(search: { from?: number; to?: number }): { from: number; to: number } {
  const to = search.to ?? THIS_YEAR;
  const from = Math.min(search.from ?? to - 9, to);
  return { from: Math.max(from, to - 49), to };
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
