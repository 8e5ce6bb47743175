/** The targets against the records, a subject a row and a year a column, each met or behind; the coordination team deletes a year's target here. */
import { useTranslation } from 'react-i18next';
import { useDeleteTarget, type PriorityViewData } from '../../api/analytics-queries.js';
import { EmptyState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Issues } from './Issues.js';
import { isShare } from './target-form.js';

/** Deletes one year's target, once the user confirms. */
function DeleteTarget({ targetId, year, onDelete }: { targetId: number; year: number; onDelete: (targetId: number) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link small no-print"
      aria-label={t('priorities.deleteTarget', { year })}
      title={t('priorities.deleteTarget', { year })}
      onClick={() => {
        if (window.confirm(t('priorities.confirmDelete'))) onDelete(targetId);
      }}
    >
      ×
    </button>
  );
}

export function TargetTable({
  data,
  canEdit,
  onBreakdown,
}: {
  data: PriorityViewData;
  canEdit: boolean;
  onBreakdown: (subject: string, year: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const remove = useDeleteTarget();
  if (data.rows.length === 0) return <EmptyState>{t('priorities.empty')}</EmptyState>;
  const behind = data.rows.filter((r) => r.behind).length;
  const unit = (metric: string, n: number) =>
    isShare(metric)
      ? `${new Intl.NumberFormat(f.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(n)}%`
      : f.number(n);
  return (
    <section className="card">
      {behind > 0 && <p className="warning">{t('priorities.behindCount', { count: behind })}</p>}
      <div className="table-wrap">
        <table className="data priorities">
          <thead>
            <tr>
              <th scope="col">{t('priorities.subject')}</th>
              <th scope="col">{t('priorities.metric')}</th>
              {data.rows[0]?.years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={`${r.subjectKind}:${r.subjectCode}:${r.metric}`} className={r.behind ? 'behind' : undefined}>
                <th scope="row">
                  {f.name(r)}
                  <br />
                  <span className="muted small">{t(`priorities.kinds.${r.subjectKind}`)}</span>
                  {r.note && <span className="muted small"> · {r.note}</span>}
                  <br />
                  <button
                    type="button"
                    className="link small no-print"
                    onClick={() => onBreakdown(`${r.subjectKind}:${r.subjectCode}`, data.to)}
                  >
                    {t('priorities.byCountry')}
                  </button>
                </th>
                <td>{t(`priorities.metrics.${r.metric}`)}</td>
                {r.years.map((y) => (
                  <td key={y.year} className="num">
                    <strong>{unit(r.metric, y.actual)}</strong>
                    {y.target !== null && (
                      <>
                        <br />
                        <span className="small">
                          {t(`priorities.comparators.${y.comparator ?? 'at_least'}`)} {unit(r.metric, y.target)}
                        </span>
                        <br />
                        <span className={`badge ${y.met ? 'ok' : 'bad'}`}>{y.met ? t('priorities.met') : t('priorities.behind')}</span>
                        {y.open && <span className="muted small"> ({t('priorities.open')})</span>}
                        {canEdit && y.targetId !== null && (
                          <DeleteTarget targetId={y.targetId} year={y.year} onDelete={(id) => remove.mutate(id)} />
                        )}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remove.error && <Issues error={remove.error} />}
    </section>
  );
}
