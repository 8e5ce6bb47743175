/**
 * All providers in one recipient country side by side (issue 22): by year (activities, budget and
 * spending in US dollars, one column group per provider, the provider's own programs first), a bar
 * chart of the budgets, the sectors, and the amounts no exchange rate converts. Pure: the page
 * gives the comparison.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderComparison } from '../../api/other-provider-queries.js';
import { BarChart } from '../../components/Charts.js';
import { DataTable } from '../../components/DataTable.js';
import { useFormat } from '../../format.js';
import { hasUnconverted, sectorRows, yearRows } from './comparison-table.js';
import { sectorLabel } from './sector-label.js';

type Provider = ProviderComparison['providers'][number];

/**
 * "Indonesia (own programs)" or "JICA (JP-8)". The own group is named by the country, as the
 * rest of the app does; the publisher's name the API gives (the reporting organisation) is the
 * header's tooltip.
 */
export function useProviderName(): (p: Provider) => string {
  const { t } = useTranslation();
  return (p) => (p.own ? t('otherProviders.compare.own') : p.ref && p.ref !== p.publisher ? `${p.publisher} (${p.ref})` : p.publisher);
}

export function ComparisonTables({ c }: { c: ProviderComparison }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useProviderName();
  const rows = yearRows(c);
  return (
    <>
      <section className="card">
        <h2 id="compare-years">{t('otherProviders.compare.byYear')}</h2>
        <BarChart
          label={t('otherProviders.compare.chart')}
          categories={rows.map((r) => String(r.year))}
          series={c.providers.map((p, i) => ({ name: name(p), values: rows.map((r) => r.cells[i]?.budgetUsd ?? 0) }))}
        />
        <div className="table-wrap">
          <table className="data" aria-labelledby="compare-years">
            <thead>
              <tr>
                <td />
                {c.providers.map((p) => (
                  <th key={`${p.publisherId ?? 'own'}`} scope="colgroup" colSpan={3} title={p.publisher}>
                    {name(p)}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">{t('otherProviders.columns.year')}</th>
                {c.providers.map((p) => (
                  <Fragment key={`${p.publisherId ?? 'own'}`}>
                    <th scope="col" className="num">
                      {t('otherProviders.compare.activities')}
                    </th>
                    <th scope="col" className="num">
                      {t('otherProviders.compare.budgetUsd')}
                    </th>
                    <th scope="col" className="num">
                      {t('otherProviders.compare.spendUsd')}
                    </th>
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  {r.cells.map((cell, i) => (
                    <Fragment key={i}>
                      <td className="num">{f.number(cell.activities)}</td>
                      <td className="num">{f.number(cell.budgetUsd)}</td>
                      <td className="num">{f.number(cell.spendUsd)}</td>
                    </Fragment>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">{t('otherProviders.compare.method')}</p>
      </section>
      <SectorTable c={c} />
      {hasUnconverted(c) && <Unconverted c={c} />}
    </>
  );
}

function SectorTable({ c }: { c: ProviderComparison }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useProviderName();
  const rows = sectorRows(c);
  return (
    <section className="card">
      <h2>{t('otherProviders.compare.sectors')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('otherProviders.compare.noSectors')}</p>
      ) : (
        <DataTable
          caption={t('otherProviders.compare.sectors')}
          head={
            <>
              <th scope="col">{t('otherProviders.compare.sector')}</th>
              {c.providers.map((p) => (
                <th key={`${p.publisherId ?? 'own'}`} scope="col" className="num">
                  {name(p)}
                </th>
              ))}
            </>
          }
        >
          {rows.map((r) => (
            <tr key={`${r.vocabulary}|${r.code}`}>
              <th scope="row">{sectorLabel(r.vocabulary, r.code)}</th>
              {r.activities.map((n, i) => (
                <td key={i} className="num">
                  {f.number(n)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Unconverted({ c }: { c: ProviderComparison }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = useProviderName();
  return (
    <section className="card">
      <h2>{t('otherProviders.compare.unconverted')}</h2>
      <p className="warning">{t('otherProviders.compare.unconvertedNote')}</p>
      <DataTable
        caption={t('otherProviders.compare.unconverted')}
        head={
          <>
            <th scope="col">{t('otherProviders.columns.publisher')}</th>
            <th scope="col">{t('otherProviders.columns.year')}</th>
            <th scope="col">{t('otherProviders.compare.currency')}</th>
            <th scope="col" className="num">
              {t('otherProviders.compare.budget')}
            </th>
            <th scope="col" className="num">
              {t('otherProviders.compare.spend')}
            </th>
          </>
        }
      >
        {c.providers.flatMap((p) =>
          p.unconverted.map((u) => (
            <tr key={`${p.publisherId ?? 'own'}|${u.year}|${u.currency}`}>
              <td>{name(p)}</td>
              <td>{u.year}</td>
              <td>{u.currency}</td>
              <td className="num">{f.money(u.budgetMinor / 100)}</td>
              <td className="num">{f.money(u.spendMinor / 100)}</td>
            </tr>
          )),
        )}
      </DataTable>
    </section>
  );
}
