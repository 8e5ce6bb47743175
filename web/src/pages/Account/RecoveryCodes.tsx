/** Recovery codes, shown once after enrolment or regeneration: to copy, download or print. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({ codes, email }: { codes: readonly string[]; email: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${t('secondFactor.codesFileTitle', { email })}\n\n${codes.join('\n')}\n`;
  const copy = () => {
    // The clipboard may be refused (an insecure origin, a permission): the codes stay on screen to copy by hand.
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section aria-labelledby="recovery-codes-title" className="recovery-codes">
      <h2 id="recovery-codes-title">{t('secondFactor.codesTitle')}</h2>
      <p className="notice">{t('secondFactor.codesOnce')}</p>
      <ol aria-label={t('secondFactor.codesTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="secondary" onClick={copy}>
          {t('secondFactor.copy')}
        </button>
        <a
          className="button secondary"
          download="mitra-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        >
          {t('secondFactor.download')}
        </a>
        {copied && <span role="status">{t('secondFactor.copied')}</span>}
      </div>
    </section>
  );
}
