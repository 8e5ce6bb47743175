/**
 * The columns of a chosen file (CSV or XLSX), each with a select of Mitra's fields: the field
 * suggested from its header is preselected, or the mapping the agency saved for the same
 * columns. A workbook of several sheets gets a sheet select. The page sends the mapping (and the
 * sheet) with the dry run (the preview) and the import, and saves it after the import when "Save
 * this mapping" is ticked: for the officer's agency, or the agency the coordination team chooses.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileColumns, type FileColumns, type MappableKind } from '../../api/import-queries.js';
import { useSession } from '../../auth/session.js';
import { useOrgNames } from '../../components/OrgName.js';
import { ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { AgencySelect, choosesAgency } from './AgencySelect.js';

/** What the page sends: file header → Mitra field (null: ignored), and whether to save it. */
export interface MappingChoice {
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<string, string | null>>;
  /** The workbook's sheet the columns were read from (null for CSV). */
  readonly sheet: string | null;
  /** Whether to save it, and for which agency. */
  readonly save: boolean;
  readonly org: string;
}

/** The preselected field of each column: the saved mapping's, else the suggestion. */
function initialFields(columns: FileColumns): (string | null)[] {
  const saved = columns.saved?.mapping;
  return columns.columns.map((c) => (saved && c.header in saved ? (saved[c.header] ?? null) : c.suggestion));
}

export function ColumnMapping({
  kind,
  file,
  agency,
  onAgency,
  onChange,
}: {
  kind: MappableKind;
  file: File;
  /** The agency whose saved mapping is preselected and for which it is saved. */
  agency: string;
  onAgency: (code: string) => void;
  onChange: (choice: MappingChoice | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useOrgNames();
  const { user } = useSession();
  const [sheet, setSheet] = useState('');
  const sheetId = useId();
  const query = useFileColumns(kind, file, { sheet, org: agency });
  const [fields, setFields] = useState<(string | null)[]>([]);
  const [save, setSave] = useState(false);
  const columns = query.data;

  useEffect(() => {
    setFields(columns ? initialFields(columns) : []);
  }, [columns]);

  const headers = useMemo(() => columns?.columns.map((c) => c.header) ?? [], [columns]);
  useEffect(() => {
    if (!columns || query.isPlaceholderData || fields.length !== headers.length) return onChange(null);
    onChange({
      headers,
      mapping: Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? null])),
      sheet: columns.sheet,
      save: save && agency !== '',
      org: agency,
    });
  }, [columns, query.isPlaceholderData, headers, fields, save, agency, onChange]);

  if (query.isPending) return <p className="muted">{t('importMapping.reading')}</p>;
  if (query.error) return <ProblemMessage error={query.error} />;
  if (!columns) return null;

  const label = (field: string) => t(`importMapping.fields.${kind}.${field}`, { defaultValue: field });
  const chosen = fields.filter((x): x is string => !!x);
  const missing = columns.required.filter((group) => !group.some((field) => chosen.includes(field)));
  const twice = [...new Set(chosen.filter((x, i) => chosen.indexOf(x) !== i))];
  // An agency's officers save mappings for their own organisation, the coordination team for any agency.
  const chooser = choosesAgency(user);
  const canSave = chooser || (!!user?.orgCode && user.role === 'agency');

  return (
    <section className="column-mapping" aria-labelledby="column-mapping-title">
      <h2 id="column-mapping-title">{t('importMapping.title')}</h2>
      <p className="muted small">{t('importMapping.intro')}</p>
      {columns.sheets.length > 1 && (
        <p>
          <label htmlFor={sheetId}>{t('importMapping.sheet')}</label>{' '}
          <select id={sheetId} value={columns.sheet ?? ''} onChange={(e) => setSheet(e.target.value)}>
            {columns.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </p>
      )}
      {columns.saved && (
        <p className="success" role="status">
          {chooser
            ? t('importMapping.usingSavedOf', { agency: names.name(columns.saved.org), date: f.date(columns.saved.updatedAt.slice(0, 10)) })
            : t('importMapping.usingSaved', { date: f.date(columns.saved.updatedAt.slice(0, 10)) })}
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
        <p className="save-mapping">
          <label className="check">
            <input type="checkbox" checked={save} disabled={agency === ''} onChange={(e) => setSave(e.target.checked)} />{' '}
            {chooser ? t('importMapping.saveFor') : t('importMapping.save')}
          </label>{' '}
          {chooser && <AgencySelect label={t('importMapping.agency')} value={agency} onChange={onAgency} />}
          <span className="muted small"> {t('importMapping.saveHint')}</span>
        </p>
      )}
    </section>
  );
}
