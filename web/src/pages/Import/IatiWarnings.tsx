/**
 * An IATI file's warnings (issue 22): the file's own (its version, unrecognised codes, a rule
 * broken by many activities) as a list, and each activity's broken rule in a table (activity,
 * line, element, IATI rule, reason). Such activities are imported as published, with their warnings.
 */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/client.js';

type Warning = ImportReport['warningDetails'][number];

const text = (w: Warning, key: string): string => {
  const v = w.params[key];
  return v === undefined ? '' : String(v);
};

export function IatiWarnings({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const perActivity = report.warningDetails.filter((w) => w.code === 'iati_activity_warning');
  const others = report.warningDetails.filter((w) => w.code !== 'iati_activity_warning');
  if (report.warningDetails.length === 0) return null;
  return (
    <>
      <h3>{t('import.warnings')}</h3>
      {others.length > 0 && (
        <ul>
          {others.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      )}
      {perActivity.length > 0 && (
        <>
          <p className="muted">{t('import.iati.warningsNote')}</p>
          <div className="table-wrap">
            <table className="data" aria-label={t('import.iati.warningsTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('import.record')}</th>
                  <th scope="col" className="num">
                    {t('import.line')}
                  </th>
                  <th scope="col">{t('import.element')}</th>
                  <th scope="col">{t('import.iati.rule')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {perActivity.map((w, i) => (
                  <tr key={i}>
                    <td>
                      <code>{text(w, 'record')}</code>
                    </td>
                    <td className="num">{text(w, 'line')}</td>
                    <td>
                      <code>{text(w, 'field')}</code>
                    </td>
                    <td>{text(w, 'rule') || '—'}</td>
                    <td>{text(w, 'reason')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** After an IATI import: where the other providers' data now is. */
export function IatiDone({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <p className="success" role="status">
      {t('import.iati.done', { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, batch: report.batchId })}{' '}
      <Link to="/other-providers">{t('import.iati.see')}</Link>
    </p>
  );
}
