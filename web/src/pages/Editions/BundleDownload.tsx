/**
 * An edition's bundle as one ZIP (docs/bundle.md): every file the coordination team sends out,
 * made from the edition's frozen records. For signed-in users only (canEditions.bundle; the
 * server decides again and answers the public 401).
 */
import { useTranslation } from 'react-i18next';

export function BundleDownload({ year, number }: { year: number; number: number }) {
  const { t } = useTranslation();
  const hint = `edition-${year}-${number}-bundle`;
  return (
    <p className="bundle-download">
      <a className="button secondary" href={`/api/v1/editions/${year}/${number}/bundle.zip`} download aria-describedby={hint}>
        {t('editions.bundle.download')}
      </a>{' '}
      <span id={hint} className="muted small">
        {t('editions.bundle.holds')}
      </span>
    </p>
  );
}
