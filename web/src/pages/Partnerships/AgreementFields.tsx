/** The agreement's fields, shared by the new-agreement form and the edit form of an agreement. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { agreementKinds, agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import { PARTNERSHIP_LIMITS } from '../../../../src/domain/partnership/partnership.schema.js';
import { useOrganisations } from '../../api/queries.js';
import { CountryChoice } from '../../components/CountryChoice.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { usePartnershipIssue } from './agreement-parts.js';
import { emptyParty, type AgreementFormState, type PartyState } from './agreement-form.js';

/** Statuses an agreement may be recorded in: a new one, or one recorded after the fact. */
const START_STATUSES = ['draft', 'negotiation', 'signed', 'in_force'] as const;

export function AgreementFields({
  state,
  set,
  errors,
  withOwner,
  withStatus,
}: {
  state: AgreementFormState;
  set: (patch: Partial<AgreementFormState>) => void;
  errors: ReadonlyMap<string, FieldError>;
  /** The coordination team chooses the owning agency; an agency owns what it records. */
  withOwner: boolean;
  /** Only a new agreement has its status here; a stored one moves with the status steps. */
  withStatus: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const issue = usePartnershipIssue();
  const organisations = useOrganisations();
  const err = (path: string) => {
    const e = errors.get(path);
    return e ? issue(e) : undefined;
  };
  const agencies = (organisations.data?.items ?? []).filter((o) => o.kind === 'provider_agency');
  const setParty = (i: number, patch: Partial<PartyState>) =>
    set({ parties: state.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const toggleArea = (code: string) =>
    set({ areas: state.areas.includes(code) ? state.areas.filter((a) => a !== code) : [...state.areas, code] });
  const orgList = useId();

  return (
    <>
      <fieldset>
        <legend>{t('partnerships.agreements.sections.agreement')}</legend>
        <div className="grid2">
          <Field label={t('partnerships.agreements.fields.kind')} required error={err('kind')}>
            {(props) => (
              <select {...props} value={state.kind} onChange={(e) => set({ kind: e.target.value })}>
                <option value="">{t('form.choose')}</option>
                {agreementKinds.codes.map((c) => (
                  <option key={c} value={c}>
                    {f.code(agreementKinds, c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {withStatus && (
            <Field
              label={t('partnerships.agreements.fields.status')}
              error={err('status')}
              hint={t('partnerships.agreements.fields.statusHint')}
            >
              {(props) => (
                <select {...props} value={state.status} onChange={(e) => set({ status: e.target.value })}>
                  {START_STATUSES.map((c) => (
                    <option key={c} value={c}>
                      {f.code(agreementStatuses, c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <Field label={t('partnerships.agreements.fields.titleEn')} required error={err('titleEn')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={PARTNERSHIP_LIMITS.title}
              value={state.titleEn}
              onChange={(e) => set({ titleEn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('partnerships.agreements.fields.titleId')} error={err('titleId')}>
          {(props) => (
            <input
              {...props}
              type="text"
              lang="id"
              maxLength={PARTNERSHIP_LIMITS.title}
              value={state.titleId}
              onChange={(e) => set({ titleId: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('partnerships.agreements.fields.subject')} error={err('subject')}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              maxLength={PARTNERSHIP_LIMITS.text}
              value={state.subject}
              onChange={(e) => set({ subject: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('partnerships.agreements.fields.subjectId')} error={err('subjectId')}>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              lang="id"
              maxLength={PARTNERSHIP_LIMITS.text}
              value={state.subjectId}
              onChange={(e) => set({ subjectId: e.target.value })}
            />
          )}
        </Field>
        {withOwner && (
          <Field
            label={t('partnerships.agreements.fields.ownerOrg')}
            error={err('ownerOrg')}
            hint={t('partnerships.agreements.fields.ownerOrgHint')}
          >
            {(props) => (
              <select {...props} value={state.ownerOrg} onChange={(e) => set({ ownerOrg: e.target.value })}>
                <option value="">{t('partnerships.agreements.fields.noOwner')}</option>
                {agencies.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.acronym ? `${o.acronym} — ${f.orgName(o)}` : f.orgName(o)}
                  </option>
                ))}
                {state.ownerOrg && !agencies.some((o) => o.code === state.ownerOrg) && (
                  <option value={state.ownerOrg}>{state.ownerOrg}</option>
                )}
              </select>
            )}
          </Field>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('partnerships.agreements.sections.dates')}</legend>
        <div className="row">
          <Field label={t('partnerships.agreements.fields.signedOn')} error={err('signedOn')}>
            {(props) => <input {...props} type="date" value={state.signedOn} onChange={(e) => set({ signedOn: e.target.value })} />}
          </Field>
          <Field label={t('partnerships.agreements.fields.validFrom')} error={err('validFrom')}>
            {(props) => <input {...props} type="date" value={state.validFrom} onChange={(e) => set({ validFrom: e.target.value })} />}
          </Field>
          <Field label={t('partnerships.agreements.fields.validUntil')} error={err('validUntil')}>
            {(props) => <input {...props} type="date" value={state.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('partnerships.agreements.sections.parties')}</legend>
        <p className="muted small">{t('partnerships.agreements.fields.partiesHint')}</p>
        {err('parties') && (
          <p className="error" role="alert">
            {err('parties')?.message}
          </p>
        )}
        <datalist id={orgList}>
          {organisations.data?.items.map((o) => (
            <option key={o.code} value={o.code}>
              {o.acronym ? `${o.acronym} — ${o.nameEn}` : o.nameEn}
            </option>
          ))}
        </datalist>
        {state.parties.map((p, i) => (
          <div key={i} className="row sub">
            <Field label={t('partnerships.agreements.fields.partyType', { n: i + 1 })}>
              {(props) => (
                <select {...props} value={p.type} onChange={(e) => setParty(i, { type: e.target.value === 'country' ? 'country' : 'org' })}>
                  <option value="org">{t('partnerships.agreements.fields.partyOrg')}</option>
                  <option value="country">{t('partnerships.agreements.fields.partyCountry')}</option>
                </select>
              )}
            </Field>
            {p.type === 'org' ? (
              <Field
                label={t('partnerships.agreements.fields.orgCode')}
                required
                error={err(`parties.${i}.org`) ?? err(`parties.${i}`)}
                hint={t('partnerships.agreements.fields.orgCodeHint')}
              >
                {(props) => (
                  <input {...props} type="text" list={orgList} value={p.org} onChange={(e) => setParty(i, { org: e.target.value })} />
                )}
              </Field>
            ) : (
              <Field
                label={t('partnerships.agreements.fields.country')}
                required
                error={err(`parties.${i}.country`) ?? err(`parties.${i}`)}
              >
                {(props) => (
                  <CountryChoice
                    id={props.id}
                    label={t('partnerships.agreements.fields.country')}
                    value={p.country}
                    onChange={(country) => setParty(i, { country })}
                  />
                )}
              </Field>
            )}
            {state.parties.length > 1 && (
              <button type="button" className="secondary" onClick={() => set({ parties: state.parties.filter((_, j) => j !== i) })}>
                {t('partnerships.agreements.fields.removeParty', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {state.parties.length < PARTNERSHIP_LIMITS.parties && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => set({ parties: [...state.parties, emptyParty('org')] })}>
              {t('partnerships.agreements.fields.addOrg')}
            </button>
            <button type="button" className="secondary" onClick={() => set({ parties: [...state.parties, emptyParty('country')] })}>
              {t('partnerships.agreements.fields.addCountry')}
            </button>
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('partnerships.agreements.fields.areas')}</legend>
        {err('areas') && (
          <p className="error" role="alert">
            {err('areas')?.message}
          </p>
        )}
        <div className="checks">
          {flagshipAreas.codes.map((c) => (
            <label key={c} className="check">
              <input type="checkbox" checked={state.areas.includes(c)} onChange={() => toggleArea(c)} /> {f.code(flagshipAreas, c)}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
