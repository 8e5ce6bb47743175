/**
 * The unit costs behind the in-kind estimates, and for the coordination team a form to add or
 * change one (the server validates again: positive amounts, known kinds, regions and currencies).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_COST_KINDS, type UnitCostKind } from '../../../../src/domain/finance/unit-costs.js';
import { REPORT_REGIONS, type ReportRegion } from '../../../../src/domain/reference/types.js';
import { ApiError, type Schemas } from '../../api/client.js';
import { useDeleteUnitCost, useSaveUnitCost, useUnitCosts, type UnitCostBody } from '../../api/money-queries.js';
import { can, useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Field, type FieldError } from '../../components/Field.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { FormActions } from '../../components/FormParts.js';
import { oneOf } from '../../search-params.js';

type UnitCost = Schemas['UnitCost'];

interface Draft {
  kind: UnitCostKind;
  region: ReportRegion | '';
  validFrom: string;
  currency: string;
  amount: string;
  note: string;
}

const EMPTY: Draft = {
  kind: 'participant_day',
  region: '',
  validFrom: `${new Date().getFullYear()}-01-01`,
  currency: 'IDR',
  amount: '',
  note: '',
};

const draftOf = (u: UnitCost): Draft => ({
  kind: u.kind,
  region: u.region ?? '',
  validFrom: u.validFrom,
  currency: u.currency,
  amount: u.amount,
  note: u.note ?? '',
});

function bodyOf(d: Draft): UnitCostBody {
  return {
    kind: d.kind,
    ...(d.kind === 'flight' && d.region ? { region: d.region } : {}),
    validFrom: d.validFrom,
    currency: d.currency.trim(),
    amount: d.amount.trim(),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
}

/** The server's field issues by field. */
function serverErrors(error: unknown): Record<string, FieldError> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.split('.')[0] ?? '', { message: i.message, code: i.code }]));
}

function UnitCostForm({ editing, onDone }: { editing: UnitCost | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveUnitCost();
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : EMPTY);
  const errors = serverErrors(save.error);
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: editing?.id, body: bodyOf(draft) }, { onSuccess: onDone });
  };
  return (
    <form className="program-form" onSubmit={handleSubmit} noValidate>
      <fieldset>
        <legend>{editing ? t('money.unitCosts.edit') : t('money.unitCosts.add')}</legend>
        <div className="row">
          <Field label={t('money.unitCosts.kind')} error={errors.kind} required>
            {(p) => (
              <select
                {...p}
                value={draft.kind}
                onChange={(e) => {
                  const kind = oneOf(UNIT_COST_KINDS, e.target.value);
                  if (kind) change({ kind, region: kind === 'flight' ? draft.region : '' });
                }}
              >
                {UNIT_COST_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`money.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('money.unitCosts.region')}
            error={errors.region}
            required={draft.kind === 'flight'}
            hint={t('money.unitCosts.regionHint')}
          >
            {(p) => (
              <select
                {...p}
                value={draft.region}
                disabled={draft.kind !== 'flight'}
                onChange={(e) => change({ region: oneOf(REPORT_REGIONS, e.target.value) ?? '' })}
              >
                <option value="">—</option>
                {REPORT_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`codes.regions.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('money.unitCosts.validFrom')} error={errors.validFrom ?? errors.year} required>
            {(p) => <input {...p} type="date" value={draft.validFrom} onChange={(e) => change({ validFrom: e.target.value })} />}
          </Field>
          <Field label={t('money.unitCosts.currency')} error={errors.currency} required>
            {(p) => (
              <input {...p} value={draft.currency} maxLength={3} onChange={(e) => change({ currency: e.target.value.toUpperCase() })} />
            )}
          </Field>
          <Field label={t('money.unitCosts.amount')} error={errors.amount} required>
            {(p) => <input {...p} inputMode="decimal" value={draft.amount} onChange={(e) => change({ amount: e.target.value })} />}
          </Field>
          <Field label={t('money.unitCosts.note')} error={errors.note}>
            {(p) => <input {...p} value={draft.note} maxLength={200} onChange={(e) => change({ note: e.target.value })} />}
          </Field>
        </div>
        {save.error && Object.keys(errors).length === 0 && <ProblemMessage error={save.error} />}
        <FormActions submit={t('common.save')} busy={save.isPending} onCancel={onDone} />
      </fieldset>
    </form>
  );
}

export function UnitCostSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const costs = useUnitCosts();
  const remove = useDeleteUnitCost();
  const [editing, setEditing] = useState<UnitCost | 'new' | null>(null);
  const editor = can.editUnitCosts(user);
  return (
    <section className="card" aria-labelledby="money-unit-costs">
      <div className="card-head">
        <h2 id="money-unit-costs">{t('money.unitCosts.title')}</h2>
        {editor && editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('money.unitCosts.add')}
          </button>
        )}
      </div>
      <p className="muted small">{t('money.unitCosts.intro')}</p>
      {editor && editing !== null && (
        <UnitCostForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {remove.error && <ProblemMessage error={remove.error} />}
      {costs.isPending ? (
        <Loading />
      ) : costs.error || !costs.data ? (
        <ProblemMessage error={costs.error} onRetry={() => void costs.refetch()} />
      ) : costs.data.items.length === 0 ? (
        <EmptyState>{t('money.unitCosts.none')}</EmptyState>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t('money.unitCosts.kind')}</th>
              <th scope="col">{t('money.unitCosts.region')}</th>
              <th scope="col">{t('money.unitCosts.validFrom')}</th>
              <th scope="col" className="num">
                {t('money.unitCosts.amount')}
              </th>
              <th scope="col">{t('money.unitCosts.note')}</th>
              {editor && <th scope="col">{t('money.unitCosts.actions')}</th>}
            </>
          }
        >
          {costs.data.items.map((u) => (
            <tr key={u.id}>
              <td>{t(`money.kinds.${u.kind}`)}</td>
              <td>{u.region ? t(`codes.regions.${u.region}`) : '—'}</td>
              <td className="nowrap">{f.date(u.validFrom)}</td>
              <td className="num">{f.money(u.amount, u.currency)}</td>
              <td>{u.note ?? ''}</td>
              {editor && (
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('money.unitCosts.confirmDelete'))) remove.mutate(u.id);
                    }}
                  >
                    {t('common.delete')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
