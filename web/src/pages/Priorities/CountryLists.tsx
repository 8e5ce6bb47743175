/** The coordination team's own country lists (a subject a target may be set for): listed, edited, added and deleted. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryLists, useDeleteCountryList, useSaveCountryList, type CountryListData } from '../../api/analytics-queries.js';
import { CountryPicker } from '../../components/CountryPicker.js';
import { QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Issues } from './Issues.js';

export function CountryLists() {
  const { t } = useTranslation();
  const f = useFormat();
  const lists = useCountryLists();
  const save = useSaveCountryList();
  const remove = useDeleteCountryList();
  const [form, setForm] = useState<{ code: string; nameEn: string; nameId: string; countries: string[] }>({
    code: '',
    nameEn: '',
    nameId: '',
    countries: [],
  });
  const edit = (l: CountryListData) => setForm({ code: l.code, nameEn: l.nameEn, nameId: l.nameId, countries: [...l.countries] });
  return (
    <section className="card">
      <h2>{t('priorities.listsTitle')}</h2>
      <p className="muted small">{t('priorities.listsIntro')}</p>
      <QueryState query={lists}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('priorities.noLists')}</p>
          ) : (
            <ul className="plain">
              {data.items.map((l) => (
                <li key={l.code}>
                  <strong>{f.name(l)}</strong> <code>{l.code}</code>: {l.countries.map((c) => f.country(c)).join(', ')}{' '}
                  <button type="button" className="link" onClick={() => edit(l)}>
                    {t('priorities.editList')}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => remove.mutate(l.code)}>
                    {t('common.delete')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {remove.error && <Issues error={remove.error} />}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...form, code: form.code.trim().toLowerCase() });
        }}
      >
        <label>
          {t('priorities.listCode')}
          <input
            type="text"
            value={form.code}
            pattern="[a-zA-Z0-9][a-zA-Z0-9\-]{0,39}"
            onChange={(e) => setForm({ ...form, code: e.target.value })}
            required
          />
        </label>
        <label>
          {t('priorities.nameEn')}
          <input type="text" value={form.nameEn} maxLength={200} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} required />
        </label>
        <label>
          {t('priorities.nameId')}
          <input type="text" value={form.nameId} maxLength={200} onChange={(e) => setForm({ ...form, nameId: e.target.value })} required />
        </label>
        <ul className="chips" aria-label={t('common.countries')}>
          {form.countries.map((c) => (
            <li key={c}>
              {f.country(c)}{' '}
              <button
                type="button"
                className="link"
                aria-label={`${t('common.remove')} ${f.country(c)}`}
                onClick={() => setForm({ ...form, countries: form.countries.filter((x) => x !== c) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <CountryPicker
          label={t('priorities.addCountry')}
          exclude={form.countries}
          onPick={(c) => setForm({ ...form, countries: [...form.countries, c] })}
        />
        <button type="submit" disabled={save.isPending || form.countries.length === 0}>
          {t('priorities.saveList')}
        </button>
        {save.isSuccess && (
          <p role="status" className="ok">
            {t('priorities.listSaved', { code: save.data.code })}
          </p>
        )}
        {save.error && <Issues error={save.error} />}
      </form>
    </section>
  );
}
