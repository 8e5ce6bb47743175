/**
 * Nominating a candidate for an open offer (embassies, focal points, the coordination team): the
 * candidate's details, their consent, and the CV and nomination letter, sent as one multipart
 * request. The server's field issues are shown next to the fields; on success, the nomination
 * with its status and history.
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sexes } from '../../../../src/domain/codes.js';
import { ALLOWED_TYPES, DEFAULT_UPLOAD_MAX_BYTES } from '../../../../src/domain/offer/documents.js';
import { ApiError } from '../../api/client.js';
import { documentUrl, useNominate, useParticipantHistory, type NominationCreated, type NominationData } from '../../api/offer-queries.js';
import { useOrganisation } from '../../api/queries.js';
import { canOffers } from '../../auth/offer-rules.js';
import { useSession } from '../../auth/session.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { issuesByPath, OfferProblem, ParticipantStatusBadge, StatusHistory, useOfferIssue } from './parts.js';
import { orNull } from '../../components/form-values.js';
import { CodeSelect } from '../../components/CodeSelect.js';

/** What the file inputs offer: the accepted types by extension and media type (the server checks the content). */
const ACCEPT = Object.values(ALLOWED_TYPES)
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.contentType])
  .join(',');
const MAX_MIB = Math.round(DEFAULT_UPLOAD_MAX_BYTES / (1024 * 1024));

interface FormState {
  fullName: string;
  sex: NominationData['sex'];
  country: string;
  organisation: string;
  position: string;
  email: string;
  phone: string;
  consent: boolean;
}

const empty = (country: string): FormState => ({
  fullName: '',
  sex: 'X',
  country,
  organisation: '',
  position: '',
  email: '',
  phone: '',
  consent: false,
});
export function NominationForm({ offerId, recipients }: { offerId: number; recipients: readonly string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const focal = user?.role === 'focal_point';
  const org = useOrganisation(focal ? (user?.orgCode ?? null) : null).data;
  // A focal point nominates its own country's candidates only (the server refuses others).
  const countries = focal && org?.countryCode ? recipients.filter((c) => c === org.countryCode) : recipients;
  const [state, setState] = useState<FormState>(() => empty(recipients.length === 1 ? (recipients[0] ?? '') : ''));
  const cvRef = useRef<HTMLInputElement>(null);
  const letterRef = useRef<HTMLInputElement>(null);
  const nominate = useNominate(offerId);
  const issue = useOfferIssue();
  const [created, setCreated] = useState<NominationCreated | null>(null);
  const errors = issuesByPath(nominate.error, issue);
  const err = (path: string) => errors.get(path);
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }));
  const country = countries.length === 1 ? (countries[0] ?? '') : state.country;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const data: NominationData = {
      fullName: state.fullName.trim(),
      sex: state.sex,
      country,
      organisation: orNull(state.organisation),
      position: orNull(state.position),
      email: state.email.trim(),
      phone: orNull(state.phone),
      consent: state.consent,
    };
    nominate.mutate(
      { data, cv: cvRef.current?.files?.[0] ?? null, letter: letterRef.current?.files?.[0] ?? null },
      { onSuccess: (result) => setCreated(result) },
    );
  };

  const handleAnother = () => {
    setCreated(null);
    setState(empty(state.country));
    nominate.reset();
  };

  if (created) return <Nominated created={created} onAnother={handleAnother} showMine={canOffers.myNominations(user)} />;

  // Problems that belong to no field: the deadline passed, a duplicate, a file too large, …
  const fieldPaths = ['fullName', 'sex', 'country', 'organisation', 'position', 'email', 'phone', 'consent', 'cv', 'letter'];
  const general =
    nominate.error &&
    !(
      nominate.error instanceof ApiError &&
      nominate.error.issues.length > 0 &&
      nominate.error.issues.every((i) => fieldPaths.includes(i.path))
    );
  return (
    <form className="program-form" noValidate onSubmit={handleSubmit} aria-labelledby="nominate-heading">
      <h2 id="nominate-heading">{t('offers.nominate.title')}</h2>
      <p className="muted">{t('offers.nominate.intro')}</p>
      {general && <OfferProblem error={nominate.error} />}
      {nominate.error instanceof ApiError && errors.size > 0 && !general && (
        <p className="error" role="alert">
          {t('offers.nominate.fix')}
        </p>
      )}
      <div className="row">
        <Field label={t('offers.nominate.fullName')} required error={err('fullName')}>
          {(p) => (
            <input {...p} type="text" autoComplete="off" value={state.fullName} onChange={(e) => set({ fullName: e.target.value })} />
          )}
        </Field>
        <Field label={t('offers.nominate.sex')} error={err('sex')}>
          {(p) => <CodeSelect {...p} codes={sexes} value={state.sex} onChange={(sex) => set({ sex })} />}
        </Field>
        <Field label={t('offers.nominate.country')} required error={err('country')} hint={t('offers.nominate.countryHint')}>
          {(p) => (
            <select {...p} value={country} onChange={(e) => set({ country: e.target.value })}>
              {countries.length !== 1 && <option value="">{t('offers.nominate.chooseCountry')}</option>}
              {countries.map((c) => (
                <option key={c} value={c}>
                  {f.country(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('offers.nominate.organisation')} error={err('organisation')}>
          {(p) => <input {...p} type="text" value={state.organisation} onChange={(e) => set({ organisation: e.target.value })} />}
        </Field>
        <Field label={t('offers.nominate.position')} error={err('position')}>
          {(p) => <input {...p} type="text" value={state.position} onChange={(e) => set({ position: e.target.value })} />}
        </Field>
        <Field label={t('offers.nominate.email')} required error={err('email')} hint={t('offers.nominate.emailHint')}>
          {(p) => <input {...p} type="email" autoComplete="off" value={state.email} onChange={(e) => set({ email: e.target.value })} />}
        </Field>
        <Field label={t('offers.nominate.phone')} error={err('phone')}>
          {(p) => <input {...p} type="tel" autoComplete="off" value={state.phone} onChange={(e) => set({ phone: e.target.value })} />}
        </Field>
      </div>
      <div className="row">
        <Field label={t('offers.nominate.cv')} error={err('cv')} hint={t('offers.nominate.fileHint', { max: MAX_MIB })}>
          {(p) => <input {...p} ref={cvRef} type="file" accept={ACCEPT} />}
        </Field>
        <Field label={t('offers.nominate.letter')} error={err('letter')} hint={t('offers.nominate.fileHint', { max: MAX_MIB })}>
          {(p) => <input {...p} ref={letterRef} type="file" accept={ACCEPT} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('offers.nominate.consentTitle')}</legend>
        <p id="consent-text" className="small">
          {t('offers.nominate.consentText')}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={state.consent}
            aria-describedby={`consent-text${err('consent') ? ' consent-error' : ''}`}
            aria-invalid={Boolean(err('consent'))}
            onChange={(e) => set({ consent: e.target.checked })}
          />{' '}
          {t('offers.nominate.consent')}
        </label>
        {err('consent') && (
          <small id="consent-error" className="error" role="alert">
            {err('consent')?.message}
          </small>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={nominate.isPending}>
          {nominate.isPending ? t('offers.nominate.sending') : t('offers.nominate.submit')}
        </button>
      </div>
    </form>
  );
}

function Nominated({ created, onAnother, showMine }: { created: NominationCreated; onAnother: () => void; showMine: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = created.nomination;
  const history = useParticipantHistory(n.id);
  // The form is replaced: the result's heading takes the focus, so keyboard and screen reader users land on it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="success" aria-labelledby="nominated-heading">
      <h2 id="nominated-heading" tabIndex={-1} ref={heading}>
        {t('offers.nominate.done', { name: n.fullName ?? '' })}
      </h2>
      <dl className="facts">
        <dt>{t('offers.columns.status')}</dt>
        <dd>
          <ParticipantStatusBadge status={n.status} />
        </dd>
        <dt>{t('offers.nominate.country')}</dt>
        <dd>{f.country(n.country)}</dd>
        <dt>{t('offers.nominate.email')}</dt>
        <dd>{n.email ?? '—'}</dd>
        <dt>{t('offers.columns.documents')}</dt>
        <dd>
          {created.documents.length === 0
            ? t('offers.nominate.noDocuments')
            : created.documents.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <a href={documentUrl(d.id)} download>
                    {t(`offers.documentKinds.${d.kind}`)}: {d.fileName}
                  </a>
                </span>
              ))}
        </dd>
      </dl>
      <h3>{t('offers.history.title')}</h3>
      {history.isPending ? <Loading /> : history.data ? <StatusHistory events={history.data.events} /> : null}
      <div className="actions">
        <button type="button" onClick={onAnother}>
          {t('offers.nominate.another')}
        </button>
        {showMine && (
          <Link className="button secondary" to="/nominations">
            {t('offers.mine.title')}
          </Link>
        )}
      </div>
    </section>
  );
}
