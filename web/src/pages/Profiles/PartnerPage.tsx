/**
 * A partner over the years: programs and roles, recipients, cost shares, triangular programs
 * cumulated; then the relationship beyond programs (contacts, agreements, engagements, timeline).
 */
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sscRoles } from '../../../../src/domain/codes.js';
import { usePartnerProfile, type PartnerProfileData } from '../../api/analytics-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, QueryState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Figures, MissingRates } from '../../components/Figures.js';
import { PartnerRelationship } from '../Partnerships/PartnerRelationship.js';
import { YearTable } from './YearTable.js';

export function PartnerPage() {
  const { code } = useParams({ from: '/partners/$code' });
  const { since } = useSearch({ from: '/partners/$code' });
  const query = usePartnerProfile(code, since);
  return (
    <>
      <QueryState query={query}>{(p) => <Profile p={p} />}</QueryState>
      <PartnerRelationship code={code} />
    </>
  );
}

function Shares({ title, s }: { title: string; s: PartnerProfileData['cash'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div>
      <h3>{title}</h3>
      <p>
        <strong>{f.money(s.usd, 'USD')}</strong> · {f.money(s.idr, 'IDR')}{' '}
        <span className="muted small">
          ({f.number(s.programs)} {t('common.programs').toLowerCase()})
        </span>
      </p>
      {s.byCurrency.length > 1 && <p className="small">{s.byCurrency.map((c) => f.money(c.amount, c.currency)).join(' + ')}</p>}
      <MissingRates items={s.missingRates} />
    </div>
  );
}

function Profile({ p }: { p: PartnerProfileData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate({ from: '/partners/$code' });
  const org = p.organisation;
  const firstYear = Math.min(...p.years.map((y) => y.year ?? 9999));
  return (
    <article>
      <div className="page-head">
        <h1>
          {f.orgName(org)}
          {org.acronym ? <span className="muted"> ({org.acronym})</span> : null}
        </h1>
      </div>
      <p className="muted">
        {t('partner.title')}
        {org.countryCode ? ` · ${f.country(org.countryCode)}` : ''}
      </p>
      {p.totals.programs === 0 ? (
        <EmptyState>{t('partner.none')}</EmptyState>
      ) : (
        <>
          <Figures
            items={[
              { label: t('partner.programs'), value: f.number(p.totals.programs) },
              { label: t('partner.triangular'), value: f.number(p.totals.triangular) },
              { label: t('partner.recipients'), value: f.number(p.totals.recipients) },
            ]}
          />
          <div className="grid2">
            <section className="card">
              <div className="card-head">
                <h2>{t('country.perYear')}</h2>
                <label className="inline no-print">
                  {t('partner.since')}{' '}
                  <select
                    value={p.since ?? ''}
                    onChange={(e) => void navigate({ search: e.target.value ? { since: Number(e.target.value) } : {} })}
                  >
                    <option value="">—</option>
                    {p.years
                      .filter((y) => y.year !== null)
                      .map((y) => (
                        <option key={y.year} value={y.year ?? ''}>
                          {y.year}
                        </option>
                      ))}
                    {Number.isFinite(firstYear) && p.since !== null && p.since < firstYear && <option value={p.since}>{p.since}</option>}
                  </select>
                </label>
              </div>
              <YearTable
                years={p.years}
                columns={[
                  { label: t('partner.programs'), value: (y) => f.number(y.programs) },
                  { label: t('partner.triangular'), value: (y) => f.number(y.triangular) },
                  { label: t('partner.cumulative'), value: (y) => f.number(y.cumulativeTriangular) },
                ]}
              />
              <h3>{t('partner.roles')}</h3>
              <ul className="chips">
                {p.roles.map((r) => (
                  <li key={r.role}>
                    {f.code(sscRoles, r.role)}: {f.number(r.programs)}
                  </li>
                ))}
              </ul>
            </section>
            <section className="card">
              <Shares title={t('partner.cash')} s={p.cash} />
              <Shares title={t('partner.inKind')} s={p.inKind} />
              <p className="muted small">{t('partner.convertedNote')}</p>
              <h3>{t('partner.recipients')}</h3>
              <ul className="chips">
                {p.recipients.map((r) => (
                  <li key={r.country}>
                    <Link to="/countries/$code" params={{ code: r.country }}>
                      {f.country(r.country)}
                    </Link>{' '}
                    {f.number(r.programs)}
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section className="card">
            <h2>{t('partner.programs')}</h2>
            <DataTable
              head={
                <>
                  <th scope="col">{t('common.year')}</th>
                  <th scope="col">{t('common.programs')}</th>
                  <th scope="col">{t('partner.roles')}</th>
                  <th scope="col" className="num">
                    {t('partner.contribution')}
                  </th>
                  <th scope="col">{t('partner.recipients')}</th>
                </>
              }
            >
              {p.programs.map((x) => (
                <tr key={`${x.id}:${x.role}`}>
                  <td>{x.year ?? '—'}</td>
                  <td>
                    <Link to="/programs/$id" params={{ id: String(x.id) }}>
                      {f.title(x)}
                    </Link>
                  </td>
                  <td>{f.code(sscRoles, x.role)}</td>
                  <td className="num">
                    {x.contribution ? (
                      <>
                        {f.money(x.contribution.amount, x.contribution.currency)}
                        {x.contribution.inKind ? <span className="muted small"> ({t('partner.inKind').toLowerCase()})</span> : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{x.recipients.map((c) => f.country(c)).join(', ')}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        </>
      )}
    </article>
  );
}
