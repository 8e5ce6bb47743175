/** The evaluation form's fields (issue 25): evaluator, criteria table, findings, recommendations with response and actions. */
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { dacCriteria, evaluatorKinds, fourPointRatings, managementResponses } from '../../../../src/domain/program/evaluation.js';
import { OptionalCodeSelect } from '../../components/CodeSelect.js';
import { Field } from '../../components/Field.js';
import type { FieldErrors } from '../../components/field-errors.js';
import { useFormat } from '../../format.js';
import { emptyAction, emptyRecommendation, type EvaluationForm, type RecommendationRow } from './evaluation-form.js';

interface Props {
  form: EvaluationForm;
  setForm: Dispatch<SetStateAction<EvaluationForm>>;
  errors: FieldErrors;
}

export function EvaluationFields({ form, setForm, errors }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const set = <K extends keyof EvaluationForm>(key: K, value: EvaluationForm[K]) => setForm((s) => ({ ...s, [key]: value }));
  const setCriterion = (i: number, patch: Partial<EvaluationForm['criteria'][number]>) =>
    setForm((s) => ({ ...s, criteria: s.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const setRecommendation = (i: number, patch: Partial<RecommendationRow>) =>
    setForm((s) => ({ ...s, recommendations: s.recommendations.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  return (
    <>
      <div className="row">
        <Field label={t('evaluation.evaluatorName')} error={errors.get('evaluatorName')}>
          {(p) => <input {...p} value={form.evaluatorName} onChange={(e) => set('evaluatorName', e.target.value)} />}
        </Field>
        <Field label={t('evaluation.evaluatorOrg')} error={errors.get('evaluatorOrg')}>
          {(p) => <input {...p} value={form.evaluatorOrg} onChange={(e) => set('evaluatorOrg', e.target.value)} />}
        </Field>
        <Field label={t('evaluation.evaluatorKind')} error={errors.get('evaluatorKind')}>
          {(p) => (
            <OptionalCodeSelect
              {...p}
              codes={evaluatorKinds}
              emptyLabel="—"
              value={form.evaluatorKind}
              onChange={(v) => set('evaluatorKind', v)}
            />
          )}
        </Field>
        <Field label={t('evaluation.evaluatedOn')} error={errors.get('evaluatedOn')}>
          {(p) => <input {...p} type="date" value={form.evaluatedOn} onChange={(e) => set('evaluatedOn', e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('evaluation.criteria')}</legend>
        {form.criteria.map((c, i) => (
          <div className="row sub" key={c.criterion}>
            <Field label={`${f.code(dacCriteria, c.criterion)}: ${t('evaluation.rating')}`}>
              {(p) => (
                <OptionalCodeSelect
                  {...p}
                  codes={fourPointRatings}
                  emptyLabel="—"
                  value={c.rating}
                  disabled={c.notAssessed}
                  onChange={(v) => setCriterion(i, { rating: v })}
                />
              )}
            </Field>
            <div className="field checkbox">
              <label>
                <input type="checkbox" checked={c.notAssessed} onChange={(e) => setCriterion(i, { notAssessed: e.target.checked })} />{' '}
                {t('evaluation.notAssessed')}
              </label>
            </div>
            <Field label={`${f.code(dacCriteria, c.criterion)}: ${t('evaluation.reason')}`}>
              {(p) => <input {...p} value={c.reason} onChange={(e) => setCriterion(i, { reason: e.target.value })} />}
            </Field>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('evaluation.findings')}</legend>
        {form.findings.map((x, i) => (
          <div className="row sub" key={i}>
            <Field label={t('evaluation.finding', { n: i + 1 })} error={errors.get(`findings.${i}`)}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  value={x}
                  onChange={(e) =>
                    set(
                      'findings',
                      form.findings.map((y, j) => (j === i ? e.target.value : y)),
                    )
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'findings',
                  form.findings.filter((_, j) => j !== i),
                )
              }
            >
              {t('evaluation.removeFinding', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => set('findings', [...form.findings, ''])}>
          {t('evaluation.addFinding')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('evaluation.recommendations')}</legend>
        {form.recommendations.map((r, i) => (
          <fieldset key={i}>
            <legend>{t('evaluation.recommendation', { n: i + 1 })}</legend>
            <Field label={t('evaluation.recommendation', { n: i + 1 })} error={errors.get(`recommendations.${i}.text`)}>
              {(p) => <textarea {...p} rows={2} value={r.text} onChange={(e) => setRecommendation(i, { text: e.target.value })} />}
            </Field>
            <div className="row">
              <Field label={t('evaluation.response')} error={errors.get(`recommendations.${i}.response`)}>
                {(p) => (
                  <OptionalCodeSelect
                    {...p}
                    codes={managementResponses}
                    emptyLabel={t('evaluation.noResponse')}
                    value={r.response}
                    onChange={(v) => setRecommendation(i, { response: v })}
                  />
                )}
              </Field>
              <Field label={t('evaluation.responseReason')} error={errors.get(`recommendations.${i}.responseReason`)}>
                {(p) => (
                  <input {...p} value={r.responseReason} onChange={(e) => setRecommendation(i, { responseReason: e.target.value })} />
                )}
              </Field>
            </div>
            <p className="muted">{t('evaluation.actions')}</p>
            {r.actions.map((act, j) => {
              const setAction = (patch: Partial<typeof act>) =>
                setRecommendation(i, { actions: r.actions.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
              const at = `recommendations.${i}.actions.${j}`;
              return (
                <div className="row sub" key={j}>
                  <Field label={t('evaluation.action')} error={errors.get(`${at}.action`)}>
                    {(p) => <input {...p} value={act.action} onChange={(e) => setAction({ action: e.target.value })} />}
                  </Field>
                  <Field label={t('evaluation.owner')} error={errors.get(`${at}.owner`)}>
                    {(p) => <input {...p} value={act.owner} onChange={(e) => setAction({ owner: e.target.value })} />}
                  </Field>
                  <Field label={t('evaluation.dueOn')} error={errors.get(`${at}.dueOn`)}>
                    {(p) => <input {...p} type="date" value={act.dueOn} onChange={(e) => setAction({ dueOn: e.target.value })} />}
                  </Field>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setRecommendation(i, { actions: r.actions.filter((_, k) => k !== j) })}
                  >
                    {t('evaluation.removeAction', { n: i + 1, m: j + 1 })}
                  </button>
                </div>
              );
            })}
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setRecommendation(i, { actions: [...r.actions, emptyAction()] })}>
                {t('evaluation.addAction')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  set(
                    'recommendations',
                    form.recommendations.filter((_, k) => k !== i),
                  )
                }
              >
                {t('evaluation.removeRecommendation', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('recommendations', [...form.recommendations, emptyRecommendation()])}
        >
          {t('evaluation.addRecommendation')}
        </button>
      </fieldset>
    </>
  );
}
