/**
 * Registering a partner government's request. An embassy or a focal point is recorded as the
 * relay; a focal point registers its own government's requests (the country is fixed).
 */
import { useNavigate, useParams } from '@tanstack/react-router';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { listCodelist } from '../../../../src/domain/reference/codelists.js';
import { REQUEST_LIMITS } from '../../../../src/domain/request/request.schema.js';
import { ApiError } from '../../api/client.js';
import { useOrganisation } from '../../api/queries.js';
import { useEditRequest, useRegisterRequest, useRequest, type CooperationRequest } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import { useSession } from '../../auth/session.js';
import { OptionalCodeSelect } from '../../components/CodeSelect.js';
import { CountryChoice } from '../../components/CountryChoice.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { Field, type FieldError } from '../../components/Field.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { RequestProblem } from './parts.js';
import { emptyRequestForm, requestFormOf, toRequestBody, validateRequestForm, type RequestFormState } from './request-form.js';
import { ErrorsBelow } from '../../components/FormParts.js';

const SECTORS = listCodelist('Sector').filter((s) => s.active);

export function NewRequestPage() {
  return <RequestForm />;
}

/** Correcting a request still registered (or under assessment, for the coordination team). */
export function EditRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/requests/$id/edit' });
  const query = useRequest(Number(id));
  const { user } = useSession();
  if (query.isPending) return <Loading />;
  if (query.error || !query.data) return <RequestProblem error={query.error} onRetry={() => void query.refetch()} />;
  if (!canRequests.edit(user, query.data)) return <EmptyState>{t('requests.edit.notAllowed')}</EmptyState>;
  return <RequestForm existing={query.data} />;
}

function RequestForm({ existing }: { existing?: CooperationRequest }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { user } = useSession();
  const register = useRegisterRequest();
  const edit = useEditRequest(existing?.id ?? 0);
  const saving = existing ? edit : register;
  const sectorList = useId();
  const relaying = user?.role === 'embassy' || user?.role === 'focal_point';
  const focal = user?.role === 'focal_point';
  const org = useOrganisation(relaying ? (user?.orgCode ?? null) : null).data;
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const [state, setState] = useState<RequestFormState>(() => (existing ? requestFormOf(existing) : emptyRequestForm(today)));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  // A focal point's government is its organisation's country.
  const country = focal ? (org?.countryCode ?? '') : state.country;
  const set = (patch: Partial<RequestFormState>) => setState((s) => ({ ...s, ...patch }));
  const err = (path: string) => errors.get(path);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = { ...state, country };
    const found = validateRequestForm(next);
    setErrors(found);
    if (found.size > 0) return;
    const done = (saved: CooperationRequest) => void navigate({ to: '/requests/$id', params: { id: String(saved.id) } });
    const onError = (error: Error) => {
      if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
    };
    // A relay emptied by the coordination team is cleared, not kept.
    if (existing)
      edit.mutate(
        { version: existing.version, body: { ...toRequestBody(next), ...(next.relayedBy.trim() ? {} : { relayedBy: null }) } },
        { onSuccess: done, onError },
      );
    else register.mutate(toRequestBody(next), { onSuccess: done, onError });
  };

  if (!existing && !canRequests.register(user)) return null; // the route is guarded; this keeps the form from flashing
  return (
    <article>
      <h1>{existing ? t('requests.edit.title', { reference: existing.reference }) : t('requests.newTitle')}</h1>
      <form className="form" noValidate onSubmit={handleSubmit}>
        <ErrorsBelow errors={errors} />
        <Field
          label={t('requests.fields.country')}
          required
          error={err('country')}
          hint={focal && country ? t('requests.focalCountry', { country: f.country(country) }) : undefined}
        >
          {(props) =>
            focal ? (
              <input {...props} type="text" readOnly value={country ? f.country(country) : ''} />
            ) : (
              <CountryChoice
                id={props.id}
                label={t('requests.fields.country')}
                value={state.country}
                onChange={(country) => set({ country })}
              />
            )
          }
        </Field>
        <Field label={t('requests.fields.topic')} required error={err('topic')} hint={t('requests.fields.topicHint')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={REQUEST_LIMITS.topic}
              value={state.topic}
              onChange={(e) => set({ topic: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('requests.fields.topicId')} error={err('topicId')}>
          {(props) => (
            <input
              {...props}
              type="text"
              lang="id"
              maxLength={REQUEST_LIMITS.topic}
              value={state.topicId}
              onChange={(e) => set({ topicId: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('requests.fields.description')} error={err('description')}>
          {(props) => <textarea {...props} rows={5} value={state.description} onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        <Field label={t('requests.fields.descriptionId')} error={err('descriptionId')}>
          {(props) => (
            <textarea {...props} rows={5} lang="id" value={state.descriptionId} onChange={(e) => set({ descriptionId: e.target.value })} />
          )}
        </Field>
        <div className="grid2">
          <Field label={t('requests.fields.area')} error={err('flagshipArea')}>
            {(props) => (
              <OptionalCodeSelect
                {...props}
                codes={flagshipAreas}
                emptyLabel={t('requests.fields.notSet')}
                value={state.flagshipArea}
                onChange={(flagshipArea) => set({ flagshipArea })}
              />
            )}
          </Field>
          <Field label={t('requests.fields.modality')} error={err('modality')}>
            {(props) => (
              <OptionalCodeSelect
                {...props}
                codes={modalities}
                emptyLabel={t('requests.fields.notSet')}
                value={state.modality}
                onChange={(modality) => set({ modality })}
              />
            )}
          </Field>
        </div>
        <Field label={t('requests.fields.sector')} error={err('sectorCode')} hint={t('requests.fields.sectorHint')}>
          {(props) => (
            <>
              <input
                {...props}
                type="text"
                inputMode="numeric"
                maxLength={5}
                list={sectorList}
                value={state.sectorCode}
                onChange={(e) => set({ sectorCode: e.target.value })}
              />
              <datalist id={sectorList}>
                {SECTORS.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="grid2">
          <Field label={t('requests.fields.periodFrom')} error={err('periodFrom')}>
            {(props) => <input {...props} type="date" value={state.periodFrom} onChange={(e) => set({ periodFrom: e.target.value })} />}
          </Field>
          <Field label={t('requests.fields.periodTo')} error={err('periodTo')}>
            {(props) => <input {...props} type="date" value={state.periodTo} onChange={(e) => set({ periodTo: e.target.value })} />}
          </Field>
        </div>
        <Field label={t('requests.fields.receivedOn')} error={err('receivedOn')}>
          {(props) => (
            <input {...props} type="date" max={today} value={state.receivedOn} onChange={(e) => set({ receivedOn: e.target.value })} />
          )}
        </Field>
        {relaying ? (
          <p className="muted">{t('requests.relayedAuto', { org: org?.acronym ?? user?.orgCode ?? '' })}</p>
        ) : (
          <Field label={t('requests.fields.relayedBy')} error={err('relayedBy')} hint={t('requests.fields.relayedByHint')}>
            {(props) => <input {...props} type="text" value={state.relayedBy} onChange={(e) => set({ relayedBy: e.target.value })} />}
          </Field>
        )}
        {saving.error && !(saving.error instanceof ApiError && saving.error.issues.length > 0) && <RequestProblem error={saving.error} />}
        <div className="actions">
          <button type="submit" disabled={saving.isPending}>
            {existing ? t('requests.edit.save') : t('requests.register')}
          </button>
        </div>
      </form>
    </article>
  );
}
