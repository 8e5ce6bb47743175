/**
 * Freezing the year as its next edition (the coordination team): from edition 2 a reason
 * (errata) is asked; when something blocks the freeze the server lists it, and the form then asks
 * for the reason to freeze anyway, which the edition records.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useFreezeEdition } from '../../api/edition-queries.js';
import { CodedProblem, IssueList } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function FreezeForm({ year, latest }: { year: number; latest: number | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const freeze = useFreezeEdition();
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const number = (latest ?? 0) + 1;
  const blocked = freeze.error instanceof ApiError && freeze.error.code === 'edition.blocked' ? freeze.error : null;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { ...(reason.trim() ? { reason } : {}), ...(override.trim() ? { overrideReason: override } : {}) };
    freeze.mutate(
      { year, body },
      {
        onSuccess: (edition) => {
          setDone(f.lang === 'id' ? edition.titleId : edition.titleEn);
          setReason('');
          setOverride('');
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="freeze-heading">
      <h2 id="freeze-heading">{t('editions.freeze.heading', { year })}</h2>
      <p className="muted">{latest ? t('editions.freeze.next', { number, previous: latest }) : t('editions.freeze.first', { year })}</p>
      {done && (
        <p className="success" role="status">
          {t('editions.freeze.done', { title: done })}
        </p>
      )}
      <form onSubmit={handleSubmit}>
        {latest !== undefined && (
          <div className="field">
            <label htmlFor="freeze-reason">{t('editions.freeze.reason')}</label>
            <textarea id="freeze-reason" required value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </div>
        )}
        {blocked && (
          <div className="problem" role="alert">
            <strong>{t('editions.freeze.blocked', { year })}</strong>
            <IssueList issues={blocked.issues} text={(i) => i.message} />
          </div>
        )}
        {blocked && (
          <div className="field">
            <label htmlFor="freeze-override">{t('editions.freeze.override')}</label>
            <textarea id="freeze-override" required value={override} onChange={(e) => setOverride(e.target.value)} rows={2} />
          </div>
        )}
        {freeze.error && !blocked && <CodedProblem error={freeze.error} texts="editions.errors" />}
        <button type="submit" disabled={freeze.isPending}>
          {t('editions.freeze.submit', { number })}
        </button>
      </form>
    </section>
  );
}
