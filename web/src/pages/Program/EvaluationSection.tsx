/**
 * A program's evaluation (issue 25): the evaluator, the six DAC criteria with rating and reason,
 * the findings, the recommendations with the management response and its actions (follow-ups,
 * with their status). Shown once the program is completed; the coordination team records it.
 * The public sees the ratings and findings of an evaluated program, not the names nor the response.
 */
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpStatuses } from '../../../../src/domain/partnership/engagement.js';
import {
  dacCriteria,
  evaluationScales,
  evaluatorKinds,
  fourPointRatings,
  managementResponses,
} from '../../../../src/domain/program/evaluation.js';
import type { Program, Schemas } from '../../api/client.js';
import { ApiError } from '../../api/client.js';
import { useEvaluation, useSaveEvaluation } from '../../api/completion-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';
import { errorsFromIssues, type FieldErrors } from '../../components/field-errors.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { OrgName } from '../../components/OrgName.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { EvaluationFields } from './EvaluationFields.js';
import { evaluationBody, evaluationErrors, evaluationFormOf, type EvaluationForm } from './evaluation-form.js';
import { NeedsList } from './StageNeeds.js';

export function EvaluationSection({ a }: { a: Program }) {
  if (a.lifecycleStage !== 'completed' && a.lifecycleStage !== 'evaluated') return null;
  return <EvaluationCard a={a} />;
}

function EvaluationCard({ a }: { a: Program }) {
  const { t } = useTranslation();
  const id = useId();
  const query = useEvaluation(a.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const view = query.data;
  return (
    <section className="card" aria-labelledby={`${id}-title`} id="evaluation">
      <h2 id="evaluation-title">{t('evaluation.title')}</h2>
      {query.error && <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />}
      {view && !editing && (
        <>
          <EvaluationView view={view} />
          {a.lifecycleStage === 'completed' && <NeedsList action="evaluate" missing={view.missing} />}
          {saved && (
            <p className="success" role="status">
              {t('evaluation.saved')}
            </p>
          )}
          {view.canEdit && (
            <div className="actions">
              <button type="button" onClick={() => (setSaved(false), setEditing(true))}>
                {view.record ? t('evaluation.edit') : t('evaluation.record')}
              </button>
            </div>
          )}
        </>
      )}
      {view && editing && (
        <EvaluationEditor
          programId={a.id}
          view={view}
          onDone={(ok) => {
            setEditing(false);
            setSaved(ok);
          }}
        />
      )}
    </section>
  );
}

function EvaluationView({ view }: { view: Schemas['Evaluation'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = view.record;
  if (!r) return <p className="muted">{t('evaluation.none')}</p>;
  const statusOf = new Map(view.followUps.map((x) => [x.id, x]));
  return (
    <>
      {r.illustrative && <IllustrativeTag label={t('evaluation.illustrative')} />}
      <dl className="facts">
        <dt>{t('evaluation.evaluator')}</dt>
        <dd>{[r.evaluatorName, r.evaluatorOrg].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{t('evaluation.evaluatorKind')}</dt>
        <dd>{f.code(evaluatorKinds, r.evaluatorKind)}</dd>
        <dt>{t('evaluation.evaluatedOn')}</dt>
        <dd>{f.date(r.evaluatedOn)}</dd>
        <dt>{t('evaluation.scale')}</dt>
        <dd>{f.code(evaluationScales, r.scale)}</dd>
      </dl>
      <DataTable
        caption={t('evaluation.criteria')}
        captionClassName=""
        head={
          <>
            <th scope="col">{t('evaluation.criterion')}</th>
            <th scope="col">{t('evaluation.rating')}</th>
            <th scope="col">{t('evaluation.reason')}</th>
          </>
        }
      >
        {r.criteria.map((c) => (
          <tr key={c.criterion}>
            <th scope="row">{f.code(dacCriteria, c.criterion)}</th>
            <td>
              {c.notAssessed ? t('evaluation.notAssessed') : c.rating ? f.code(fourPointRatings, c.rating) : t('evaluation.noRating')}
            </td>
            <td>{c.reason ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      <h3>{t('evaluation.findings')}</h3>
      {r.findings.length ? (
        <ul>
          {r.findings.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">—</p>
      )}
      {r.recommendations.length > 0 && (
        <>
          <h3>{t('evaluation.recommendations')}</h3>
          <ol>
            {r.recommendations.map((x, i) => (
              <li key={i}>
                <p>{f.text(x.text, x.textId)}</p>
                <p>
                  <strong>{t('evaluation.response')}:</strong>{' '}
                  {x.response ? f.code(managementResponses, x.response) : t('evaluation.noResponse')}
                  {x.responseReason ? ` — ${x.responseReason}` : ''}
                </p>
                {x.actions.length > 0 && (
                  <ul>
                    {x.actions.map((act, j) => {
                      const followUp = act.followUpId === null ? undefined : statusOf.get(act.followUpId);
                      return (
                        <li key={j}>
                          {f.text(act.action, act.actionId)} · {act.owner ? <OrgName code={act.owner} short /> : '—'} · {f.date(act.dueOn)}
                          {followUp && ` · ${f.code(followUpStatuses, followUp.status)}`}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {view.followUps.length > 0 && <Link to="/follow-ups">{t('evaluation.followUpsLink')}</Link>}
        </>
      )}
    </>
  );
}

function EvaluationEditor({
  programId,
  view,
  onDone,
}: {
  programId: number;
  view: Schemas['Evaluation'];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveEvaluation(programId);
  const [form, setForm] = useState<EvaluationForm>(() => evaluationFormOf(view.record));
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = evaluationErrors(form);
    setErrors(found);
    if (found.size) return;
    save.mutate(
      { version: view.version, body: evaluationBody(form) },
      {
        onSuccess: () => onDone(true),
        onError: (error) => error instanceof ApiError && setErrors(errorsFromIssues(error.issues)),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorsBelow errors={errors} />
      <EvaluationFields form={form} setForm={setForm} errors={errors} />
      {save.error && !(save.error instanceof ApiError && save.error.issues.length) && <ProblemMessage error={save.error} />}
      <FormActions submit={t('evaluation.save')} busy={save.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
