/** A score from 0 to 100 as a number and a bar (the number is what a screen reader reads). */
import { useTranslation } from 'react-i18next';

export function ScoreBar({ score }: { score: number | null }) {
  const { t, i18n } = useTranslation();
  if (score === null) return <span className="muted small">{t('quality.scorecard.noScore')}</span>;
  const text = new Intl.NumberFormat(i18n.language === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(score);
  return (
    <span className="score">
      <span className="score-value">{text}</span>
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${score}%` }} className={score < 50 ? 'low' : score < 80 ? 'mid' : 'high'} />
      </span>
    </span>
  );
}
