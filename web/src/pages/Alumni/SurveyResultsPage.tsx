/** A program's follow-up survey figures per wave (coordination team, the program's agency). */
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSurveyResults, type SurveyResults } from '../../api/alumni-queries.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/programs/$id/survey-results' });
  const results = useSurveyResults(Number(id));
  return (
    <>
      <p>
        <Link to="/programs/$id" params={{ id }}>
          {t('alumni.results.back')}
        </Link>
      </p>
      <h1>{t('alumni.results.title')}</h1>
      {results.isPending ? (
        <Loading />
      ) : results.error || !results.data ? (
        <ProblemMessage error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.waves.length === 0 ? (
        <EmptyState>{t('alumni.results.empty')}</EmptyState>
      ) : (
        results.data.waves.map((w) => <Wave key={w.surveyId} wave={w} />)
      )}
    </>
  );
}

/** Figures as the server computed them (exact fractions and two-decimal percentages). */
function Wave({ wave }: { wave: SurveyResults['waves'][number] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pct = (p: string | null) => (p === null ? '—' : `${p} %`);
  return (
    <section className="card">
      <h2>{f.name(wave)}</h2>
      <table>
        <caption>{t('alumni.results.caption', { months: wave.monthsAfter })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alumni.results.figure')}</th>
            <th scope="col">{t('alumni.results.count')}</th>
            <th scope="col">{t('alumni.results.percent')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('alumni.results.responseRate')}</th>
            <td>{t('alumni.results.of', { n: wave.responseRate.numerator, d: wave.responseRate.denominator })}</td>
            <td>{pct(wave.responseRate.percent)}</td>
          </tr>
          {wave.measures.map((m) => (
            <tr key={m.measure}>
              <th scope="row">{t(`alumni.measures.${m.measure}`)}</th>
              <td>{t('alumni.results.of', { n: m.yes.numerator, d: m.yes.denominator })}</td>
              <td>{pct(m.yes.percent)}</td>
            </tr>
          ))}
          {wave.scales.map((s) => (
            <tr key={s.questionId}>
              <th scope="row">{f.label(s)}</th>
              <td>{t('alumni.results.answers', { count: s.answers })}</td>
              <td>{s.average === null ? '—' : t('alumni.results.mean', { mean: s.average })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
