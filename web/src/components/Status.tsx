/** Loading, empty and error states: helpful text, never a blank page or a raw error. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

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

/** Renders a query's states: loading, error (with retry), or the content. */
export function QueryState<T>({ query, children }: { query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
