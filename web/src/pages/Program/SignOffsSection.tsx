/**
 * The coordination ministries' sign-offs (docs/sign-offs.md): per step the ministries the rules
 * require, their opinion, comment, date and deadline, who the program is still waiting on, and
 * for an account of a ministry a form to record its opinion at the step the program is in.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATION_MINISTRIES, signOffOpinions, signOffSteps, type SignOffOpinion } from '../../../../src/domain/sign-off/sign-off.js';
import type { Program } from '../../api/client.js';
import { useRecordSignOff, useSignOffs, type ProgramSignOffs } from '../../api/sign-off-queries.js';
import { can, useSession } from '../../auth/session.js';
import { useInstant } from '../../components/ChangeList.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

type Step = ProgramSignOffs['steps'][number];

export function SignOffsSection({ a }: { a: Program }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const internal = can.internal(user);
  const state = useSignOffs(a.id, internal);
  if (!internal) return null;
  return (
    <section className="card" aria-labelledby="sign-offs-title">
      <h2 id="sign-offs-title">{t('signOffs.title')}</h2>
      <p className="muted">{t('signOffs.intro')}</p>
      {state.isPending ? (
        <Loading />
      ) : state.error || !state.data ? (
        <ProblemMessage error={state.error} onRetry={() => void state.refetch()} />
      ) : (
        <>
          {state.data.steps.map((step) => (
            <StepTable key={step.step} step={step} current={state.data.current === step.step} />
          ))}
          {state.data.current && state.data.mySignFor && <SignOffForm id={a.id} step={state.data.current} orgCode={state.data.mySignFor} />}
        </>
      )}
    </section>
  );
}

function StepTable({ step, current }: { step: Step; current: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  const ministry = (code: string) => f.code(COORDINATION_MINISTRIES, code);
  return (
    <>
      <h3>
        {f.code(signOffSteps, step.step)}
        {current ? ` — ${t('signOffs.current')}` : ''}
      </h3>
      {step.ministries.length === 0 ? (
        <p className="muted">{t('signOffs.noneRequired')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('signOffs.columns.ministry')}</th>
                <th scope="col">{t('signOffs.columns.status')}</th>
                <th scope="col">{t('signOffs.columns.comment')}</th>
                <th scope="col">{t('signOffs.columns.signed')}</th>
                <th scope="col">{t('signOffs.columns.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {step.ministries.map((m) => (
                <tr key={m.orgCode}>
                  <th scope="row">{ministry(m.orgCode)}</th>
                  <td className={m.status === 'overdue' || m.status === 'disagree' ? 'warning' : undefined}>
                    {t(`signOffs.status.${m.status}`)}
                  </td>
                  <td>{m.comment ?? '—'}</td>
                  <td>{m.signedAt ? t('signOffs.byAt', { actor: m.signedBy ?? '', at: instant(m.signedAt) }) : '—'}</td>
                  <td>{f.date(m.deadlineDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <p role="status">
          {step.mayProceed
            ? t('signOffs.mayProceed')
            : step.disagreed.length
              ? t('signOffs.disagreed', { ministries: step.disagreed.map(ministry).join(', ') })
              : t('signOffs.waitingOn', { ministries: step.waitingOn.map(ministry).join(', ') })}
        </p>
      )}
    </>
  );
}

function SignOffForm({ id, step, orgCode }: { id: number; step: 'assessment' | 'funding'; orgCode: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const record = useRecordSignOff();
  const [opinion, setOpinion] = useState<SignOffOpinion>('agree');
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    record.mutate(
      { id, step, orgCode, opinion, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onSuccess: () => setDone(true) },
    );
  };
  return (
    <form onSubmit={handleSubmit} aria-labelledby="sign-off-form-title">
      <h3 id="sign-off-form-title">{t('signOffs.formTitle', { ministry: f.code(COORDINATION_MINISTRIES, orgCode) })}</h3>
      <fieldset>
        <legend>{t('signOffs.opinion')}</legend>
        {signOffOpinions.codes.map((code) => (
          <label key={code}>
            <input type="radio" name="opinion" value={code} checked={opinion === code} onChange={() => setOpinion(code)} />{' '}
            {f.code(signOffOpinions, code)}
          </label>
        ))}
      </fieldset>
      <label>
        {opinion === 'disagree'
          ? t('signOffs.reason')
          : opinion === 'agree_with_conditions'
            ? t('signOffs.conditions')
            : t('signOffs.comment')}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} required={opinion !== 'agree'} maxLength={4000} />
      </label>
      <button type="submit" disabled={record.isPending}>
        {t('signOffs.record')}
      </button>
      {done && (
        <p className="success" role="status">
          {t('signOffs.recorded')}
        </p>
      )}
      {record.error && <ProblemMessage error={record.error} />}
    </form>
  );
}
