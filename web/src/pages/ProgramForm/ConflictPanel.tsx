/**
 * "Someone else changed this program": shown when saving answers 409 activity.stale. It lists the
 * other changes (from the problem's details) and offers two explicit choices; the user's input
 * stays in the form until they choose, and nothing is overwritten without their say.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { isPlainObject } from '../../../../src/domain/guards.js';
import { ChangeList, useInstant, type FieldChanges } from '../../components/ChangeList.js';

export interface StaleChange {
  readonly version: number | null;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly changes: FieldChanges;
}

export interface StaleDetails {
  readonly currentVersion: number;
  readonly yourVersion: number | null;
  readonly changes: readonly StaleChange[];
}

function parseChange(v: unknown): StaleChange | null {
  if (!isPlainObject(v) || typeof v.at !== 'string' || typeof v.actor !== 'string') return null;
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (isPlainObject(v.changes))
    for (const [field, c] of Object.entries(v.changes)) if (isPlainObject(c)) changes[field] = { before: c.before, after: c.after };
  return {
    version: typeof v.version === 'number' ? v.version : null,
    at: v.at,
    actor: v.actor,
    action: typeof v.action === 'string' ? v.action : 'update',
    changes,
  };
}

/** The details of a stale-version problem, or null when the error is something else. */
export function staleDetails(error: unknown): StaleDetails | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'activity.stale' || !isPlainObject(error.body)) return null;
  const details = error.body.details;
  if (!isPlainObject(details) || typeof details.currentVersion !== 'number') return null;
  const changes = Array.isArray(details.changes) ? details.changes.map(parseChange).filter((c): c is StaleChange => c !== null) : [];
  return {
    currentVersion: details.currentVersion,
    yourVersion: typeof details.yourVersion === 'number' ? details.yourVersion : null,
    changes,
  };
}

export function ConflictPanel({
  conflict,
  busy,
  onLoadTheirs,
  onSaveMine,
}: {
  conflict: StaleDetails;
  busy: boolean;
  onLoadTheirs: () => void;
  onSaveMine: () => void;
}) {
  const { t, i18n } = useTranslation();
  const instant = useInstant();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [conflict]);
  const actionText = (action: string) => (i18n.exists(`history.actions.${action}`) ? t(`history.actions.${action}`) : action);
  return (
    <section className="conflict" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p role="alert">{t('conflict.intro', { yours: conflict.yourVersion ?? '?', current: conflict.currentVersion })}</p>
      {conflict.changes.length === 0 ? (
        <p className="muted">{t('conflict.noDetails')}</p>
      ) : (
        <ol className="history-list">
          {conflict.changes.map((c, i) => (
            <li key={`${c.version ?? 'x'}-${i}`}>
              <p>
                <strong>{actionText(c.action)}</strong>{' '}
                <span className="muted small">{t('history.byAt', { actor: c.actor, at: instant(c.at) })}</span>
              </p>
              <ChangeList changes={c.changes} />
            </li>
          ))}
        </ol>
      )}
      <p>{t('conflict.choose')}</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={onLoadTheirs}>
          {t('conflict.loadTheirs')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onSaveMine}>
          {t('conflict.saveMine')}
        </button>
      </div>
    </section>
  );
}
