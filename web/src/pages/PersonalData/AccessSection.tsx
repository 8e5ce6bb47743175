/** An access request (UU PDP Art. 7): find the person, then download everything held about them. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personalDataExportUrl, usePersonLookup, type PersonLookup } from '../../api/personal-data-queries.js';
import { ProblemMessage } from '../../components/Status.js';

type By = 'email' | 'personKey' | 'participantId';

function lookupOf(by: By, value: string): PersonLookup {
  if (by === 'participantId') return { participantId: Number(value) };
  return by === 'email' ? { email: value } : { personKey: value };
}

export function AccessSection() {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('email');
  const [value, setValue] = useState('');
  const lookup = usePersonLookup();
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    lookup.mutate(lookupOf(by, value.trim()));
  };
  const found = lookup.data;
  const first = found?.records[0];
  return (
    <section className="card" aria-labelledby="pd-access">
      <h2 id="pd-access">{t('personalData.access.title')}</h2>
      <p className="muted">{t('personalData.access.intro')}</p>
      <form className="actions" onSubmit={handleSubmit}>
        <label className="inline-field">
          {t('personalData.access.by')}{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as By)}>
            {(['email', 'personKey', 'participantId'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`personalData.access.${b}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label className="inline-field">
          {t('personalData.access.value')}{' '}
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
            inputMode={by === 'participantId' ? 'numeric' : undefined}
          />
        </label>{' '}
        <button type="submit" disabled={lookup.isPending}>
          {t('personalData.access.find')}
        </button>
      </form>
      {lookup.error && <ProblemMessage error={lookup.error} />}
      {found && first && (
        <>
          <p>{t('personalData.access.found', { count: found.records.length })}</p>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('personalData.access.record')}</th>
                  <th scope="col">{t('personalData.access.name')}</th>
                  <th scope="col">{t('personalData.access.status')}</th>
                </tr>
              </thead>
              <tbody>
                {found.records.map((r) => (
                  <tr key={r.participantId}>
                    <td>#{r.participantId}</td>
                    <td>{r.fullName}</td>
                    <td>
                      {r.status}
                      {r.erasedAt ? ` (${t('personalData.access.erased')})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="actions">
            <a className="button" href={personalDataExportUrl(first.participantId, 'json')} download>
              {t('personalData.access.downloadJson')}
            </a>{' '}
            <a className="button" href={personalDataExportUrl(first.participantId, 'pdf')} download>
              {t('personalData.access.downloadPdf')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
