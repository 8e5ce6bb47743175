/**
 * Collection rounds (docs/rounds.md): every round, latest first; the coordination team opens one
 * for a year or a half-year with a deadline.
 */
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenRound, useRounds } from '../../api/round-queries.js';
import { canRounds } from '../../auth/round-rules.js';
import { useSession } from '../../auth/session.js';
import { CodedProblem, EmptyState, Loading, ProblemMessage } from '../../components/Status.js';

const PERIODS = ['year', 'h1', 'h2'] as const;

export function RoundsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const list = useRounds();
  const rounds = list.data?.items ?? [];
  return (
    <article>
      <h1>{t('rounds.title')}</h1>
      <p className="muted">{t('rounds.intro')}</p>
      {canRounds.manage(user) && <OpenRoundForm />}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : rounds.length === 0 ? (
        <EmptyState>{t('rounds.none')}</EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rounds.columns.round')}</th>
              <th scope="col">{t('rounds.columns.deadline')}</th>
              <th scope="col">{t('rounds.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to="/rounds/$id" params={{ id: String(r.id) }}>
                    {t('rounds.name', { year: r.year, period: t(`rounds.period.${r.period}`) })}
                  </Link>
                </td>
                <td>{r.deadlineDate}</td>
                <td>{t(`rounds.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function OpenRoundForm() {
  const { t } = useTranslation();
  const open = useOpenRound();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('year');
  const [deadline, setDeadline] = useState('');
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate({ year: Number(year), period, deadlineDate: deadline });
  };
  return (
    <section className="card" aria-labelledby="open-round">
      <h2 id="open-round">{t('rounds.open.heading')}</h2>
      <form onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor="round-year">{t('rounds.open.year')}</label>
          <input id="round-year" type="number" required value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="round-period">{t('rounds.open.period')}</label>
          <select id="round-period" value={period} onChange={(e) => setPeriod(PERIODS.find((p) => p === e.target.value) ?? 'year')}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`rounds.period.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="round-deadline">{t('rounds.open.deadline')}</label>
          <input id="round-deadline" type="date" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
        {open.error && <CodedProblem error={open.error} texts="rounds.errors" />}
        <button type="submit" disabled={open.isPending}>
          {t('rounds.open.submit')}
        </button>
      </form>
    </section>
  );
}
