/**
 * The editions of a year's annual report (docs/editions.md): the frozen copies of its figures,
 * latest first. Signed-in users see drafts and a banner when the live figures differ from the
 * latest edition, with the differences figure by figure and record by record; the coordination
 * team freezes, publishes and writes the narrative; the public sees published editions only.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useEditionDifferences, useEditions, type Edition } from '../../api/edition-queries.js';
import { useRecordYears } from '../../api/queries.js';
import { canEditions } from '../../auth/edition-rules.js';
import { useSession } from '../../auth/session.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { yearChoices, YearSelect } from '../../components/YearSelect.js';
import { DifferencesView, differenceCounts } from './DifferencesView.js';
import { EditionCard } from './EditionCard.js';
import { FreezeForm } from './FreezeForm.js';

export function EditionsPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams({ from: '/reports/editions/$year' });
  const year = Number(yearParam);
  const navigate = useNavigate();
  const { user } = useSession();
  const { query: years } = useRecordYears();
  const list = useEditions(year);
  if (!Number.isInteger(year)) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  const editions = list.data?.items ?? [];
  const latest = editions[0];
  return (
    <article>
      <div className="page-head">
        <h1>{t('editions.title', { year })}</h1>
        <div className="actions">
          <YearSelect
            id="edition-year"
            label={t('editions.otherYear')}
            year={year}
            choices={yearChoices(years.data?.items, year)}
            onYear={(y) => void navigate({ to: '/reports/editions/$year', params: { year: y } })}
          />
          <Link to="/reports/annual/$year" params={{ year: String(year) }}>
            {t('editions.liveReport', { year })}
          </Link>
        </div>
      </div>
      <p className="muted">{t('editions.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {latest && canEditions.seeDrafts(user) && <LiveBanner edition={latest} />}
          {canEditions.manage(user) && <FreezeForm year={year} latest={latest?.number} />}
          {editions.length === 0 && (
            <EmptyState>{t(canEditions.seeDrafts(user) ? 'editions.none' : 'editions.nonePublic', { year })}</EmptyState>
          )}
          {editions.map((e) => (
            <EditionCard key={e.id} edition={e} manage={canEditions.manage(user)} bundle={canEditions.bundle(user)} />
          ))}
        </>
      )}
    </article>
  );
}

/** "The live figures differ from edition N", with the differences; or that they are the same. */
function LiveBanner({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const diff = useEditionDifferences({ year: edition.year, number: edition.number });
  if (diff.isPending) return <Loading />;
  if (diff.error || !diff.data) return <ProblemMessage error={diff.error} onRetry={() => void diff.refetch()} />;
  const counts = differenceCounts(diff.data);
  const differs = counts.figures + counts.added + counts.removed + counts.changed > 0;
  if (!differs)
    return (
      <p className="notice" role="status">
        {t('editions.differences.same', { number: edition.number })}
      </p>
    );
  return (
    <section className="notice" role="status" aria-labelledby="live-differs">
      <h2 id="live-differs">{t('editions.differences.banner', { number: edition.number })}</h2>
      <details>
        <summary>{t('editions.differences.summary', counts)}</summary>
        <DifferencesView
          d={diff.data}
          beforeLabel={t('editions.differences.edition', { number: edition.number })}
          afterLabel={t('editions.differences.live')}
        />
      </details>
    </section>
  );
}
