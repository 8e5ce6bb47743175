/**
 * The offers and requests of an engagement: each with the program it became, or, for those who
 * edit the engagement, the step that turns it into a program request (keeping the link) and its
 * removal; and the form that adds one.
 */
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cooperationTypes, flagshipAreas, lifecycleStages } from '../../../../src/domain/codes.js';
import { itemKinds, itemSides } from '../../../../src/domain/partnership/engagement.js';
import { ApiError } from '../../api/client.js';
import {
  useAddEngagementItem,
  useDeleteEngagementItem,
  useItemToProgram,
  type Engagement,
  type EngagementItem,
  type ItemProgramBody,
} from '../../api/partnership-queries.js';
import { useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Field, type FieldError } from '../../components/Field.js';
import { useFormat } from '../../format.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { emptyItem, toItemBody, validateItem, type ItemFormState } from './engagement-form.js';
import { AgencySelect, CountryField, ItemFields } from './EngagementFields.js';
import { AddPanel, EngagementProblem } from './EngagementParts.js';
import { FormActions } from '../../components/FormParts.js';
import { OptionalCodeSelect } from '../../components/CodeSelect.js';

export function EngagementItems({ e }: { e: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const remove = useDeleteEngagementItem();
  const [turning, setTurning] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ id: number; identifier: string } | null>(null);
  const canEdit = e.canEdit ?? false;
  const item = e.items.find((i) => i.id === turning);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('partnerships.engagements.sections.items')}</h2>
      {created && (
        <p className="ok" role="status">
          {t('partnerships.engagements.program.created')}{' '}
          <Link to="/programs/$id" params={{ id: String(created.id) }}>
            {created.identifier}
          </Link>
        </p>
      )}
      {e.items.length === 0 ? (
        <p className="muted">{t('partnerships.engagements.items.none')}</p>
      ) : (
        <DataTable
          caption={t('partnerships.engagements.sections.items')}
          head={
            <>
              <th scope="col">{t('partnerships.engagements.items.side')}</th>
              <th scope="col">{t('partnerships.engagements.items.kind')}</th>
              <th scope="col">{t('partnerships.engagements.items.description')}</th>
              <th scope="col">{t('partnerships.engagements.items.area')}</th>
              <th scope="col">{t('partnerships.engagements.items.country')}</th>
              <th scope="col">{t('partnerships.engagements.items.program')}</th>
            </>
          }
        >
          {e.items.map((i) => (
            <tr key={i.id}>
              <td>{f.code(itemSides, i.side)}</td>
              <td>{f.code(itemKinds, i.kind)}</td>
              <td className="title-cell prewrap">{f.text(i.description, i.descriptionId)}</td>
              <td>{f.code(flagshipAreas, i.flagshipArea)}</td>
              <td>{i.country ? f.country(i.country) : '—'}</td>
              <td>
                {i.program ? (
                  <>
                    <Link to="/programs/$id" params={{ id: String(i.program.id) }}>
                      {i.program.identifier}
                    </Link>{' '}
                    <span className={`stage-badge stage-${i.program.lifecycleStage}`}>
                      {f.code(lifecycleStages, i.program.lifecycleStage)}
                    </span>
                  </>
                ) : canEdit ? (
                  <span className="actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('partnerships.engagements.program.turnLabel', { description: i.description.slice(0, 80) })}
                      onClick={() => setTurning(i.id)}
                    >
                      {t('partnerships.engagements.program.turn')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      disabled={remove.isPending}
                      aria-label={t('partnerships.engagements.items.removeLabel', { description: i.description.slice(0, 80) })}
                      onClick={() => {
                        if (window.confirm(t('partnerships.engagements.items.removeConfirm'))) remove.mutate(i.id);
                      }}
                    >
                      {t('common.remove')}
                    </button>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {remove.error && <EngagementProblem error={remove.error} />}
      {item && canEdit && (
        <TurnIntoProgram
          key={item.id}
          e={e}
          item={item}
          onDone={(program) => {
            setTurning(null);
            setCreated(program);
          }}
        />
      )}
      {canEdit &&
        (adding ? (
          <AddItem engagementId={e.id} onDone={() => setAdding(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setAdding(true)}>
              {t('partnerships.engagements.items.addOne')}
            </button>
          </div>
        ))}
    </section>
  );
}

/** Whether every issue of a refusal is shown at a field of the form (else the problem lists them: those of the program it would create). */
const PROGRAM_FIELDS = ['country', 'identifier', 'implementingOrg', 'cooperationType'];
const shownAtFields = (error: unknown) => error instanceof ApiError && error.issues.every((i) => PROGRAM_FIELDS.includes(i.path));

/** The one step from an offer or a request to a program request; the country is asked when the item names none. */
function TurnIntoProgram({
  e,
  item,
  onDone,
}: {
  e: Engagement;
  item: EngagementItem;
  onDone: (program: { id: number; identifier: string } | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const toProgram = useItemToProgram();
  const [country, setCountry] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [agency, setAgency] = useState('');
  const [cooperationType, setCooperationType] = useState('');
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const handleSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!item.country && !country) {
      setErrors(new Map([['country', { code: 'required', message: 'is required' }]]));
      return;
    }
    setErrors(new Map());
    const body: ItemProgramBody = {
      ...(country ? { country } : {}),
      ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
      ...(agency ? { implementingOrg: agency } : {}),
      ...(cooperationTypes.is(cooperationType) ? { cooperationType } : {}),
    };
    toProgram.mutate(
      { itemId: item.id, body },
      {
        onSuccess: (result) => onDone({ id: result.program.id, identifier: result.program.identifier }),
        onError: (error) => {
          if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
        },
      },
    );
  };
  const label = t('partnerships.engagements.program.formTitle', { description: item.description.slice(0, 80) });
  // The server's default: an agency implements what it turns into a program, else the engagement's owner.
  const defaultAgency = user?.role === 'agency' ? user.orgCode : e.ownerOrg;
  return (
    <form className="panel stack" noValidate onSubmit={handleSubmit} aria-label={label}>
      <h3>{label}</h3>
      <p className="muted small">{t('partnerships.engagements.program.intro', { partner: e.partnerName ?? e.partnerOrg ?? '—' })}</p>
      <div className="grid2">
        <CountryField
          label={t('partnerships.engagements.program.country')}
          value={country}
          required={!item.country}
          error={errors.get('country')}
          hint={item.country ? t('partnerships.engagements.program.countryDefault', { country: f.country(item.country) }) : undefined}
          onChange={setCountry}
        />
        <Field
          label={t('partnerships.engagements.program.identifier')}
          error={errors.get('identifier')}
          hint={t('partnerships.engagements.program.identifierHint', { reference: e.reference })}
        >
          {(props) => <input {...props} type="text" value={identifier} onChange={(ev) => setIdentifier(ev.target.value)} />}
        </Field>
        <Field label={t('partnerships.engagements.program.agency')} error={errors.get('implementingOrg')}>
          {(props) => (
            <AgencySelect
              {...props}
              value={agency}
              emptyLabel={
                defaultAgency
                  ? t('partnerships.engagements.program.agencyDefault', { org: defaultAgency })
                  : t('partnerships.engagements.program.agencyNone')
              }
              onChange={setAgency}
            />
          )}
        </Field>
        <Field
          label={t('partnerships.engagements.program.cooperationType')}
          error={errors.get('cooperationType')}
          hint={t('partnerships.engagements.program.cooperationTypeHint')}
        >
          {(props) => (
            <OptionalCodeSelect
              {...props}
              codes={cooperationTypes}
              emptyLabel={t('partnerships.engagements.program.automatic')}
              value={cooperationType}
              onChange={setCooperationType}
            />
          )}
        </Field>
      </div>
      {toProgram.error && <EngagementProblem error={toProgram.error} withIssues={!shownAtFields(toProgram.error)} />}
      <FormActions submit={t('partnerships.engagements.program.submit')} busy={toProgram.isPending} onCancel={() => onDone(null)} />
    </form>
  );
}

function AddItem({ engagementId, onDone }: { engagementId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddEngagementItem(engagementId);
  const [item, setItem] = useState<ItemFormState>(emptyItem);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const handleSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = validateItem(item);
    setErrors(found);
    if (found.size > 0) return;
    add.mutate(toItemBody(item), {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
      },
    });
  };
  return (
    <AddPanel
      title={t('partnerships.engagements.items.addOne')}
      saveLabel={t('partnerships.engagements.items.save')}
      pending={add.isPending}
      error={add.error}
      onSubmit={handleSubmit}
      onCancel={onDone}
    >
      <ItemFields item={item} onChange={(p) => setItem((s) => ({ ...s, ...p }))} err={(path) => errors.get(path)} />
    </AddPanel>
  );
}
