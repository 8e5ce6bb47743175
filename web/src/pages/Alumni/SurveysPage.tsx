/**
 * Survey administration (coordination team): each survey's questions, edited in a simple form
 * (add, remove, reorder; labels in both languages), and sending the due surveys.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_KINDS, SURVEY_MEASURES } from '../../../../src/domain/alumni/survey.js';
import { useSaveSurvey, useSendDueSurveys, useSurveys, type SurveyData, type SurveyQuestionInput } from '../../api/alumni-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { moveItem } from './survey-form.js';
import { oneOf } from '../../search-params.js';

export function SurveysPage() {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const send = useSendDueSurveys();
  return (
    <>
      <div className="page-head">
        <h1>{t('alumni.surveys.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
            {t('alumni.surveys.sendDue')}
          </button>
        </div>
      </div>
      {send.data && (
        <p role="status">{send.data.invited.map((i) => t('alumni.surveys.sent', { code: i.code, count: i.count })).join(' ')}</p>
      )}
      {send.error && <ProblemMessage error={send.error} />}
      {surveys.isPending ? (
        <Loading />
      ) : surveys.error || !surveys.data ? (
        <ProblemMessage error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : (
        surveys.data.items.map((s) => <SurveyEditor key={s.code} survey={s} />)
      )}
    </>
  );
}

function SurveyEditor({ survey }: { survey: SurveyData }) {
  const { t } = useTranslation();
  const save = useSaveSurvey();
  const [questions, setQuestions] = useState<SurveyQuestionInput[]>(survey.questions);
  const [active, setActive] = useState(survey.active);
  useEffect(() => {
    setQuestions(survey.questions);
    setActive(survey.active);
  }, [survey]);
  const change = (i: number, patch: Partial<SurveyQuestionInput>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const add = () =>
    setQuestions((qs) => [...qs, { id: `q${qs.length + 1}`, kind: 'yes_no', labelEn: '', labelId: '', required: false, measure: null }]);
  return (
    <section className="card">
      <h2>
        {survey.nameEn} / {survey.nameId}
      </h2>
      <p className="muted">{t('alumni.surveys.monthsAfter', { count: survey.monthsAfter })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            code: survey.code,
            nameEn: survey.nameEn,
            nameId: survey.nameId,
            monthsAfter: survey.monthsAfter,
            active,
            questions,
          });
        }}
      >
        <label>
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('alumni.surveys.active')}
        </label>
        <ol>
          {questions.map((q, i) => (
            <li key={i}>
              <fieldset>
                <legend>{t('alumni.surveys.question', { n: i + 1 })}</legend>
                <label>
                  {t('alumni.surveys.id')}
                  <input value={q.id} onChange={(e) => change(i, { id: e.target.value })} required />
                </label>
                <label>
                  {t('alumni.surveys.kind')}
                  <select
                    value={q.kind}
                    onChange={(e) => {
                      const kind = oneOf(QUESTION_KINDS, e.target.value);
                      if (kind) change(i, { kind, ...(kind === 'yes_no' ? {} : { measure: null }) });
                    }}
                  >
                    {QUESTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`alumni.surveys.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('alumni.surveys.labelEn')}
                  <input value={q.labelEn} onChange={(e) => change(i, { labelEn: e.target.value })} required />
                </label>
                <label>
                  {t('alumni.surveys.labelId')}
                  <input value={q.labelId} onChange={(e) => change(i, { labelId: e.target.value })} required />
                </label>
                {q.kind === 'choice' && (
                  <label>
                    {t('alumni.surveys.options')}
                    <input
                      value={(q.options ?? []).map((o) => `${o.value}=${o.labelEn}|${o.labelId}`).join('; ')}
                      onChange={(e) => change(i, { options: parseOptions(e.target.value) })}
                      placeholder="a=Yes|Ya; b=No|Tidak"
                    />
                  </label>
                )}
                {q.kind === 'yes_no' && (
                  <label>
                    {t('alumni.surveys.measure')}
                    <select
                      value={q.measure ?? ''}
                      onChange={(e) => change(i, { measure: oneOf(SURVEY_MEASURES, e.target.value) ?? null })}
                    >
                      <option value="">{t('alumni.surveys.noMeasure')}</option>
                      {SURVEY_MEASURES.map((m) => (
                        <option key={m} value={m}>
                          {t(`alumni.measures.${m}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  <input type="checkbox" checked={q.required ?? false} onChange={(e) => change(i, { required: e.target.checked })} />{' '}
                  {t('alumni.surveys.required')}
                </label>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={i === 0}
                    onClick={() => setQuestions((qs) => moveItem(qs, i, i - 1))}
                  >
                    {t('alumni.surveys.up')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={i === questions.length - 1}
                    onClick={() => setQuestions((qs) => moveItem(qs, i, i + 1))}
                  >
                    {t('alumni.surveys.down')}
                  </button>
                  <button type="button" className="danger" onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}>
                    {t('alumni.surveys.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="secondary" onClick={add}>
            {t('alumni.surveys.add')}
          </button>
          <button type="submit" disabled={save.isPending}>
            {t('alumni.surveys.save')}
          </button>
        </div>
        {save.isSuccess && <p role="status">{t('alumni.surveys.saved')}</p>}
        {save.error && <ProblemMessage error={save.error} />}
      </form>
    </section>
  );
}

/** "a=Yes|Ya; b=No|Tidak" → options (the server checks them). */
function parseOptions(text: string): SurveyQuestionInput['options'] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [value = '', labels = ''] = part.split('=');
      const [labelEn = '', labelId = ''] = labels.split('|');
      return { value: value.trim(), labelEn: labelEn.trim(), labelId: (labelId || labelEn).trim() };
    });
}
