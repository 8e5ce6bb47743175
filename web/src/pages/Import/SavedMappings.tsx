/**
 * The column mappings an agency saved (issue 21): which import, how many columns, who saved it
 * and when, and Delete behind a confirmation. The coordination team chooses the agency.
 */
import { useTranslation } from 'react-i18next';
import { useDeleteImportMapping, useImportMappings } from '../../api/import-queries.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { AgencySelect } from './AgencySelect.js';

export function SavedMappings({ agency, onAgency }: { agency: string; onAgency?: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useImportMappings(agency);
  const remove = useDeleteImportMapping();
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="saved-mappings-title">
      <h2 id="saved-mappings-title">{t('importMapping.list.title')}</h2>
      {onAgency && <AgencySelect label={t('importMapping.list.agency')} value={agency} onChange={onAgency} />}
      {list.error && <ProblemMessage error={list.error} />}
      {remove.error && <ProblemMessage error={remove.error} />}
      {agency !== '' && list.isSuccess && items.length === 0 && <p className="muted">{t('importMapping.list.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('importMapping.list.kind')}</th>
                <th scope="col">{t('importMapping.list.columns')}</th>
                <th scope="col">{t('importMapping.list.savedBy')}</th>
                <th scope="col">{t('importMapping.list.savedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('importMapping.list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{t(`import.kinds.${m.kind}`)}</td>
                  <td title={m.headers.join(', ')}>{f.number(m.headers.filter((h) => h !== '').length)}</td>
                  <td>{m.updatedByName ?? '—'}</td>
                  <td>{f.date(m.updatedAt.slice(0, 10))}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={remove.isPending}
                      aria-label={t('importMapping.list.deleteOne', { kind: t(`import.kinds.${m.kind}`), columns: m.headers.join(', ') })}
                      onClick={() => window.confirm(t('importMapping.list.confirmDelete')) && remove.mutate(m.id)}
                    >
                      {t('importMapping.list.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
