/** Loading, empty and error states: helpful text, never a blank page or a raw error. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemIssue } from '../api/client.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** The problem's message in the active language (by its code), with the server's detail. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const api = error instanceof ApiError ? error : undefined;
  const key = api ? `errors.${api.code}` : 'errors.internal';
  const translated = i18n.exists(key) ? t(key) : undefined;
  return (
    <div className="problem" role="alert">
      <strong>{t('errors.title')}</strong>
      <p>{translated ?? api?.message ?? t('errors.internal')}</p>
      {api && translated && api.message !== api.code && api.code !== 'network' && <p className="muted">{api.message}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * The problem by its code in a page's own texts (`texts`.`code`, dots as underscores:
 * `requests.errors.cooperation_request_stale`), then what the page shows of it (`details`); a
 * code the page has no text for is shown by ProblemMessage. `retryOnOwnText` false offers the
 * retry only with the app's texts (a page's own problems are ones a retry does not mend).
 */
export function CodedProblem({
  error,
  texts,
  onRetry,
  retryOnOwnText = true,
  details,
}: {
  error: unknown;
  texts: string;
  onRetry?: () => void;
  retryOnOwnText?: boolean;
  details?: (error: ApiError) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const key = error instanceof ApiError ? `${texts}.${error.code.replace(/\./g, '_')}` : '';
  if (!(error instanceof ApiError) || !i18n.exists(key)) return <ProblemMessage error={error} onRetry={onRetry} />;
  return (
    <div className="problem" role="alert">
      <strong>{t('errors.title')}</strong>
      <p>{t(key)}</p>
      {details?.(error)}
      {onRetry && retryOnOwnText && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A refusal's field issues, each with its field (`text`: the page's own words for one). */
export function IssueList({ issues, text }: { issues: readonly ProblemIssue[]; text?: (issue: ProblemIssue) => ReactNode }) {
  if (issues.length === 0) return null;
  return (
    <ul>
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>
          {text ? (
            text(i)
          ) : (
            <>
              <code>{i.path}</code>: {i.message}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Renders a query's states: loading, error (with retry), or the content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
