/**
 * One collection round (docs/rounds.md). The coordination team sees each agency's programs,
 * complete, confirmed and late, opens an agency's part, reopens it with a reason and closes the
 * round; an agency's officer sees its own part: its programs with what to complete, and confirms.
 */
import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import {
  useCloseRound,
  useConfirmPart,
  useReopenPart,
  useRoundOverview,
  useRoundPart,
  type RoundAgencyPart,
} from '../../api/round-queries.js';
import { canRounds } from '../../auth/round-rules.js';
import { useSession } from '../../auth/session.js';
import { CodedProblem, IssueList, Loading, ProblemMessage } from '../../components/Status.js';

export function RoundPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams({ from: '/rounds/$id' });
  const id = Number(idParam);
  const { user } = useSession();
  const manage = canRounds.manage(user);
  const overview = useRoundOverview(id, manage);
  const [chosen, setChosen] = useState<string | null>(null);
  const agency = manage ? chosen : (user?.orgCode ?? null);
  const close = useCloseRound();
  return (
    <article>
      <h1>{t('app.titles.round')}</h1>
      {manage &&
        (overview.isPending ? (
          <Loading />
        ) : overview.error || !overview.data ? (
          <ProblemMessage error={overview.error} onRetry={() => void overview.refetch()} />
        ) : (
          <section aria-labelledby="round-agencies">
            <h2 id="round-agencies">
              {t('rounds.name', { year: overview.data.round.year, period: t(`rounds.period.${overview.data.round.period}`) })} ·{' '}
              {t('rounds.deadline', { date: overview.data.round.deadlineDate })} · {t(`rounds.status.${overview.data.round.status}`)}
            </h2>
            <table>
              <thead>
                <tr>
                  {(['agency', 'programs', 'complete', 'confirmed', 'late'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`rounds.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.data.agencies.map((a) => (
                  <tr key={a.orgCode}>
                    <td>
                      <button type="button" className="link" onClick={() => setChosen(a.orgCode)}>
                        {a.orgCode}
                      </button>{' '}
                      {a.nameEn}
                    </td>
                    <td>{a.programs}</td>
                    <td>{a.complete}</td>
                    <td>
                      {a.confirmedAt
                        ? t('rounds.confirmedBy', { who: a.confirmedBy, date: a.confirmedAt.slice(0, 10) })
                        : t(`rounds.partStatus.${a.status}`)}
                    </td>
                    <td>{a.late ? t('rounds.late') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {overview.data.round.status === 'open' && (
              <button type="button" disabled={close.isPending} onClick={() => window.confirm(t('rounds.closeConfirm')) && close.mutate(id)}>
                {t('rounds.close')}
              </button>
            )}
          </section>
        ))}
      {agency && <AgencyPart id={id} agency={agency} manage={manage} />}
    </article>
  );
}

function AgencyPart({ id, agency, manage }: { id: number; agency: string; manage: boolean }) {
  const { t } = useTranslation();
  const part = useRoundPart(id, agency);
  if (part.isPending) return <Loading />;
  if (part.error || !part.data) return <ProblemMessage error={part.error} onRetry={() => void part.refetch()} />;
  const p = part.data;
  return (
    <section aria-labelledby="round-part">
      <h2 id="round-part">
        {p.part.orgCode} · {t('rounds.name', { year: p.round.year, period: t(`rounds.period.${p.round.period}`) })} ·{' '}
        {t('rounds.deadline', { date: p.round.deadlineDate })}
      </h2>
      <p>
        {p.part.confirmedAt
          ? t('rounds.confirmedBy', { who: p.part.confirmedBy, date: p.part.confirmedAt.slice(0, 10) })
          : t(`rounds.partStatus.${p.part.status}`)}
        {p.late && ` · ${t('rounds.late')}`}
      </p>
      {p.part.reopenReason && p.part.reopenedAt && (
        <p className="notice">{t('rounds.reopened', { date: p.part.reopenedAt.slice(0, 10), reason: p.part.reopenReason })}</p>
      )}
      <ProgramsTable part={p} />
      {p.round.status === 'open' && p.part.status === 'open' && <ConfirmForm id={id} agency={p.part.orgCode} />}
      {p.round.status === 'open' && p.part.status === 'confirmed' && manage && <ReopenForm id={id} agency={p.part.orgCode} />}
    </section>
  );
}

function ProgramsTable({ part }: { part: RoundAgencyPart }) {
  const { t, i18n } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('rounds.columns.program')}</th>
          <th scope="col">{t('rounds.columns.complete')}</th>
          <th scope="col">{t('rounds.columns.toFix')}</th>
        </tr>
      </thead>
      <tbody>
        {part.programs.map((q) => (
          <tr key={q.programId}>
            <td>
              {q.identifier} {i18n.language === 'id' ? (q.titleId ?? q.titleEn) : (q.titleEn ?? q.titleId)}
            </td>
            <td>{q.complete ? '✓' : '✗'}</td>
            <td>
              <ul>
                {q.findings.map((f) => (
                  <li key={f.rule}>
                    {f.severity === 'required' ? (
                      <strong>{i18n.language === 'id' ? f.id : f.en}</strong>
                    ) : i18n.language === 'id' ? (
                      f.id
                    ) : (
                      f.en
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConfirmForm({ id, agency }: { id: number; agency: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPart();
  const [note, setNote] = useState('');
  const refused = confirm.error instanceof ApiError && confirm.error.code === 'round_part.incomplete' ? confirm.error : null;
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ id, agency, ...(note.trim() ? { note } : {}) });
  };
  return (
    <form onSubmit={handleSubmit} aria-label={t('rounds.confirm.heading')}>
      {refused && (
        <div className="problem" role="alert">
          <strong>{t('rounds.confirm.refused')}</strong>
          <IssueList issues={refused.issues} text={(i) => i.message} />
        </div>
      )}
      {refused && (
        <div className="field">
          <label htmlFor="confirm-note">{t('rounds.confirm.note')}</label>
          <textarea id="confirm-note" required value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        </div>
      )}
      {confirm.error && !refused && <CodedProblem error={confirm.error} texts="rounds.errors" />}
      <button type="submit" disabled={confirm.isPending}>
        {t('rounds.confirm.submit')}
      </button>
    </form>
  );
}

function ReopenForm({ id, agency }: { id: number; agency: string }) {
  const { t } = useTranslation();
  const reopen = useReopenPart();
  const [reason, setReason] = useState('');
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    reopen.mutate({ id, agency, reason });
  };
  return (
    <form onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor="reopen-reason">{t('rounds.reopen.reason')}</label>
        <textarea id="reopen-reason" required value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </div>
      {reopen.error && <CodedProblem error={reopen.error} texts="rounds.errors" />}
      <button type="submit" disabled={reopen.isPending}>
        {t('rounds.reopen.submit')}
      </button>
    </form>
  );
}
