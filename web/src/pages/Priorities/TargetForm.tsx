/** The coordination team's form setting a target for a subject over a span of years (one target a year). */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listGroups } from '../../../../src/domain/reference/groupings.js';
import { REPORT_REGIONS } from '../../../../src/domain/reference/types.js';
import { useCountryLists, useSetTargets, type SubjectKind } from '../../api/analytics-queries.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { useFormat } from '../../format.js';
import { oneOf } from '../../search-params.js';
import { Issues } from './Issues.js';
import { KINDS } from './priorities-search.js';
import { COMPARATORS, firstCodeOf, isShare, METRICS, targetsOf, yearChoices, type Comparator, type Metric } from './target-form.js';

/** A form control with its label (explicit for/id, so the label names only the control). */
function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function YearSelect({
  id,
  years,
  value,
  onChange,
}: {
  id: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

export function TargetForm({ defaultFrom, defaultTo }: { defaultFrom: number; defaultTo: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lists = useCountryLists();
  const save = useSetTargets();
  const [kind, setKind] = useState<SubjectKind>('group');
  const [code, setCode] = useState('PIF');
  const [metric, setMetric] = useState<Metric>('program_share');
  const [comparator, setComparator] = useState<Comparator>('at_least');
  const [target, setTarget] = useState('25');
  const [from, setFrom] = useState(defaultTo);
  const [to, setTo] = useState(defaultTo);
  const [note, setNote] = useState('');
  const codes: { value: string; label: string }[] =
    kind === 'group'
      ? listGroups()
          .filter((g) => g.code !== 'G77')
          .map((g) => ({ value: g.code, label: f.name(g) }))
      : kind === 'region'
        ? REPORT_REGIONS.map((r) => ({ value: r, label: t(`codes.regions.${r}`) }))
        : kind === 'list'
          ? (lists.data?.items ?? []).map((l) => ({ value: l.code, label: f.name(l) }))
          : code
            ? [{ value: code, label: f.country(code) }]
            : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(targetsOf({ kind, code, metric, comparator, target, from, to, note }));
  };
  const years = yearChoices(defaultTo);
  return (
    <section className="card">
      <h2>{t('priorities.setTitle')}</h2>
      <form onSubmit={submit} className="stack" aria-label={t('priorities.setTitle')}>
        <Labelled id="subject-kind" label={t('priorities.subject')}>
          <select
            id="subject-kind"
            value={kind}
            onChange={(e) => {
              const k = oneOf(KINDS, e.target.value);
              if (!k) return;
              setKind(k);
              setCode(firstCodeOf(k, lists.data?.items[0]?.code));
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`priorities.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Labelled>
        {kind === 'country' ? (
          <>
            {code && <p>{f.country(code)}</p>}
            <CountryPicker label={t('priorities.kinds.country')} onPick={setCode} />
          </>
        ) : (
          <Labelled id="subject-code" label={t(`priorities.kinds.${kind}`)}>
            <select id="subject-code" value={code} onChange={(e) => setCode(e.target.value)} required>
              <option value="">{t('priorities.chooseCode')}</option>
              {codes.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Labelled>
        )}
        <Labelled id="target-metric" label={t('priorities.metric')}>
          <select id="target-metric" value={metric} onChange={(e) => setMetric(oneOf(METRICS, e.target.value) ?? metric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`priorities.metrics.${m}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <div className="row">
          <Labelled id="target-comparator" label={t('priorities.comparator')}>
            <select
              id="target-comparator"
              value={comparator}
              onChange={(e) => setComparator(oneOf(COMPARATORS, e.target.value) ?? comparator)}
            >
              <option value="at_least">{t('priorities.comparators.at_least')}</option>
              <option value="at_most">{t('priorities.comparators.at_most')}</option>
            </select>
          </Labelled>
          <Labelled id="target-value" label={t('priorities.target')}>
            <input
              id="target-value"
              type="number"
              min={0}
              max={isShare(metric) ? 100 : undefined}
              step={isShare(metric) ? 0.01 : 1}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              required
            />
          </Labelled>
        </div>
        <div className="row">
          <Labelled id="target-from" label={t('priorities.fromYear')}>
            <YearSelect id="target-from" years={years} value={from} onChange={setFrom} />
          </Labelled>
          <Labelled id="target-to" label={t('priorities.toYear')}>
            <YearSelect id="target-to" years={years} value={to} onChange={setTo} />
          </Labelled>
        </div>
        <label>
          {t('priorities.note')}
          <input type="text" maxLength={400} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending || !code || from > to}>
          {t('priorities.setButton')}
        </button>
        {save.isSuccess && (
          <p role="status" className="ok">
            {t('priorities.saved', { count: save.data.items.length })}
          </p>
        )}
        {save.error && <Issues error={save.error} />}
      </form>
      <p className="muted small">{defaultFrom !== defaultTo ? `${defaultFrom}–${defaultTo}` : ''}</p>
    </section>
  );
}
