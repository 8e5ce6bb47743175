/** The tag of a record whose values are illustrative: demo values that no source gives. */
import { useTranslation } from 'react-i18next';

export function IllustrativeTag({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="tag" title={t('common.illustrativeHint')}>
      {label ?? t('common.illustrative')}
    </span>
  );
}
