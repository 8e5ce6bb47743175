/** A recipient country over the years: programs, participants by sex, partners, groupings, spending. */
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities, sscRoles } from '../../../../src/domain/codes.js';
import { useCountryProfile, type CountryProfileData } from '../../api/analytics-queries.js';
import { canOtherProviders } from '../../auth/other-provider-rules.js';
import { useSession } from '../../auth/session.js';
import { BarChart } from '../../components/Charts.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Figures, MissingRates } from '../../components/Figures.js';
import { CountryTimelineSection } from './CountryTimelineSection.js';
import { YearTable } from './YearTable.js';

export function CountryPage() {
  const { code } = useParams({ from: '/countries/$code' });
  const query = useCountryProfile(code);
  return <QueryState query={query}>{(p) => <Profile p={p} />}</QueryState>;
}

function Profile({ p }: { p: CountryProfileData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const sexes = ['F', 'M', 'X', 'notRecorded'] as const;
  const years = [...p.years].filter((y) => y.year !== null).reverse();
  return (
    <article>
      <div className="page-head">
        <h1>
          {f.name(p.country)} <span className="muted">({p.country.iso3})</span>
        </h1>
        {canOtherProviders.see(user) && (
          <div className="actions">
            <Link className="button secondary" to="/other-providers/compare" search={{ country: p.country.iso2 }}>
              {t('otherProviders.compareLink')}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">
        {t('country.title')} · {t('country.region')}: {p.country.region ? t(`codes.regions.${p.country.region}`) : '—'}
        {p.country.subregion ? ` (${p.country.subregion})` : ''}
      </p>
      <Figures
        items={[
          { label: t('common.programs'), value: f.number(p.totals.programs) },
          { label: t('common.participants'), value: f.number(p.totals.participants) },
          { label: t('country.spending'), value: f.money(p.totals.usd, 'USD') },
        ]}
      />
      <section className="card">
        <h2>{t('country.memberships')}</h2>
        <ul className="chips">
          {p.memberships.map((m) => (
            <li key={`${m.group}:${m.status}:${m.since ?? ''}`}>
              {f.name(m)}{' '}
              <span className="muted small">
                ({m.status}
                {m.since ? `, ${t('country.since', { date: m.since })}` : ''}
                {m.until ? `, ${t('country.until', { date: m.until })}` : ''})
              </span>
            </li>
          ))}
        </ul>
      </section>
      {p.programs.length === 0 ? (
        <EmptyState>{t('country.none')}</EmptyState>
      ) : (
        <>
          <div className="grid2">
            <section className="card">
              <h2>{t('country.perYear')}</h2>
              <BarChart
                label={t('country.perYear')}
                categories={years.map((y) => String(y.year))}
                series={[
                  { name: t('common.programs'), values: years.map((y) => y.programs) },
                  { name: t('common.participants'), values: years.map((y) => y.participants) },
                ]}
              />
              <YearTable
                years={p.years}
                columns={[
                  { label: t('common.programs'), value: (y) => f.number(y.programs) },
                  { label: t('common.participants'), value: (y) => f.number(y.participants) },
                  { label: 'USD', value: (y) => f.money(y.usd) },
                ]}
              />
            </section>
            <section className="card">
              <h2>{t('country.participantsBySex')}</h2>
              <table className="data">
                <tbody>
                  {sexes.map((s) => (
                    <tr key={s}>
                      <th scope="row">{t(`country.sexes.${s}`)}</th>
                      <td className="num">{f.number(p.participantsBySex[s])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>{t('country.partners')}</h2>
              {p.partners.length === 0 ? (
                <p className="muted">—</p>
              ) : (
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('country.partner')}</th>
                      <th scope="col">{t('country.roles')}</th>
                      <th scope="col" className="num">
                        {t('common.programs')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.partners.map((x) => (
                      <tr key={x.code}>
                        <td>
                          <Link to="/partners/$code" params={{ code: x.code }}>
                            {x.acronym ?? f.orgName(x)}
                          </Link>
                        </td>
                        <td>{x.roles.map((r) => f.code(sscRoles, r)).join(', ')}</td>
                        <td className="num">{f.number(x.programs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          <section className="card">
            <h2>{t('country.programs')}</h2>
            <p className="muted small">{t('country.shareNote')}</p>
            <DataTable
              head={
                <>
                  <th scope="col">{t('common.year')}</th>
                  <th scope="col">{t('common.programs')}</th>
                  <th scope="col">{t('analytics.byModality')}</th>
                  <th scope="col">{t('analytics.byArea')}</th>
                  <th scope="col" className="num">
                    {t('common.participants')}
                  </th>
                  <th scope="col">{t('country.participantsBySex')}</th>
                  <th scope="col" className="num">
                    {t('country.share')}
                  </th>
                  <th scope="col" className="num">
                    USD
                  </th>
                </>
              }
            >
              {p.programs.map((x) => (
                <tr key={x.id}>
                  <td>{x.year ?? '—'}</td>
                  <td>
                    <Link to="/programs/$id" params={{ id: String(x.id) }}>
                      {f.title(x)}
                    </Link>
                    <br />
                    <span className="muted small">{x.identifier}</span>
                  </td>
                  <td>{f.code(modalities, x.modality)}</td>
                  <td>{f.code(flagshipAreas, x.flagshipArea)}</td>
                  <td className="num">{f.number(x.participants)}</td>
                  <td className="small">
                    {sexes
                      .filter((k) => x.participantsBySex[k] > 0)
                      .map((k) => `${t(`country.sexes.${k}`)} ${f.number(x.participantsBySex[k])}`)
                      .join(' · ')}
                  </td>
                  <td className="num">{f.percent(x.share)}</td>
                  <td className="num">{f.money(x.usd)}</td>
                </tr>
              ))}
            </DataTable>
            <MissingRates items={p.missingRates} />
          </section>
        </>
      )}
      <CountryTimelineSection country={p.country.iso2} />
    </article>
  );
}
