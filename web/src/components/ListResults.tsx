/** What every list page shows around its table: loading, the problem, the empty state, the count; and its downloads. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading } from './Status.js';

export function ListResults({
  query,
  total,
  empty,
  emptyAction,
  results,
  problem,
  children,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  total: number;
  /** Shown when nothing matches. */
  empty: string;
  /** What to do instead when nothing matches (a link). */
  emptyAction?: ReactNode;
  /** "12 programs", announced to screen readers when it changes. */
  results: string;
  /** The page's own way of showing a failed load, with a retry. */
  problem: (error: unknown, retry: () => void) => ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <>{problem(query.error, () => void query.refetch())}</>;
  if (total === 0) return <EmptyState action={emptyAction}>{empty}</EmptyState>;
  return (
    <>
      <p className="muted" aria-live="polite">
        {results}
      </p>
      {children}
    </>
  );
}

/** "Download: CSV XLSX" for a list, each link the same filter in another format. */
export function DownloadLinks({ href }: { href: (format: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="muted">{t('common.download')}:</span>
      <a className="button secondary" href={href('csv')} download>
        {t('common.downloadCsv')}
      </a>
      <a className="button secondary" href={href('xlsx')} download>
        {t('common.downloadXlsx')}
      </a>
    </>
  );
}
