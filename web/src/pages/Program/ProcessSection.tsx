/**
 * The program's path through the assistance process: the stages as a stepper (where it stands,
 * or where it left the path when rejected or cancelled), the transitions made so far, and the
 * buttons for the moves this user may make now (the server decides which, and checks again).
 */
import { StageNeeds } from './StageNeeds.js';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { TRANSITIONS, transitionActions } from '../../../../src/domain/program/lifecycle.js';
import { lifecycleStages, type LifecycleStage } from '../../../../src/domain/codes.js';
import type { Program, Schemas } from '../../api/client.js';
import { useTimeline, useTransition, type TransitionAction } from '../../api/queries.js';
import { useSignOffs } from '../../api/sign-off-queries.js';
import { COORDINATION_MINISTRIES } from '../../../../src/domain/sign-off/sign-off.js';
import { can, useSession } from '../../auth/session.js';
import { useInstant } from '../../components/ChangeList.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { CommentDialog } from './CommentDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';

type Timeline = Schemas['Timeline'];

/** The stages of a program that goes the whole way, in order. */
export const MAIN_PATH: readonly LifecycleStage[] = [
  'request',
  'assessment',
  'approved',
  'funded',
  'implementation',
  'completed',
  'evaluated',
];
const STOPPED: readonly LifecycleStage[] = ['rejected', 'cancelled'];

/**
 * The forward steps that cannot be undone (no step leads back from where they go), asked for
 * with a dialog saying what happens. Submitting can be returned, and the steps that need a reason
 * (return, reject, cancel) ask for it in their own dialog.
 */
export const CONFIRMED_ACTIONS = ['approve', 'fund', 'start', 'complete', 'evaluate'] as const satisfies readonly TransitionAction[];
const needsConfirmation = (action: TransitionAction): action is (typeof CONFIRMED_ACTIONS)[number] =>
  CONFIRMED_ACTIONS.some((a) => a === action);

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

/**
 * Each stage of the main path with its state, and the stop (rejected or cancelled) if there is
 * one: a stopped program left the path at the stage of its last transition.
 */
export function stepperSteps(timeline: Pick<Timeline, 'stage' | 'transitions'>): {
  steps: { stage: LifecycleStage; state: StepState }[];
  stop: LifecycleStage | null;
} {
  const stopped = STOPPED.includes(timeline.stage);
  const leftAt = stopped
    ? ([...timeline.transitions].reverse().find((tr) => tr.toStage === timeline.stage)?.fromStage ?? null)
    : timeline.stage;
  const index = leftAt ? MAIN_PATH.indexOf(leftAt) : -1;
  const stateAt = (i: number): StepState =>
    i < index || (stopped && i === index) ? 'done' : !stopped && i === index ? 'current' : stopped ? 'skipped' : 'upcoming';
  const steps = MAIN_PATH.map((stage, i) => ({ stage, state: stateAt(i) }));
  return { steps, stop: stopped ? timeline.stage : null };
}

export function ProcessSection({ a }: { a: Program }) {
  const { t } = useTranslation();
  const timeline = useTimeline(a.id);
  const { user } = useSession();
  return (
    <section className="card process" aria-labelledby="process-title">
      <h2 id="process-title">{t('lifecycle.title')}</h2>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.error || !timeline.data ? (
        <ProblemMessage error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : (
        <>
          <Stepper timeline={timeline.data} />
          <Actions a={a} available={timeline.data.available} />
          {/* The public sees the stage, not who moved the program. */}
          {can.internal(user) && <Transitions timeline={timeline.data} />}
        </>
      )}
    </section>
  );
}

function Stepper({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { steps, stop } = stepperSteps(timeline);
  return (
    <ol className="stepper" aria-label={t('lifecycle.stepperLabel', { stage: f.code(lifecycleStages, timeline.stage) })}>
      {steps.map((s) => (
        <li key={s.stage} className={`step ${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
          <span className="step-mark" aria-hidden="true" />
          <span className="step-name">{f.code(lifecycleStages, s.stage)}</span>
          <span className="sr-only"> ({t(`lifecycle.state.${s.state}`)})</span>
        </li>
      ))}
      {stop && (
        <li className={`step stopped ${stop}`} aria-current="step">
          <span className="step-mark" aria-hidden="true" />
          <span className="step-name">{f.code(lifecycleStages, stop)}</span>
          <span className="sr-only"> ({t('lifecycle.state.current')})</span>
        </li>
      )}
    </ol>
  );
}

function Actions({ a, available }: { a: Program; available: readonly TransitionAction[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const transition = useTransition();
  const [asking, setAsking] = useState<TransitionAction | null>(null);
  const [confirming, setConfirming] = useState<(typeof CONFIRMED_ACTIONS)[number] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // After the last step there is nothing left to do, but what was done is still said.
  if (available.length === 0 && !done) return null;
  const label = (action: TransitionAction) => transitionActions.label(action, f.lang === 'id' ? 'id' : 'en');
  const move = (action: TransitionAction, comment?: string) => {
    setDone(null);
    transition.mutate(
      { id: a.id, version: a.version, action, ...(comment ? { comment } : {}) },
      {
        onSuccess: (moved) => {
          setAsking(null);
          setConfirming(null);
          setDone(t('lifecycle.moved', { stage: f.code(lifecycleStages, moved.lifecycleStage) }));
        },
      },
    );
  };
  return (
    <div className="process-actions">
      {available.length > 0 && (
        <div className="actions" role="group" aria-label={t('lifecycle.actionsLabel')}>
          {available.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'reject' || action === 'cancel' ? 'danger' : action === 'return' ? 'secondary' : undefined}
              disabled={transition.isPending}
              onClick={() => {
                transition.reset();
                if (TRANSITIONS[action].commentRequired) setAsking(action);
                else if (needsConfirmation(action)) setConfirming(action);
                else move(action);
              }}
            >
              {label(action)}
            </button>
          ))}
        </div>
      )}
      {/* Issue 25: what completing or evaluating still needs, before the user tries. */}
      {available.includes('complete') && <StageNeeds programId={a.id} action="complete" />}
      {available.includes('evaluate') && <StageNeeds programId={a.id} action="evaluate" />}
      <AwaitedSignOffs a={a} available={available} />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      {transition.error && !asking && !confirming && <ProblemMessage error={transition.error} />}
      {confirming && (
        <ConfirmDialog
          title={t('lifecycle.confirmTitle', { action: label(confirming) })}
          text={t(`lifecycle.confirm.${confirming}`)}
          confirm={label(confirming)}
          busy={transition.isPending}
          error={transition.error}
          onCancel={() => {
            setConfirming(null);
            transition.reset();
          }}
          onConfirm={() => move(confirming)}
        />
      )}
      {asking && (
        <CommentDialog
          title={t('lifecycle.commentTitle', { action: label(asking) })}
          confirm={label(asking)}
          busy={transition.isPending}
          error={transition.error}
          onCancel={() => {
            setAsking(null);
            transition.reset();
          }}
          onConfirm={(comment) => move(asking, comment)}
        />
      )}
    </div>
  );
}

/** Why approve or fund will be refused yet: the ministries still awaited, or those that disagreed. */
function AwaitedSignOffs({ a, available }: { a: Program; available: readonly TransitionAction[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const gated = available.includes('approve') || available.includes('fund');
  const signOffs = useSignOffs(a.id, gated);
  const step = signOffs.data?.steps.find((s) => s.step === signOffs.data?.current);
  if (!gated || !step || step.mayProceed) return null;
  const names = (codes: readonly string[]) => codes.map((c) => f.code(COORDINATION_MINISTRIES, c)).join(', ');
  return (
    <p className="muted">
      {step.disagreed.length
        ? t('signOffs.disagreed', { ministries: names(step.disagreed) })
        : t('signOffs.waitingOn', { ministries: names(step.waitingOn) })}
    </p>
  );
}

function Transitions({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const f = useFormat();
  const instant = useInstant();
  if (timeline.transitions.length === 0)
    return <p className="muted">{t(timeline.stage === 'request' ? 'lifecycle.noTransitions' : 'lifecycle.registeredAtStage')}</p>;
  return (
    <>
      <h3>{t('lifecycle.steps')}</h3>
      <ol className="transitions">
        {timeline.transitions.map((tr) => (
          <li key={tr.id}>
            <p>
              <strong>{transitionActions.label(tr.action, f.lang === 'id' ? 'id' : 'en')}</strong>{' '}
              {t('lifecycle.fromTo', { from: f.code(lifecycleStages, tr.fromStage), to: f.code(lifecycleStages, tr.toStage) })}
            </p>
            <p className="muted small">{t('lifecycle.byAt', { actor: tr.actorLabel, at: instant(tr.at) })}</p>
            {tr.comment && <blockquote className="comment">{tr.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </>
  );
}
