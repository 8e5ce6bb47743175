/** Pieces the engagement and follow-up pages share: a problem in the active language, a follow-up's status, an "add" panel. */
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpStatuses } from '../../../../src/domain/partnership/engagement.js';
import { CodedProblem, IssueList } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { FormActions } from '../../components/FormParts.js';

/** The problem by its code: the engagement pages' own texts first, then the app's. */
export function EngagementProblem({ error, onRetry, withIssues = true }: { error: unknown; onRetry?: () => void; withIssues?: boolean }) {
  return (
    <CodedProblem
      error={error}
      texts="partnerships.engagements.errors"
      onRetry={onRetry}
      details={(e) => withIssues && <IssueList issues={e.issues} />}
    />
  );
}

/** A follow-up's status, "Overdue" when it is open past its due day, and the day it was done. */
export function FollowUpStatus({ status, overdue, doneOn }: { status: string; overdue: boolean; doneOn: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <span className={`badge${status === 'done' ? ' ok' : ''}`}>{f.code(followUpStatuses, status)}</span>
      {overdue && (
        <>
          {' '}
          <span className="badge bad">{t('partnerships.followUps.overdue')}</span>
        </>
      )}
      {doneOn && <span className="muted small"> {f.date(doneOn)}</span>}
    </>
  );
}

/** The frame of an "add" panel on the engagement page: its title, the fields, the server's refusal, save and cancel. */
export function AddPanel({
  title,
  saveLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  saveLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (ev: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form className="panel stack" noValidate onSubmit={onSubmit} aria-label={title}>
      <h3>{title}</h3>
      {children}
      {error ? <EngagementProblem error={error} withIssues={false} /> : null}
      <FormActions submit={saveLabel} busy={pending} onCancel={onCancel} />
    </form>
  );
}
