/**
 * The columns of a chosen file (CSV or XLSX), each with a select of Mitra's fields: the field
 * suggested from its header is preselected, or the mapping the agency saved for the same
 * columns. The page sends the mapping with the dry run (the preview) and the import, and saves it
 * after the import when "Save this mapping for my agency" is ticked.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileColumns, type FileColumns, type MappableKind } from '../../api/import-queries.js';
import { useSession } from '../../auth/session.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

/** What the page sends: file header → Mitra field (null: ignored), and whether to save it. */
export interface MappingChoice {
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly save: boolean;
}

/** The preselected field of each column: the saved mapping's, else the suggestion. */
function initialFields(columns: FileColumns): (string | null)[] {
  const saved = columns.saved?.mapping;
  return columns.columns.map((c) => (saved && c.header in saved ? (saved[c.header] ?? null) : c.suggestion));
}

export function ColumnMapping({
  kind,
  file,
  onChange,
}: {
  kind: MappableKind;
  file: File;
  onChange: (choice: MappingChoice | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const query = useFileColumns(kind, file);
  const [fields, setFields] = useState<(string | null)[]>([]);
  const [save, setSave] = useState(false);
  const columns = query.data;

  useEffect(() => {
    setFields(columns ? initialFields(columns) : []);
    setSave(false);
  }, [columns]);

  const headers = useMemo(() => columns?.columns.map((c) => c.header) ?? [], [columns]);
  useEffect(() => {
    if (!columns || fields.length !== headers.length) return onChange(null);
    onChange({ headers, mapping: Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? null])), save });
  }, [columns, headers, fields, save, onChange]);

  if (query.isPending) return <p className="muted">{t('importMapping.reading')}</p>;
  if (query.error) return <ProblemMessage error={query.error} />;
  if (!columns) return null;

  const label = (field: string) => t(`importMapping.fields.${kind}.${field}`, { defaultValue: field });
  const chosen = fields.filter((x): x is string => !!x);
  const missing = columns.required.filter((group) => !group.some((field) => chosen.includes(field)));
  const twice = [...new Set(chosen.filter((x, i) => chosen.indexOf(x) !== i))];
  // An agency's officers and the coordination team save mappings for their own organisation.
  const canSave = !!user?.orgCode && ['agency', 'coordinator', 'admin'].includes(user.role);

  return (
    <section className="column-mapping" aria-labelledby="column-mapping-title">
      <h2 id="column-mapping-title">{t('importMapping.title')}</h2>
      <p className="muted small">{t('importMapping.intro')}</p>
      {columns.saved && (
        <p className="success" role="status">
          {t('importMapping.usingSaved', { date: f.date(columns.saved.updatedAt.slice(0, 10)) })}
        </p>
      )}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('importMapping.column')}</th>
              <th scope="col">{t('importMapping.samples')}</th>
              <th scope="col">{t('importMapping.field')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.columns.map((c, i) => (
              <tr key={c.index}>
                <th scope="row">{c.header || '—'}</th>
                <td className="muted small">{c.samples.join(' · ')}</td>
                <td>
                  <select
                    aria-label={t('importMapping.field') + ': ' + c.header}
                    value={fields[i] ?? ''}
                    onChange={(e) => setFields((old) => old.map((x, j) => (j === i ? e.target.value || null : x)))}
                  >
                    <option value="">{t('importMapping.ignore')}</option>
                    {columns.fields.map((field) => (
                      <option key={field} value={field}>
                        {label(field)}
                        {field === c.suggestion ? ` (${t('importMapping.suggested')})` : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p className="problem" role="alert">
          {t('importMapping.requiredMissing', { list: missing.map((group) => group.map(label).join(' / ')).join(', ') })}
        </p>
      )}
      {twice.length > 0 && (
        <p className="problem" role="alert">
          {t('importMapping.twice', { list: twice.map(label).join(', ') })}
        </p>
      )}
      {canSave && (
        <label className="check">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> {t('importMapping.save')}
          <span className="muted small"> {t('importMapping.saveHint')}</span>
        </label>
      )}
    </section>
  );
}
