/**
 * Personal data protection (UU PDP; docs/privacy.md), for the coordination team: access
 * requests, the breach log with its 3 × 24-hour clock, the retention rules with today's dry run,
 * and the register of processing activities.
 */
import { useTranslation } from 'react-i18next';
import { AccessSection } from './AccessSection.js';
import { BreachSection } from './BreachSection.js';
import { RegisterSection } from './RegisterSection.js';
import { RetentionSection } from './RetentionSection.js';

export function PersonalDataPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('personalData.page.title')}</h1>
      <p className="muted">{t('personalData.page.intro')}</p>
      <AccessSection />
      <BreachSection />
      <RetentionSection />
      <RegisterSection />
    </>
  );
}
