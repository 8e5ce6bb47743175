/** The breach log (UU PDP Art. 46): each breach with its 3 × 24-hour clock; record one, then its notifications. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBreaches, useChangeBreach, useRecordBreach, type Breach, type BreachInput } from '../../api/personal-data-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';

const CATEGORIES = [
  'identity',
  'contact',
  'consent',
  'selection',
  'cv',
  'letter',
  'attendance',
  'certificates',
  'mail',
  'survey_text',
  'partner_contacts',
  'program_documents',
  'accounts',
  'audit',
] as const;

const instant = (iso: string | null, lang: string) =>
  iso
    ? new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        new Date(iso),
      ) + ' UTC'
    : null;

export function BreachSection() {
  const { t } = useTranslation();
  const breaches = useBreaches();
  const change = useChangeBreach();
  return (
    <section className="card" aria-labelledby="pd-breaches">
      <h2 id="pd-breaches">{t('personalData.breaches.title')}</h2>
      <p className="muted">{t('personalData.breaches.intro')}</p>
      {change.error && <ProblemMessage error={change.error} />}
      {breaches.isPending ? (
        <Loading />
      ) : breaches.error || !breaches.data ? (
        <ProblemMessage error={breaches.error} onRetry={() => void breaches.refetch()} />
      ) : breaches.data.items.length === 0 ? (
        <p>{t('personalData.breaches.none')}</p>
      ) : (
        <ul className="plain">
          {breaches.data.items.map((b) => (
            <BreachItem
              key={b.id}
              breach={b}
              busy={change.isPending}
              onChange={(body) => change.mutate({ id: b.id, version: b.version, body })}
            />
          ))}
        </ul>
      )}
      <RecordBreach />
    </section>
  );
}

export function BreachItem({
  breach: b,
  busy,
  onChange,
}: {
  breach: Breach;
  busy: boolean;
  onChange: (body: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const now = () => new Date().toISOString();
  return (
    <li className="card">
      <h3>
        {instant(b.discoveredAt, i18n.language)}: {b.description}
      </h3>
      <dl className="facts">
        <dt>{t('personalData.breaches.categories')}</dt>
        <dd>{b.categories.map((c) => t(`personalData.categories.${c}`)).join(', ')}</dd>
        <dt>{t('personalData.breaches.personsAffected')}</dt>
        <dd>{b.personsAffected}</dd>
        <dt>{t('personalData.breaches.deadline')}</dt>
        <dd>
          {instant(b.deadlineAt, i18n.language)}{' '}
          {b.overdue ? (
            <strong className="warning">{t('personalData.breaches.overdue')}</strong>
          ) : b.hoursLeft !== null ? (
            t('personalData.breaches.hoursLeft', { count: b.hoursLeft })
          ) : null}
          {b.notifiedLate && <> · {t('personalData.breaches.notifiedLate')}</>}
        </dd>
        <dt>{t('personalData.breaches.subjectsNotifiedAt')}</dt>
        <dd>{instant(b.subjectsNotifiedAt, i18n.language) ?? t('personalData.breaches.notYet')}</dd>
        <dt>{t('personalData.breaches.authorityNotifiedAt')}</dt>
        <dd>{instant(b.authorityNotifiedAt, i18n.language) ?? t('personalData.breaches.notYet')}</dd>
        {b.closedAt && (
          <>
            <dt>{t('personalData.breaches.closed')}</dt>
            <dd>{instant(b.closedAt, i18n.language)}</dd>
          </>
        )}
      </dl>
      {!b.closedAt && (
        <p className="actions">
          {!b.subjectsNotifiedAt && (
            <button type="button" disabled={busy} onClick={() => onChange({ subjectsNotifiedAt: now() })}>
              {t('personalData.breaches.notifySubjects')}
            </button>
          )}{' '}
          {!b.authorityNotifiedAt && (
            <button type="button" disabled={busy} onClick={() => onChange({ authorityNotifiedAt: now() })}>
              {t('personalData.breaches.notifyAuthority')}
            </button>
          )}{' '}
          <button type="button" disabled={busy} onClick={() => onChange({ closedAt: now() })}>
            {t('personalData.breaches.close')}
          </button>
        </p>
      )}
    </li>
  );
}

function RecordBreach() {
  const { t } = useTranslation();
  const record = useRecordBreach();
  const [form, setForm] = useState({ discoveredAt: '', description: '', persons: '', categories: [] as string[] });
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: BreachInput = {
      // The datetime-local field is read as UTC, as the log shows it.
      discoveredAt: `${form.discoveredAt}:00Z`,
      description: form.description,
      categories: form.categories as BreachInput['categories'],
      personsAffected: Number(form.persons),
      recordsAffected: null,
      measures: null,
    };
    record.mutate(body, { onSuccess: () => setForm({ discoveredAt: '', description: '', persons: '', categories: [] }) });
  };
  return (
    <form onSubmit={handleSubmit} aria-labelledby="pd-breach-new">
      <h3 id="pd-breach-new">{t('personalData.breaches.record')}</h3>
      {record.error && <ProblemMessage error={record.error} />}
      <label>
        {t('personalData.breaches.discoveredAt')} (UTC)
        <input
          type="datetime-local"
          required
          value={form.discoveredAt}
          onChange={(e) => setForm({ ...form, discoveredAt: e.target.value })}
        />
      </label>
      <label>
        {t('personalData.breaches.description')}
        <textarea required value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </label>
      <fieldset>
        <legend>{t('personalData.breaches.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="inline-field">
            <input
              type="checkbox"
              checked={form.categories.includes(c)}
              onChange={(e) =>
                setForm({ ...form, categories: e.target.checked ? [...form.categories, c] : form.categories.filter((x) => x !== c) })
              }
            />{' '}
            {t(`personalData.categories.${c}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('personalData.breaches.personsAffected')}
        <input type="number" min={0} required value={form.persons} onChange={(e) => setForm({ ...form, persons: e.target.value })} />
      </label>
      <button type="submit" disabled={record.isPending}>
        {t('personalData.breaches.save')}
      </button>
    </form>
  );
}
