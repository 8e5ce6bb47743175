/** Findings of the IATI checks as a table: severity, rule (linked to IATI's guidance), the field to fix, the rule's text and what was found. */
import { useTranslation } from 'react-i18next';
import type { IatiFinding } from '../../api/iati-queries.js';

export function IatiFindingsTable({ findings }: { findings: readonly IatiFinding[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('iatiChecks.columns.severity')}</th>
            <th scope="col">{t('iatiChecks.columns.rule')}</th>
            <th scope="col">{t('iatiChecks.columns.field')}</th>
            <th scope="col">{t('iatiChecks.columns.message')}</th>
            <th scope="col">{t('iatiChecks.columns.hint')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={`${f.ruleId}-${f.field}-${i}`} className={`severity-${f.severity}`}>
              <td>{t(`iatiChecks.severity.${f.severity}`)}</td>
              <td>
                {f.link ? (
                  <a href={f.link} target="_blank" rel="noreferrer" title={t('iatiChecks.guidance')}>
                    {f.ruleId}
                  </a>
                ) : (
                  f.ruleId
                )}
              </td>
              <td>
                <code>{f.field}</code>
              </td>
              <td lang="en">{f.message}</td>
              <td>
                <code>{f.hint}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
