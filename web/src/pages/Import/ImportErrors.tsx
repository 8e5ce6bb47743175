/**
 * The problems of a checked file, all of them: a table grouped by row (line, column, value,
 * reason), the count, and a download of the problems as CSV to fix the file with.
 */
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/client.js';
import { useFormat } from '../../format.js';
import { problemsCsv, sortProblems } from '../../../../src/domain/import/problems-csv.js';

type Problem = ImportReport['errors'][number];

/** The problems of each line together, lines in the order of the file. */
function byLine(problems: readonly Problem[]): { line: number; problems: Problem[] }[] {
  const groups: { line: number; problems: Problem[] }[] = [];
  for (const p of sortProblems(problems)) {
    const last = groups[groups.length - 1];
    if (last && last.line === p.line) last.problems.push(p);
    else groups.push({ line: p.line, problems: [p] });
  }
  return groups;
}

/** The download's name: the file's, with "-problems.csv" in place of its extension. */
const downloadName = (source: string): string => `${source.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'import'}-problems.csv`;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ImportErrors({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (report.errorCount === 0) return null;
  const iati = report.kind === 'iati';
  const withRecords = report.errors.some((e) => e.record !== undefined);
  const headings = {
    line: t('import.line'),
    record: t('import.record'),
    column: t(iati ? 'import.element' : 'import.column'),
    value: t('import.value'),
    code: t('import.code'),
    problem: t('import.problem'),
  };
  return (
    <>
      <p className="problem" role="alert">
        {iati && report.status !== 'rejected' ? (
          // Refused IATI activities never stop the others (issue 22): only allOrNothing rejects the file.
          t('import.iati.refused', { count: report.rejectedRows, n: f.number(report.rejectedRows) })
        ) : (
          <>
            {t('import.errorsTitle', { count: report.errorCount, n: f.number(report.errorCount) })}{' '}
            {t(iati ? 'import.activitiesAffected' : 'import.rowsAffected', {
              count: report.rejectedRows,
              n: f.number(report.rejectedRows),
            })}
          </>
        )}
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => download(downloadName(report.source), problemsCsv(report.errors, headings))}
        >
          {t('import.downloadProblems')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="data errors" aria-label={t('import.problemsTable')}>
          <thead>
            <tr>
              <th scope="col">{headings.line}</th>
              {withRecords && <th scope="col">{headings.record}</th>}
              <th scope="col">{headings.column}</th>
              <th scope="col">{headings.value}</th>
              <th scope="col">{headings.problem}</th>
            </tr>
          </thead>
          {byLine(report.errors).map((group) => (
            <tbody key={group.line} className="problem-row">
              {group.problems.map((e, i) => (
                <tr key={i}>
                  {i === 0 && (
                    <td className="num line" rowSpan={group.problems.length}>
                      {group.line}
                    </td>
                  )}
                  {withRecords && <td>{e.record ?? ''}</td>}
                  <td>{e.column ?? '—'}</td>
                  <td className="value">{e.value ?? ''}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {report.errorCount > report.errors.length && (
        <p>
          {t('import.more', { count: report.errorCount - report.errors.length, n: f.number(report.errorCount - report.errors.length) })}
        </p>
      )}
    </>
  );
}
