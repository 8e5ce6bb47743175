/** Headline figures in cards, and the amounts left out of a total for want of an exchange rate. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.js';

export function Figures({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <div className="figures">
      {items.map((f) => (
        <div key={f.label} className="figure">
          <span className="figure-value">{f.value}</span>
          <span className="figure-label">{f.label}</span>
        </div>
      ))}
    </div>
  );
}

export function MissingRates({
  items,
}: {
  items: readonly { currency: string; amount: string; transactions: number; missing: readonly string[] }[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {items.map((m) => (
        <p key={m.currency} className="warning small">
          {t('analytics.missingRate', {
            currency: m.currency,
            amount: f.money(m.amount, m.currency),
            count: m.transactions,
            totals: m.missing.join(', ').toUpperCase(),
          })}
        </p>
      ))}
    </>
  );
}
