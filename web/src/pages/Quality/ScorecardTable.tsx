/** The year's scorecard: one row per implementing agency (lowest score first) and the total; an agency's name opens its programs. */
import { useTranslation } from 'react-i18next';
import type { QualityScorecard } from '../../api/quality-queries.js';
import { useFormat } from '../../format.js';
import { ScoreBar } from './ScoreBar.js';

type Row = QualityScorecard['agencies'][number];
const DIMENSIONS = ['completeness', 'timeliness', 'consistency'] as const;

export function ScorecardTable({
  card,
  selected,
  onSelect,
}: {
  card: QualityScorecard;
  /** The agency whose programs are shown ("" for those without one). */
  selected: string | undefined;
  onSelect: (agency: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const nameOf = (a: Row) =>
    a.implementingOrg
      ? a.nameEn
        ? f.orgName({ nameEn: a.nameEn, nameId: a.nameId })
        : a.implementingOrg
      : t('quality.scorecard.noAgency');
  const cells = (a: Pick<Row, 'programs' | 'programsWithFindings' | 'score' | 'dimensions'>) => (
    <>
      <td className="num">{f.number(a.programs)}</td>
      <td className="num">{f.number(a.programsWithFindings)}</td>
      <td>
        <ScoreBar score={a.score} />
      </td>
      {DIMENSIONS.map((d) => (
        <td key={d}>
          <ScoreBar score={a.dimensions.find((x) => x.dimension === d)?.score ?? null} />
        </td>
      ))}
    </>
  );
  return (
    <section className="card" aria-labelledby="quality-scorecard">
      <h2 id="quality-scorecard">{t('quality.scorecard.title')}</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('quality.scorecard.agency')}</th>
              <th scope="col" className="num">
                {t('quality.scorecard.programs')}
              </th>
              <th scope="col" className="num">
                {t('quality.scorecard.toFix')}
              </th>
              <th scope="col">{t('quality.scorecard.score')}</th>
              {DIMENSIONS.map((d) => (
                <th scope="col" key={d}>
                  {t(`quality.dimensions.${d}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {card.agencies.map((a) => (
              <tr key={a.implementingOrg ?? ''} aria-current={selected === (a.implementingOrg ?? '') ? 'true' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(a.implementingOrg ?? '')}
                    title={t('quality.scorecard.show', { agency: nameOf(a) })}
                  >
                    {nameOf(a)}
                  </button>
                  {a.nameEn && <span className="muted small"> ({a.implementingOrg})</span>}
                </th>
                {cells(a)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('quality.scorecard.all')}</th>
              {cells(card.total)}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
