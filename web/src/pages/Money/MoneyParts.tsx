/**
 * What the money page's sections share: the page size of its lists, their pager, the badge every
 * estimated value carries, and the notes on amounts left out for want of an exchange rate.
 */
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.js';
import { useFormat } from '../../format.js';

type Spending = Schemas['Spending'];

export const PAGE_SIZE = 50;

/** The badge every estimated value carries. */
export function EstimateBadge() {
  const { t } = useTranslation();
  return (
    <span className="tag" title={t('money.estimatedHint')}>
      {t('money.estimated')}
    </span>
  );
}

export function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page, pages })}>
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}

/** Amounts left out of a total for want of an exchange rate: always said, never dropped silently. */
export function MissingRates({ spending, what }: { spending: Spending; what: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (spending.missingRates.length === 0) return null;
  return (
    <div className="problem" role="alert">
      <strong>{t('money.missingRatesTitle', { what })}</strong>
      <ul>
        {spending.missingRates.map((m) => (
          <li key={m.currency}>
            {t('money.missingRate', {
              currency: m.currency,
              from: f.date(m.firstDate),
              to: f.date(m.lastDate),
              amount: f.money(m.amount, m.currency),
              count: m.transactions,
              totals: m.missing.join(', ').toUpperCase(),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function RateTag({ spending }: { spending: Spending }) {
  const { t } = useTranslation();
  if (spending.missingRates.length === 0) return null;
  return (
    <>
      {' '}
      <span className="tag" title={t('money.rateMissingHint')}>
        {t('money.rateMissing')}
      </span>
    </>
  );
}
