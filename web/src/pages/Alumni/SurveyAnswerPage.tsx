/**
 * The public page of a survey link (/survey/$token): the questions in both languages, answered
 * once, with no sign-in. It shows the program's title and nothing about the person.
 */
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerSurvey, usePublicSurvey, type PublicSurvey } from '../../api/alumni-queries.js';
import { ApiError } from '../../api/client.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { answersOf } from './survey-form.js';

export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/survey/$token' });
  const survey = usePublicSurvey(token);
  return (
    <article className="survey-answer">
      <h1>{t('alumni.answer.title')}</h1>
      {survey.isPending ? (
        <Loading />
      ) : survey.error instanceof ApiError && survey.error.status === 404 ? (
        <p role="alert">{t('alumni.answer.notFound')}</p>
      ) : survey.error || !survey.data ? (
        <ProblemMessage error={survey.error} onRetry={() => void survey.refetch()} />
      ) : survey.data.answered ? (
        <p role="status">{t('alumni.answer.thanks')}</p>
      ) : (
        <AnswerForm token={token} survey={survey.data} />
      )}
    </article>
  );
}

function AnswerForm({ token, survey }: { token: string; survey: PublicSurvey }) {
  const { t } = useTranslation();
  const answer = useAnswerSurvey(token);
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (id: string, value: string) => setValues((v) => ({ ...v, [id]: value }));
  const kinds = Object.fromEntries(survey.questions.map((q) => [q.id, q.kind]));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate(answersOf(values, kinds));
      }}
    >
      <p>
        <strong>{survey.program.titleEn ?? survey.program.titleId}</strong>
        {survey.program.titleId && survey.program.titleId !== survey.program.titleEn && (
          <>
            <br />
            <span className="muted">{survey.program.titleId}</span>
          </>
        )}
      </p>
      <p className="muted">
        {survey.nameEn} / {survey.nameId}
      </p>
      {survey.questions.map((q) => (
        <fieldset key={q.id}>
          <legend>
            {q.labelEn}
            <br />
            <span className="muted" lang="id">
              {q.labelId}
            </span>
            {q.required && <span aria-hidden="true"> *</span>}
          </legend>
          {q.kind === 'yes_no' &&
            (['yes', 'no'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={q.id}
                  value={v}
                  required={q.required}
                  checked={values[q.id] === v}
                  onChange={() => set(q.id, v)}
                />{' '}
                {t(`alumni.answer.${v}`)}
              </label>
            ))}
          {q.kind === 'scale_1_5' &&
            [1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={q.id}
                  value={n}
                  required={q.required}
                  checked={values[q.id] === String(n)}
                  onChange={() => set(q.id, String(n))}
                />{' '}
                {n}
              </label>
            ))}
          {q.kind === 'choice' &&
            (q.options ?? []).map((o) => (
              <label key={o.value}>
                <input
                  type="radio"
                  name={q.id}
                  value={o.value}
                  required={q.required}
                  checked={values[q.id] === o.value}
                  onChange={() => set(q.id, o.value)}
                />{' '}
                {o.labelEn} / {o.labelId}
              </label>
            ))}
          {q.kind === 'text' && (
            <textarea aria-label={q.labelEn} maxLength={2000} value={values[q.id] ?? ''} onChange={(e) => set(q.id, e.target.value)} />
          )}
        </fieldset>
      ))}
      {answer.error && <ProblemMessage error={answer.error} />}
      {answer.isSuccess ? (
        <p role="status">{t('alumni.answer.thanks')}</p>
      ) : (
        <button type="submit" disabled={answer.isPending}>
          {t('alumni.answer.submit')}
        </button>
      )}
    </form>
  );
}
