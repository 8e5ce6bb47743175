/** The narrative (foreword) of a draft edition, in Indonesian and English (the coordination team); read-only once published. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditionNarrative, type Edition } from '../../api/edition-queries.js';
import { CodedProblem } from '../../components/Status.js';

export function NarrativeEditor({ edition, editable }: { edition: Edition; editable: boolean }) {
  const { t } = useTranslation();
  const save = useEditionNarrative();
  const [texts, setTexts] = useState({ id: edition.narrativeId ?? '', en: edition.narrativeEn ?? '' });
  const [saved, setSaved] = useState(false);
  // A narrative saved (here or elsewhere) replaces the texts, but keeps "saved": remounting the
  // editor by a key dropped that message as soon as the list was read again (a flaky e2e test).
  const [shown, setShown] = useState(edition.narrativeUpdatedAt);
  if (shown !== edition.narrativeUpdatedAt) {
    setShown(edition.narrativeUpdatedAt);
    setTexts({ id: edition.narrativeId ?? '', en: edition.narrativeEn ?? '' });
  }
  const prefix = `narrative-${edition.year}-${edition.number}`;

  if (!editable || edition.status === 'published') {
    return (
      <div>
        <h3>{t('editions.narrative.heading')}</h3>
        {(['id', 'en'] as const).map((lang) => {
          const text = lang === 'id' ? edition.narrativeId : edition.narrativeEn;
          return (
            <div key={lang} lang={lang}>
              <h4>{t(`editions.narrative.${lang}`)}</h4>
              <p className="description">{text ?? t('editions.narrative.empty')}</p>
            </div>
          );
        })}
        {edition.status === 'published' && <p className="muted small">{t('editions.narrative.readonly')}</p>}
      </div>
    );
  }

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // One request per language, the Indonesian first; each is audited on its own.
    for (const lang of ['id', 'en'] as const) {
      const before = lang === 'id' ? (edition.narrativeId ?? '') : (edition.narrativeEn ?? '');
      if (texts[lang] !== before) await save.mutateAsync({ year: edition.year, number: edition.number, lang, text: texts[lang] });
    }
    setSaved(true);
  };

  return (
    <form onSubmit={(e) => void handleSubmit(e).catch(() => undefined)}>
      <h3>{t('editions.narrative.heading')}</h3>
      {(['id', 'en'] as const).map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${prefix}-${lang}`}>{t(`editions.narrative.${lang}`)}</label>
          <textarea
            id={`${prefix}-${lang}`}
            lang={lang}
            rows={5}
            value={texts[lang]}
            onChange={(e) => setTexts((x) => ({ ...x, [lang]: e.target.value }))}
          />
        </div>
      ))}
      {save.error && <CodedProblem error={save.error} texts="editions.errors" />}
      {saved && (
        <p className="success" role="status">
          {t('editions.narrative.saved')}
        </p>
      )}
      <button type="submit" className="secondary" disabled={save.isPending}>
        {t('editions.narrative.save')}
      </button>
    </form>
  );
}
