/** One agency's programs of the year with what to fix, the most to fix first, each linked to its page. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useQualityPrograms, type QualityScorecard } from '../../api/quality-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ScoreBar } from './ScoreBar.js';

export function AgencyPrograms({
  year,
  agency,
  name,
  page,
  onPage,
  onClose,
}: {
  year: number;
  agency: string;
  name: QualityScorecard['agencies'][number] | undefined;
  page: number;
  onPage: (page: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useQualityPrograms({ year, agency, page });
  const label = agency
    ? name?.nameEn
      ? f.orgName({ nameEn: name.nameEn, nameId: name.nameId ?? null })
      : agency
    : t('quality.scorecard.noAgency');
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <section className="card" aria-labelledby="quality-programs-title" id="quality-programs">
      <h2 id="quality-programs-title">{t('quality.programs.title', { agency: label })}</h2>
      <p className="muted">{t('quality.programs.intro')}</p>
      <button type="button" className="secondary" onClick={onClose}>
        {t('quality.programs.close')}
      </button>
      {list.isPending ? (
        <Loading />
      ) : list.error || !list.data ? (
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.rows.length === 0 ? (
        <p>{t('quality.programs.none')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('quality.programs.program')}</th>
                  <th scope="col">{t('quality.programs.score')}</th>
                  <th scope="col">{t('quality.programs.findings')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.rows.map((p) => (
                  <tr key={p.programId}>
                    <td>
                      <Link to="/programs/$id" params={{ id: String(p.programId) }}>
                        {p.identifier}
                      </Link>
                      <div className="small">{f.lang === 'id' ? (p.titleId ?? p.titleEn) : (p.titleEn ?? p.titleId)}</div>
                    </td>
                    <td>
                      <ScoreBar score={p.score} />
                    </td>
                    <td>
                      <ul className="plain">
                        {p.findings.map((x) => (
                          <li key={x.rule}>
                            <span className={`badge ${x.severity}`}>{t(`quality.severities.${x.severity}`)}</span>{' '}
                            {f.lang === 'id' ? x.id : x.en}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('quality.programs.pageOf', { page, pages })}>
              <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
                {t('quality.programs.previous')}
              </button>{' '}
              <span>{t('quality.programs.pageOf', { page, pages })}</span>{' '}
              <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
                {t('quality.programs.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
