/** Headline figures in cards, and the amounts left out of a total for want of an exchange rate. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client.js';
import { useFormat } from '../format.js';

/** One currency's amounts left out of a spending total for want of an exchange rate. */
type MissingRate = Schemas['Spending']['missingRates'][number];

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

/** The values a "no exchange rate for …" sentence is written with (currency, dates, amount, count, totals). */
export function missingRateValues(f: ReturnType<typeof useFormat>, m: MissingRate) {
  return {
    currency: m.currency,
    from: f.date(m.firstDate),
    to: f.date(m.lastDate),
    amount: f.money(m.amount, m.currency),
    count: m.transactions,
    totals: m.missing.join(', ').toUpperCase(),
  };
}

/** The alert listing a spending total's amounts without an exchange rate under `title`; nothing when none. */
export function MissingRatesAlert({
  rates,
  title,
  line,
}: {
  rates: readonly MissingRate[];
  title: string;
  line: (values: ReturnType<typeof missingRateValues>) => string;
}) {
  const f = useFormat();
  if (rates.length === 0) return null;
  return (
    <div className="problem" role="alert">
      <strong>{title}</strong>
      <ul>
        {rates.map((m) => (
          <li key={m.currency}>{line(missingRateValues(f, m))}</li>
        ))}
      </ul>
    </div>
  );
}
