/**
 * One edition: its name, status, who froze and published it and when, why (errata, override),
 * its counts, its documents (and, for signed-in users, its bundle), what changed from the
 * previous edition, publishing and the narrative (the coordination team).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishEdition, type Edition } from '../../api/edition-queries.js';
import { useFormat } from '../../format.js';
import { ConfirmDialog } from '../Program/ConfirmDialog.js';
import { BundleDownload } from './BundleDownload.js';
import { DifferencesView } from './DifferencesView.js';
import { NarrativeEditor } from './NarrativeEditor.js';

export function EditionCard({ edition, manage, bundle }: { edition: Edition; manage: boolean; bundle: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const publish = usePublishEdition();
  const [confirming, setConfirming] = useState(false);
  const title = f.lang === 'id' ? edition.titleId : edition.titleEn;
  const base = `/api/v1/editions/${edition.year}/${edition.number}`;

  const handlePublish = () => {
    publish.mutate({ year: edition.year, number: edition.number }, { onSuccess: () => setConfirming(false) });
  };

  return (
    <section className="card" aria-labelledby={`edition-${edition.id}`}>
      <div className="card-head">
        <h2 id={`edition-${edition.id}`}>{title}</h2>
        <span className={edition.status === 'published' ? 'badge ok' : 'badge'}>{t(`editions.status.${edition.status}`)}</span>
      </div>
      <p>
        {t('editions.counts', {
          programs: f.number(edition.programs),
          countries: f.number(edition.countries),
          participants: f.number(edition.participants),
        })}
      </p>
      <p className="muted small">
        {t('editions.frozenBy', { date: f.date(edition.frozenAt.slice(0, 10)), who: edition.frozenBy })}
        {edition.publishedAt && (
          <>
            <br />
            {t('editions.publishedBy', { date: f.date(edition.publishedAt.slice(0, 10)), who: edition.publishedBy ?? '' })}
          </>
        )}
      </p>
      {edition.errataReason && <p>{t('editions.errata', { reason: edition.errataReason })}</p>}
      {edition.overrideReason && (
        <p className="notice">
          {t('editions.override', { blockers: edition.blockers.map((b) => b.message).join('; ') || '—', reason: edition.overrideReason })}
        </p>
      )}
      <div className="actions">
        <a className="button secondary" href={`${base}/annual.pdf?lang=${f.lang}`} download>
          {t('editions.downloadPdf')}
        </a>
        <a className="button secondary" href={`${base}/annual.xlsx?lang=${f.lang}`} download>
          {t('editions.downloadXlsx')}
        </a>
        {manage && edition.status === 'frozen' && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('editions.publish')}
          </button>
        )}
      </div>
      {bundle && <BundleDownload year={edition.year} number={edition.number} />}
      {edition.changes && (
        <details>
          <summary>{t('editions.differences.changesHeading')}</summary>
          <DifferencesView
            d={edition.changes}
            beforeLabel={t('editions.differences.edition', { number: edition.number - 1 })}
            afterLabel={t('editions.differences.edition', { number: edition.number })}
          />
        </details>
      )}
      <NarrativeEditor edition={edition} editable={manage} />
      {confirming && (
        <ConfirmDialog
          title={t('editions.publish')}
          text={t('editions.publishConfirm', { title })}
          confirm={t('editions.publish')}
          busy={publish.isPending}
          error={publish.error}
          onCancel={() => setConfirming(false)}
          onConfirm={handlePublish}
        />
      )}
    </section>
  );
}
