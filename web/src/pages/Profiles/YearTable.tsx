/** A profile's figures per year: the year heads each row, then one number per column. */
import { useTranslation } from 'react-i18next';

export interface YearColumn<Y> {
  readonly label: string;
  /** The cell's text, formatted. */
  readonly value: (year: Y) => string;
}

export function YearTable<Y extends { year: number | null }>({
  years,
  columns,
}: {
  years: readonly Y[];
  columns: readonly YearColumn<Y>[];
}) {
  const { t } = useTranslation();
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('common.year')}</th>
          {columns.map((c) => (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr key={y.year ?? '-'}>
            <th scope="row">{y.year ?? '—'}</th>
            {columns.map((c) => (
              <td key={c.label} className="num">
                {c.value(y)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
