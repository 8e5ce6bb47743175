/** Pieces the offer pages share: status badges, the deadline, problems and field issues in the active language. */
import { useTranslation } from 'react-i18next';
import { participantStatuses } from '../../../../src/domain/codes.js';
import { ApiError, type ProblemIssue } from '../../api/client.js';
import type { StatusEvent } from '../../api/offer-queries.js';
import type { FieldError } from '../../components/Field.js';
import { CodedProblem } from '../../components/Status.js';
import { useFormat } from '../../format.js';

const GOOD = new Set(['selected', 'confirmed', 'attended', 'completed', 'open']);
const BAD = new Set(['not_selected', 'withdrawn', 'closed']);
const tone = (status: string) => (GOOD.has(status) ? ' ok' : BAD.has(status) ? ' bad' : '');

export function ParticipantStatusBadge({ status }: { status: string }) {
  const f = useFormat();
  return <span className={`badge${tone(status)}`}>{f.code(participantStatuses, status)}</span>;
}

export function OfferStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge${tone(status)}`}>{t(`offers.status.${status}`, { defaultValue: status })}</span>;
}

/** An instant in the browser's time zone, with the zone named (and UTC in the tooltip). */
export function useInstant() {
  const { i18n } = useTranslation();
  const loc = i18n.language === 'id' ? 'id-ID' : 'en-GB';
  const local = new Intl.DateTimeFormat(loc, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const utc = new Intl.DateTimeFormat(loc, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    zone,
    local: (iso: string | null | undefined) => (iso ? local.format(new Date(iso)) : '—'),
    utc: (iso: string) => utc.format(new Date(iso)),
  };
}

export function Deadline({ at }: { at: string }) {
  const { t } = useTranslation();
  const i = useInstant();
  return (
    <time dateTime={at} title={`${i.utc(at)} · ${t('offers.timeZone', { zone: i.zone })}`}>
      {i.local(at)}
    </time>
  );
}

/** The problem in the active language: the offer pages' own codes first, then the app's. */
export function OfferProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <CodedProblem
      error={error}
      texts="offers.errors"
      onRetry={onRetry}
      retryOnOwnText={false}
      details={(e) => e.message !== e.code && <p className="muted">{e.message}</p>}
    />
  );
}

/** A field issue from the server in the active language: by field and code, then by code, else the server's words. */
export function useOfferIssue() {
  const { t, i18n } = useTranslation();
  return (issue: ProblemIssue): FieldError => {
    const field = issue.path.split('.').pop() ?? '';
    for (const key of [`offers.issues.${field}_${issue.code ?? ''}`, `offers.issues.${issue.code ?? ''}`, `issues.${issue.code ?? ''}`]) {
      if (issue.code && i18n.exists(key)) return { message: t(key) };
    }
    return { message: issue.message };
  };
}

/** Issues keyed by their path (`email`, `quotas.0.quota`); an issue without a path under `''`. */
export function issuesByPath(error: unknown, translate: (i: ProblemIssue) => FieldError): Map<string, FieldError> {
  if (!(error instanceof ApiError)) return new Map();
  const map = new Map<string, FieldError>();
  for (const issue of error.issues) if (!map.has(issue.path)) map.set(issue.path, translate(issue));
  return map;
}

/** A participant's status history, oldest first. */
export function StatusHistory({ events }: { events: readonly StatusEvent[] }) {
  const { t } = useTranslation();
  const i = useInstant();
  const f = useFormat();
  if (events.length === 0) return <p className="muted small">{t('offers.history.none')}</p>;
  return (
    <ol className="plain small">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{i.local(e.at)}</time>: {e.fromStatus ? `${f.code(participantStatuses, e.fromStatus)} → ` : ''}
          <strong>{f.code(participantStatuses, e.toStatus)}</strong>{' '}
          <span className="muted">({t('offers.history.by', { who: e.byLabel })})</span>
          {e.note && <> — {e.note}</>}
        </li>
      ))}
    </ol>
  );
}

export function Withheld() {
  const { t } = useTranslation();
  return (
    <span className="withheld" title={t('personal.withheldHint')}>
      {t('personal.withheld')}
    </span>
  );
}
