/**
 * One imported activity of another provider (issue 22): its source, its fields, its warnings, and
 * for the coordination team "Promote to own program", which the server allows only for the
 * provider's own activities (409 otherwise) that meet the registry's rules (422 otherwise).
 */
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useImportedActivity, usePromoteActivity, type ImportedDetail } from '../../api/other-provider-queries.js';
import { canOtherProviders } from '../../auth/other-provider-rules.js';
import { useSession } from '../../auth/session.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { CodedProblem, IssueList, QueryState } from '../../components/Status.js';
import { ImportedFields, SourceBlock, WarningsTable } from './ImportedActivityView.js';

export function ActivityPage() {
  const { id } = useParams({ from: '/other-providers/activities/$id' });
  const query = useImportedActivity(Number(id));
  return <QueryState query={query}>{(a) => <ActivityView a={a} />}</QueryState>;
}

function ActivityView({ a }: { a: ImportedDetail }) {
  const { t } = useTranslation();
  usePageTitle(`${a.identifier}${a.title ? `: ${a.title}` : ''}`);
  return (
    <article>
      <p className="muted small">
        <Link to="/other-providers/activities" search={{ datasetId: a.datasetId }}>
          {t('otherProviders.activity.back', { file: a.fileName })}
        </Link>
      </p>
      <div className="page-head">
        <h1>
          <code>{a.identifier}</code> {a.title ?? t('otherProviders.untitled')}
        </h1>
      </div>
      <SourceBlock a={a} />
      <p className="muted">{t('otherProviders.activity.apart')}</p>
      <Promote a={a} />
      <WarningsTable warnings={a.warnings} />
      <ImportedFields a={a} />
    </article>
  );
}

/** The promotion: a button for the coordination team, the server's answer (the new program, or why not) below it. */
function Promote({ a }: { a: ImportedDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const promote = usePromoteActivity();
  const programId = promote.data?.programId ?? a.promotedProgramId;
  const mayPromote = canOtherProviders.manage(user);
  return (
    <section className="card" aria-labelledby="promote-title">
      <h2 id="promote-title">{t('otherProviders.promote.title')}</h2>
      {programId !== null && (
        <p className={promote.isSuccess ? 'success' : undefined} role={promote.isSuccess ? 'status' : undefined}>
          {promote.isSuccess && promote.data.created ? t('otherProviders.promote.created') : t('otherProviders.promote.promoted')}{' '}
          <Link to="/programs/$id" params={{ id: String(programId) }}>
            {t('otherProviders.promote.open', { identifier: promote.data?.identifier ?? a.identifier })}
          </Link>
        </p>
      )}
      {!a.prefixOk && <p className="muted">{t('otherProviders.promote.prefix')}</p>}
      {mayPromote ? (
        <>
          <p className="muted">{t('otherProviders.promote.hint')}</p>
          <div className="actions">
            <button type="button" disabled={!a.prefixOk || promote.isPending} onClick={() => promote.mutate(a.id)}>
              {promote.isPending
                ? t('otherProviders.promote.busy')
                : programId !== null
                  ? t('otherProviders.promote.again')
                  : t('otherProviders.promote.button')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{t('otherProviders.promote.coordinationOnly')}</p>
      )}
      {promote.error && (
        <CodedProblem
          error={promote.error}
          texts="otherProviders.errors"
          retryOnOwnText={false}
          details={(e) => (
            <>
              {e.message !== e.code && <p>{e.message}</p>}
              <IssueList issues={e.issues} />
            </>
          )}
        />
      )}
    </section>
  );
}
