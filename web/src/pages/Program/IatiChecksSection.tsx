/**
 * The IATI Standard's ruleset and codelist checks of the program as it would be published: each
 * finding with the field to fix, errors first. The rules' messages are the Standard's English text.
 */
import { useTranslation } from 'react-i18next';
import { useProgramIatiChecks } from '../../api/iati-queries.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { IatiFindingsTable } from '../IatiChecks/IatiFindingsTable.js';

export function IatiChecksSection({ id }: { id: number }) {
  const { t } = useTranslation();
  const checks = useProgramIatiChecks(id);
  return (
    <section className="card iati-checks" aria-labelledby="iati-checks-title">
      <h2 id="iati-checks-title">{t('iatiChecks.section.title')}</h2>
      <p className="muted small">{t('iatiChecks.section.intro')}</p>
      {checks.isPending ? (
        <Loading />
      ) : checks.error || !checks.data ? (
        <ProblemMessage error={checks.error} onRetry={() => void checks.refetch()} />
      ) : (
        <>
          {!checks.data.publishable && <p className="warning">{t('iatiChecks.section.notPublishable')}</p>}
          {checks.data.findings.length === 0 ? (
            <p>{t('iatiChecks.section.clean')}</p>
          ) : (
            <>
              <p>{t('iatiChecks.section.counts', { errors: checks.data.errors, warnings: checks.data.warnings })}</p>
              <IatiFindingsTable findings={checks.data.findings} />
            </>
          )}
        </>
      )}
    </section>
  );
}
