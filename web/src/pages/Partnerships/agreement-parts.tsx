/** Pieces the partner and agreement pages share: status and renewal badges, problems and issues in the active language. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import type { Agreement, RenewalState } from '../../api/partnership-queries.js';
import type { FieldError } from '../../components/Field.js';
import { CodedProblem, IssueList } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function AgreementStatusBadge({ status }: { status: string }) {
  const f = useFormat();
  const tone = status === 'in_force' || status === 'signed' ? ' ok' : status === 'terminated' || status === 'expired' ? ' bad' : '';
  return <span className={`badge agreement-${status}${tone}`}>{f.code(agreementStatuses, status)}</span>;
}

/** Where an agreement stands against its end of validity: overdue, expiring soon, or the days left. */
export function RenewalBadge({ renewal }: { renewal: RenewalState }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (renewal.overdue && renewal.daysLeft !== null)
    return <span className="badge bad">{t('partnerships.agreements.renewal.overdue', { days: f.number(-renewal.daysLeft) })}</span>;
  if (renewal.expiringSoon && renewal.daysLeft !== null)
    return <span className="badge warn">{t('partnerships.agreements.renewal.expiringSoon', { days: f.number(renewal.daysLeft) })}</span>;
  if (renewal.daysLeft !== null && renewal.daysLeft >= 0)
    return <span className="muted small">{t('partnerships.agreements.renewal.daysLeft', { days: f.number(renewal.daysLeft) })}</span>;
  return <span className="muted">—</span>;
}

/** The parties of an agreement: organisations link to their partner page, countries to theirs. */
export function Parties({ parties }: { parties: Agreement['parties'] }) {
  const f = useFormat();
  return (
    <>
      {parties.map((p, i) => (
        <span key={`${p.org ?? p.country ?? ''}:${i}`}>
          {i > 0 && ', '}
          {p.org ? (
            <Link to="/partners/$code" params={{ code: p.org }}>
              {p.orgName ?? p.org}
            </Link>
          ) : p.country ? (
            <Link to="/countries/$code" params={{ code: p.country }}>
              {f.country(p.country)}
            </Link>
          ) : (
            '—'
          )}
        </span>
      ))}
    </>
  );
}

/** The problem in the active language: the partnership pages' own codes first, then the app's. */
export function PartnershipProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const issueText = usePartnershipIssue();
  return (
    <CodedProblem
      error={error}
      texts="partnerships.agreements.errors"
      onRetry={onRetry}
      details={(e) => (
        <IssueList issues={e.issues} text={(i) => issueText({ ...(i.code ? { code: i.code } : {}), message: i.message }).message} />
      )}
    />
  );
}

/** A field issue in the active language: the partnership pages' codes, then the app's, else the server's words. */
export function usePartnershipIssue() {
  const { t, i18n } = useTranslation();
  return (issue: FieldError): FieldError => {
    for (const key of [`partnerships.agreements.issues.${issue.code ?? ''}`, `issues.${issue.code ?? ''}`]) {
      if (issue.code && i18n.exists(key)) return { message: t(key) };
    }
    return { message: issue.message };
  };
}
