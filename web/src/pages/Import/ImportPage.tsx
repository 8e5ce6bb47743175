/**
 * Upload a CSV or IATI file: a dry run first shows every bad row; only a clean spreadsheet can be
 * imported. Another publisher's IATI file becomes other providers' data (issue 22): an activity
 * that breaks an IATI rule is kept with its warning, one Mitra cannot represent is refused alone
 * (unless "all or nothing" is chosen).
 */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/client.js';
import { useImport, type ImportKind } from '../../api/queries.js';
import { can, useSession } from '../../auth/session.js';
import { useSaveImportMapping } from '../../api/import-queries.js';
import { ColumnMapping, type MappingChoice } from './ColumnMapping.js';
import { ProblemMessage } from '../../components/Status.js';
import { useOrgNames } from '../../components/OrgName.js';
import { choosesAgency } from './AgencySelect.js';
import { SavedMappings } from './SavedMappings.js';
import { useFormat } from '../../format.js';
import { ImportErrors } from './ImportErrors.js';
import { IatiDone, IatiWarnings } from './IatiWarnings.js';
import { ACTIVITY_COLUMNS, PARTICIPANT_COLUMNS, RATE_COLUMNS } from '../../../../src/domain/import/csv-columns.js';

const COLUMNS = { activities: ACTIVITY_COLUMNS, participants: PARTICIPANT_COLUMNS, rates: RATE_COLUMNS } as const;
const ALL_KINDS: readonly ImportKind[] = ['activities', 'participants', 'rates', 'iati'];
/** What an implementing agency imports: the participants of its own programs (the server checks each row's program). */
const AGENCY_KINDS: readonly ImportKind[] = ['participants'];

export function ImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const search = useSearch({ from: '/import' });
  const navigate = useNavigate({ from: '/import' });
  const { user } = useSession();
  const everything = can.import(user);
  const kinds = everything ? ALL_KINDS : AGENCY_KINDS;
  const kind: ImportKind = everything ? (search.kind ?? 'activities') : 'participants';
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const upload = useImport();
  const mappable = kind === 'activities' || kind === 'participants';
  const [mapping, setMapping] = useState<MappingChoice | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const saveMapping = useSaveImportMapping();
  const names = useOrgNames();
  // The agency whose mappings are preselected, saved and listed: the coordination team chooses it.
  const chooser = choosesAgency(user);
  const [agency, setAgency] = useState(user?.orgCode ?? '');
  const keepsMappings = chooser || (user?.role === 'agency' && !!user.orgCode);
  const chooseMapping = useCallback((choice: MappingChoice | null) => {
    setMapping(choice);
    setChecked(null);
  }, []);

  const run = (dryRun: boolean) => {
    if (!file) return;
    upload.mutate(
      {
        kind,
        file,
        dryRun,
        ...(mappable && mapping ? { mapping: mapping.mapping } : {}),
        ...(mappable && mapping?.sheet ? { sheet: mapping.sheet } : {}),
        ...(kind === 'iati' && allOrNothing ? { allOrNothing } : {}),
      },
      {
        onSuccess: (report) => {
          if (mappable && mapping?.save && report.status === 'committed')
            saveMapping.mutate({ org: mapping.org, kind, headers: [...mapping.headers], mapping: mapping.mapping });
          if (dryRun || report.status === 'rejected') {
            setChecked(report);
            setDone(null);
          } else {
            setDone(report);
            setChecked(null);
          }
        },
      },
    );
  };

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      {!everything && <p className="muted">{t('participants.importScope')}</p>}
      <form
        className="card import-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
      >
        <fieldset>
          <legend>{t('import.kind')}</legend>
          {kinds.map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setChecked(null);
                  setDone(null);
                  void navigate({ search: { kind: k } });
                }}
              />{' '}
              {t(`import.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t(kind === 'iati' ? 'import.xmlFile' : mappable ? 'importMapping.file' : 'import.file')}
          <input
            type="file"
            accept={kind === 'iati' ? '.xml,application/xml,text/xml' : mappable ? '.csv,text/csv,.xlsx' : '.csv,text/csv'}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
              setDone(null);
            }}
          />
        </label>
        {kind === 'iati' && (
          <label className="check">
            <input
              type="checkbox"
              checked={allOrNothing}
              onChange={(e) => {
                setAllOrNothing(e.target.checked);
                setChecked(null);
              }}
            />{' '}
            {t('import.iati.allOrNothing')}
          </label>
        )}
        {mappable && file && (
          <ColumnMapping
            key={`${kind}:${file.name}:${file.lastModified}`}
            kind={kind}
            file={file}
            agency={agency}
            onAgency={setAgency}
            onChange={chooseMapping}
          />
        )}
        <div className="actions">
          <button type="submit" disabled={!file || upload.isPending || (mappable && !mapping)}>
            {upload.isPending && upload.variables?.dryRun ? t('import.checking') : t('import.check')}
          </button>
          {checked && checked.status === 'dry_run' && (
            <button type="button" disabled={upload.isPending} onClick={() => run(false)}>
              {upload.isPending
                ? t('import.importing')
                : t(kind === 'iati' ? 'import.iati.confirm' : 'import.confirm', { count: checked.rows - checked.rejectedRows })}
            </button>
          )}
        </div>
        <details className="small">
          <summary>{t('import.formats')}</summary>
          {kind === 'iati' ? <p>{t('import.iatiFormat')}</p> : <code className="columns">{COLUMNS[kind].join(', ')}</code>}
        </details>
      </form>
      {upload.error && <ProblemMessage error={upload.error} />}
      {saveMapping.error && <ProblemMessage error={saveMapping.error} />}
      {saveMapping.isSuccess && (
        <p className="success" role="status">
          {chooser ? t('importMapping.savedFor', { agency: names.name(saveMapping.data.org) }) : t('importMapping.saved')}
        </p>
      )}
      {done && done.kind === 'iati' && <IatiDone report={done} />}
      {done && done.kind !== 'iati' && (
        <p className="success" role="status">
          {t('import.done', { inserted: f.number(done.inserted), updated: f.number(done.updated), batch: done.batchId })}
        </p>
      )}
      {checked && <ReportView report={checked} />}
      {keepsMappings && mappable && <SavedMappings agency={agency} {...(chooser ? { onAgency: setAgency } : {})} />}
    </>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card" aria-live="polite">
      <h2>{report.source}</h2>
      {report.kind === 'iati' ? (
        <p>
          {t('import.iati.summary', {
            count: report.rows,
            rows: f.number(report.rows),
            inserted: f.number(report.inserted),
            updated: f.number(report.updated),
            unchanged: f.number(report.unchanged),
          })}
        </p>
      ) : (
        <p>
          {t('import.summary', { rows: f.number(report.rows), inserted: f.number(report.inserted), updated: f.number(report.updated) })}
        </p>
      )}
      {report.createdOrganisations.length > 0 && (
        <p>{t('import.wouldCreate', { list: report.createdOrganisations.map((o) => o.name).join(', ') })}</p>
      )}
      {report.kind === 'iati' && <IatiWarnings report={report} />}
      {report.kind !== 'iati' && report.warnings.length > 0 && (
        <>
          <h3>{t('import.warnings')}</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <ImportErrors report={report} />
    </section>
  );
}
