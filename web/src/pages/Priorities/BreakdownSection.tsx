/** One subject's figures country by country for one year (opened from the targets' table, kept in the URL). */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useBreakdown, type SubjectKind } from '../../api/analytics-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function BreakdownSection({
  subject,
  year,
  onClose,
}: {
  subject: { kind: SubjectKind; code: string };
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useBreakdown(subject, year);
  return (
    <section className="card">
      <QueryState query={query}>
        {(b) => (
          <>
            <div className="card-head">
              <h2>{t('priorities.breakdownTitle', { name: f.name(b), year: b.year })}</h2>
              <button type="button" className="secondary no-print" onClick={onClose}>
                {t('common.cancel')}
              </button>
            </div>
            <p>
              {t('priorities.breakdownTotals', {
                programs: f.number(b.totals.programs),
                countries: f.number(b.totals.countries),
                participants: f.number(b.totals.participants),
              })}
            </p>
            <DataTable
              head={
                <>
                  <th scope="col">{t('common.countries')}</th>
                  <th scope="col" className="num">
                    {t('common.programs')}
                  </th>
                  <th scope="col" className="num">
                    {t('common.participants')}
                  </th>
                </>
              }
            >
              {b.countries.map((c) => (
                <tr key={c.country} className={c.programs === 0 ? 'muted' : undefined}>
                  <td>
                    <Link to="/countries/$code" params={{ code: c.country }}>
                      {f.name(c)}
                    </Link>
                  </td>
                  <td className="num">{f.number(c.programs)}</td>
                  <td className="num">{f.number(c.participants)}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </QueryState>
    </section>
  );
}
