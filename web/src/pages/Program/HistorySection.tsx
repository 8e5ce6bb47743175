/** Who created, changed and moved the program, newest first, with each field before and after (signed-in users). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HISTORY_PAGE_SIZE, useHistory } from '../../api/queries.js';
import { ChangeList, useInstant } from '../../components/ChangeList.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { PageNav } from '../../components/PageNav.js';

export function HistorySection({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const instant = useInstant();
  const [page, setPage] = useState(1);
  const history = useHistory(id, page, true);
  const pages = Math.max(1, Math.ceil((history.data?.total ?? 0) / HISTORY_PAGE_SIZE));
  const actionText = (action: string) => (i18n.exists(`history.actions.${action}`) ? t(`history.actions.${action}`) : action);
  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 id="history-title">{t('program.history')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.error || !history.data ? (
        <ProblemMessage error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <>
          <ol className="history-list">
            {history.data.items.map((e) => (
              <li key={e.id}>
                <p>
                  <strong>{actionText(e.action)}</strong>{' '}
                  <span className="muted small">
                    {e.entityVersion === null
                      ? t('history.byAt', { actor: e.actorLabel, at: instant(e.at) })
                      : t('history.byAtVersion', { actor: e.actorLabel, at: instant(e.at), version: e.entityVersion })}
                  </span>
                </p>
                {e.comment && <blockquote className="comment">{e.comment}</blockquote>}
                {e.action === 'create' || e.action === 'delete' ? (
                  // A whole record: folded, so that the changes stay readable.
                  <details>
                    <summary>{t('history.fields', { count: Object.keys(e.changes).length })}</summary>
                    <ChangeList changes={e.changes} />
                  </details>
                ) : (
                  <ChangeList changes={e.changes} />
                )}
              </li>
            ))}
          </ol>
          {pages > 1 && <PageNav page={page} pages={pages} label={t('history.pages')} onPage={setPage} />}
        </>
      )}
    </section>
  );
}
