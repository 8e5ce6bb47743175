/**
 * The program form's own fields: the basics (titles, codes, implementer) and the dates and venue.
 * Each control shows its error in the active language next to it; the form owns the state.
 */
import { useTranslation } from 'react-i18next';
import {
  activityStatuses,
  cooperationTypes,
  flagshipAreas,
  fundingSources,
  lifecycleStages,
  modalities,
} from '../../../../src/domain/codes.js';
import { useOrganisations } from '../../api/queries.js';
import { CodeSelect, OptionalCodeSelect } from '../../components/CodeSelect.js';
import { CountryChoice } from '../../components/CountryChoice.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { statusOf, type ProgramFormState, type ProgramTextField } from './program-form.js';
import { STATUS_OF_STAGE, statusesOfStage } from '../../../../src/domain/program/stage-status.js';
import { useOrgNames } from '../../components/OrgName.js';

export type SetProgramField = <K extends keyof ProgramFormState>(key: K, value: ProgramFormState[K]) => void;

export interface SectionProps {
  state: ProgramFormState;
  set: SetProgramField;
  /** The error at a field's path. */
  err: (path: string) => FieldError | undefined;
  /** The first error at a path or under it (`sdgs.1` under `sdgs`). */
  errUnder: (prefix: string) => FieldError | undefined;
}

/** A text field of the program (one line, or several with `multiline`). */
function TextField({
  name,
  label,
  state,
  set,
  err,
  required,
  multiline,
  type = 'text',
  hint,
}: SectionProps & { name: ProgramTextField; label: string; required?: boolean; multiline?: boolean; type?: string; hint?: string }) {
  return (
    <Field label={label} error={err(name)} required={required} hint={hint}>
      {(props) =>
        multiline ? (
          <textarea {...props} rows={4} value={state[name]} onChange={(e) => set(name, e.target.value)} />
        ) : (
          <input {...props} type={type} value={state[name]} onChange={(e) => set(name, e.target.value)} />
        )
      }
    </Field>
  );
}

/**
 * The implementing ministry or agency: those that implement programs, by name in the active
 * language's order; an agency officer's own agency, fixed (an agency registers its own programs).
 */
function ImplementerField({ state, set, err, ownAgency }: SectionProps & { ownAgency: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useOrgNames();
  const orgs = useOrganisations().data?.items ?? [];
  const collator = new Intl.Collator(f.lang === 'id' ? 'id' : 'en', { sensitivity: 'base' });
  const agencies = orgs.filter((o) => o.kind === 'provider_agency').sort((a, b) => collator.compare(f.orgName(a), f.orgName(b)));
  const current = state.implementingOrg;
  // A program saved before missions abroad had their own kind may name one: shown, not offered.
  const stale = current !== '' && !agencies.some((o) => o.code === current);
  if (ownAgency) {
    return (
      <Field label={t('program.implementer')} error={err('implementingOrg')} hint={t('form.ownAgency')}>
        {(props) => <input {...props} type="text" readOnly value={names.name(ownAgency)} title={ownAgency} />}
      </Field>
    );
  }
  return (
    <Field label={t('program.implementer')} error={err('implementingOrg')}>
      {(props) => (
        <select {...props} value={current} onChange={(e) => set('implementingOrg', e.target.value)}>
          <option value="">{t('form.choose')}</option>
          {stale && (
            <option value={current} disabled>
              {t('form.cannotImplement', { name: names.name(current) })}
            </option>
          )}
          {agencies.map((o) => (
            <option key={o.code} value={o.code}>
              {f.orgName(o)}
              {o.acronym ? ` (${o.acronym})` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Titles, descriptions, codes, implementer, planned participants, the illustrative tick.
 * `chooseStage`: the coordination team registers at a later stage; `ownAgency`: the agency an
 * agency officer registers for (fixed).
 */
export function BasicsSection({ chooseStage, ownAgency, ...section }: SectionProps & { chooseStage: boolean; ownAgency: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { state, set, err } = section;
  return (
    <fieldset>
      <legend>{t('form.sectionBasics')}</legend>
      <TextField {...section} name="identifier" label={t('program.identifier')} required hint={t('form.identifierHint')} />
      <TextField {...section} name="titleEn" label={t('program.titleEn')} />
      <TextField {...section} name="titleId" label={t('program.titleId')} />
      <TextField {...section} name="descriptionEn" label={t('program.descriptionEn')} multiline />
      <TextField {...section} name="descriptionId" label={t('program.descriptionId')} multiline />
      <div className="row">
        <Field label={t('program.modality')} error={err('modality')}>
          {(props) => (
            <OptionalCodeSelect
              {...props}
              codes={modalities}
              emptyLabel={t('form.choose')}
              value={state.modality}
              onChange={(v) => set('modality', v)}
            />
          )}
        </Field>
        <Field label={t('program.area')} error={err('flagshipArea')}>
          {(props) => (
            <OptionalCodeSelect
              {...props}
              codes={flagshipAreas}
              emptyLabel={t('form.choose')}
              value={state.flagshipArea}
              onChange={(v) => set('flagshipArea', v)}
            />
          )}
        </Field>
        <Field label={t('program.type')} error={err('cooperationType')}>
          {(props) => (
            <CodeSelect {...props} codes={cooperationTypes} value={state.cooperationType} onChange={(v) => set('cooperationType', v)} />
          )}
        </Field>
      </div>
      <div className="row">
        {/* The status follows the stage (issue 21): chosen only where the stage admits more than one (suspended while implementing). */}
        <Field label={t('program.status')} error={err('activityStatus')} hint={t('lifecycle.statusFollowsStage')}>
          {(props) => (
            <select
              {...props}
              value={statusOf(state)}
              disabled={statusesOfStage(state.lifecycleStage).length < 2}
              onChange={(e) => activityStatuses.is(e.target.value) && set('activityStatus', e.target.value)}
            >
              {statusesOfStage(state.lifecycleStage).map((code) => (
                <option key={code} value={code}>
                  {f.code(activityStatuses, code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {chooseStage && (
          <Field label={t('program.stage')} error={err('lifecycleStage')}>
            {(props) => (
              <CodeSelect
                {...props}
                codes={lifecycleStages}
                value={state.lifecycleStage}
                onChange={(v) => {
                  set('lifecycleStage', v);
                  set('activityStatus', STATUS_OF_STAGE[v]);
                }}
              />
            )}
          </Field>
        )}
        <Field label={t('program.funding')} error={err('fundingSource')}>
          {(props) => (
            <OptionalCodeSelect
              {...props}
              codes={fundingSources}
              emptyLabel={t('form.choose')}
              value={state.fundingSource}
              onChange={(v) => set('fundingSource', v)}
            />
          )}
        </Field>
      </div>
      <div className="row">
        <ImplementerField {...section} ownAgency={ownAgency} />
        <TextField {...section} name="participantsPlanned" label={t('program.participantsPlanned')} type="number" />
      </div>
      <label className="check">
        <input type="checkbox" checked={state.illustrative} onChange={(e) => set('illustrative', e.target.checked)} />{' '}
        {t('program.illustrative')}
      </label>
    </fieldset>
  );
}

/** Planned and actual dates, and where the program takes place. */
export function DatesSection(section: SectionProps) {
  const { t } = useTranslation();
  const { state, set, err } = section;
  return (
    <fieldset>
      <legend>{t('form.sectionDates')}</legend>
      <div className="row">
        <TextField {...section} name="plannedStart" label={t('program.plannedStart')} type="date" />
        <TextField {...section} name="plannedEnd" label={t('program.plannedEnd')} type="date" />
        <TextField {...section} name="actualStart" label={t('program.actualStart')} type="date" />
        <TextField {...section} name="actualEnd" label={t('program.actualEnd')} type="date" />
      </div>
      <div className="row">
        <TextField {...section} name="venueCity" label={t('program.venueCity')} />
        <Field label={t('program.venueCountry')} error={err('venueCountry')}>
          {(props) => (
            <CountryChoice
              id={props.id}
              chipId={props.id}
              chipLabel={null}
              label={t('program.venueCountry')}
              value={state.venueCountry}
              onChange={(c) => set('venueCountry', c)}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
