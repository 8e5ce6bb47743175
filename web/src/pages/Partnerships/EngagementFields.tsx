/**
 * The engagement forms' controls: the engagement's own fields (new and edit forms), an offer or a
 * request, and a follow-up. Errors come by path, as the server names them.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { engagementKinds, itemKinds, itemSides } from '../../../../src/domain/partnership/engagement.js';
import { PARTNERSHIP_LIMITS } from '../../../../src/domain/partnership/partnership.schema.js';
import { LIMITS } from '../../../../src/domain/schema-helpers.js';
import { useOrganisations } from '../../api/queries.js';
import { CodeSelect, OptionalCodeSelect } from '../../components/CodeSelect.js';
import { CountryChoice } from '../../components/CountryChoice.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import type { EngagementFieldsState, FollowUpFormState, ItemFormState } from './engagement-form.js';

type ErrorAt = (path: string) => FieldError | undefined;

/** A country chosen by typing (English or Indonesian), shown as a chip that clears it. */
export function CountryField({
  label,
  value,
  error,
  hint,
  required,
  onChange,
}: {
  label: string;
  value: string;
  error?: FieldError;
  hint?: string;
  required?: boolean;
  onChange: (iso2: string) => void;
}) {
  const f = useFormat();
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {(props) => (
        <CountryChoice id={props.id} label={label} value={value} chipLabel={`${label}: ${f.country(value)} ×`} onChange={onChange} />
      )}
    </Field>
  );
}

/** The organisations to choose from: the counterparts (partners, multilaterals, recipient institutions) and Indonesia's agencies. */
export function useOrgChoices() {
  const items = useOrganisations().data?.items ?? [];
  const byName = (a: { acronym: string | null; nameEn: string }, b: { acronym: string | null; nameEn: string }) =>
    (a.acronym ?? a.nameEn).localeCompare(b.acronym ?? b.nameEn);
  return {
    counterparts: items.filter((o) => o.kind !== 'provider_agency').sort(byName),
    agencies: items.filter((o) => o.kind === 'provider_agency').sort(byName),
  };
}

function OrgOptions({ orgs }: { orgs: readonly { code: string; acronym: string | null; nameEn: string }[] }) {
  return (
    <>
      {orgs.map((o) => (
        <option key={o.code} value={o.code}>
          {o.acronym ?? o.nameEn} ({o.code})
        </option>
      ))}
    </>
  );
}

/** An agency chosen among Indonesia's ministries and agencies ("" for none). */
export function AgencySelect({
  id,
  value,
  emptyLabel,
  onChange,
  ...rest
}: {
  id: string;
  value: string;
  emptyLabel: string;
  onChange: (code: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { agencies } = useOrgChoices();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{emptyLabel}</option>
      <OrgOptions orgs={agencies} />
      {value && !agencies.some((o) => o.code === value) && <option value={value}>{value}</option>}
    </select>
  );
}

export function EngagementFields({
  state,
  onChange,
  err,
  chooseOwner,
  ownOrg,
}: {
  state: EngagementFieldsState;
  onChange: (patch: Partial<EngagementFieldsState>) => void;
  err: ErrorAt;
  /** The coordination team chooses the owning agency; an agency owns what it records. */
  chooseOwner: boolean;
  ownOrg: string | null;
}) {
  const { t } = useTranslation();
  const { counterparts } = useOrgChoices();
  const text = (key: 'counterpart' | 'delegation' | 'purpose' | 'purposeId' | 'outcome') => (
    <Field label={t(`partnerships.engagements.fields.${key}`)} error={err(key)}>
      {(props) => (
        <textarea
          {...props}
          rows={2}
          lang={key === 'purposeId' ? 'id' : undefined}
          maxLength={PARTNERSHIP_LIMITS.text}
          value={state[key]}
          onChange={(e) => onChange({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <>
      <div className="grid2">
        <Field label={t('partnerships.engagements.fields.kind')} required error={err('kind')}>
          {(props) => <CodeSelect {...props} codes={engagementKinds} value={state.kind} onChange={(kind) => onChange({ kind })} />}
        </Field>
        <Field label={t('partnerships.engagements.fields.title')} required error={err('title')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={PARTNERSHIP_LIMITS.title}
              value={state.title}
              onChange={(e) => onChange({ title: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t('partnerships.engagements.fields.titleId')} error={err('titleId')}>
        {(props) => (
          <input
            {...props}
            type="text"
            lang="id"
            maxLength={PARTNERSHIP_LIMITS.title}
            value={state.titleId}
            onChange={(e) => onChange({ titleId: e.target.value })}
          />
        )}
      </Field>
      <div className="grid2">
        <Field label={t('partnerships.engagements.fields.startsOn')} required error={err('startsOn')}>
          {(props) => <input {...props} type="date" value={state.startsOn} onChange={(e) => onChange({ startsOn: e.target.value })} />}
        </Field>
        <Field label={t('partnerships.engagements.fields.endsOn')} error={err('endsOn')}>
          {(props) => (
            <input
              {...props}
              type="date"
              min={state.startsOn || undefined}
              value={state.endsOn}
              onChange={(e) => onChange({ endsOn: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="grid2">
        <Field label={t('partnerships.engagements.fields.place')} error={err('place')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={LIMITS.shortText}
              value={state.place}
              onChange={(e) => onChange({ place: e.target.value })}
            />
          )}
        </Field>
        <CountryField
          label={t('partnerships.engagements.fields.country')}
          value={state.country}
          error={err('country')}
          onChange={(country) => onChange({ country })}
        />
      </div>
      <Field
        label={t('partnerships.engagements.fields.partnerOrg')}
        error={err('partnerOrg')}
        hint={t('partnerships.engagements.fields.partnerOrgHint')}
      >
        {(props) => (
          <select {...props} value={state.partnerOrg} onChange={(e) => onChange({ partnerOrg: e.target.value })}>
            <option value="">{t('partnerships.engagements.fields.noPartner')}</option>
            <OrgOptions orgs={counterparts} />
            {state.partnerOrg && !counterparts.some((o) => o.code === state.partnerOrg) && (
              <option value={state.partnerOrg}>{state.partnerOrg}</option>
            )}
          </select>
        )}
      </Field>
      {text('counterpart')}
      {text('delegation')}
      {text('purpose')}
      {text('purposeId')}
      {text('outcome')}
      {chooseOwner ? (
        <Field
          label={t('partnerships.engagements.fields.ownerOrg')}
          error={err('ownerOrg')}
          hint={t('partnerships.engagements.fields.ownerOrgHint')}
        >
          {(props) => (
            <AgencySelect
              {...props}
              value={state.ownerOrg}
              emptyLabel={t('partnerships.engagements.fields.noOwner')}
              onChange={(ownerOrg) => onChange({ ownerOrg })}
            />
          )}
        </Field>
      ) : (
        <p className="muted">{t('partnerships.engagements.fields.ownedByYou', { org: state.ownerOrg || ownOrg || '—' })}</p>
      )}
    </>
  );
}

/** An offer or a request: who put it forward, which, what, for which area and country. */
export function ItemFields({
  item,
  onChange,
  err,
  prefix = '',
}: {
  item: ItemFormState;
  onChange: (patch: Partial<ItemFormState>) => void;
  err: ErrorAt;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const at = (field: string) => err(prefix ? `${prefix}.${field}` : field);
  return (
    <>
      <div className="row">
        <Field label={t('partnerships.engagements.items.side')} required error={at('side')}>
          {(props) => <CodeSelect {...props} codes={itemSides} value={item.side} onChange={(side) => onChange({ side })} />}
        </Field>
        <Field label={t('partnerships.engagements.items.kind')} required error={at('kind')}>
          {(props) => <CodeSelect {...props} codes={itemKinds} value={item.kind} onChange={(kind) => onChange({ kind })} />}
        </Field>
        <Field label={t('partnerships.engagements.items.area')} error={at('flagshipArea')}>
          {(props) => (
            <OptionalCodeSelect
              {...props}
              codes={flagshipAreas}
              emptyLabel={t('partnerships.engagements.items.noArea')}
              value={item.flagshipArea}
              onChange={(flagshipArea) => onChange({ flagshipArea })}
            />
          )}
        </Field>
        <CountryField
          label={t('partnerships.engagements.items.country')}
          value={item.country}
          error={at('country')}
          onChange={(country) => onChange({ country })}
        />
      </div>
      <Field label={t('partnerships.engagements.items.description')} required error={at('description')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={PARTNERSHIP_LIMITS.text}
            value={item.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('partnerships.engagements.items.descriptionId')} error={at('descriptionId')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            lang="id"
            maxLength={PARTNERSHIP_LIMITS.text}
            value={item.descriptionId}
            onChange={(e) => onChange({ descriptionId: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** A follow-up: what (and in Indonesian, optional), who answers for it (an account's email or an organisation's code), by when. */
export function FollowUpFields({
  followUp,
  onChange,
  err,
  prefix = '',
}: {
  followUp: FollowUpFormState;
  onChange: (patch: Partial<FollowUpFormState>) => void;
  err: ErrorAt;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const owners = useId();
  const { counterparts, agencies } = useOrgChoices();
  const at = (field: string) => err(prefix ? `${prefix}.${field}` : field);
  return (
    <>
      <div className="row">
        <Field label={t('partnerships.followUps.fields.action')} required error={at('action')}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={PARTNERSHIP_LIMITS.text}
              value={followUp.action}
              onChange={(e) => onChange({ action: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('partnerships.followUps.fields.owner')}
          required
          error={at('owner')}
          hint={t('partnerships.followUps.fields.ownerHint')}
        >
          {(props) => (
            <>
              <input
                {...props}
                type="text"
                list={owners}
                maxLength={LIMITS.email}
                value={followUp.owner}
                onChange={(e) => onChange({ owner: e.target.value })}
              />
              <datalist id={owners}>
                {[...agencies, ...counterparts].map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.acronym ?? o.nameEn}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('partnerships.followUps.fields.dueOn')} error={at('dueOn')}>
          {(props) => <input {...props} type="date" value={followUp.dueOn} onChange={(e) => onChange({ dueOn: e.target.value })} />}
        </Field>
      </div>
      <Field label={t('partnerships.followUps.fields.actionId')} error={at('actionId')}>
        {(props) => (
          <input
            {...props}
            type="text"
            lang="id"
            maxLength={PARTNERSHIP_LIMITS.text}
            value={followUp.actionId}
            onChange={(e) => onChange({ actionId: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
