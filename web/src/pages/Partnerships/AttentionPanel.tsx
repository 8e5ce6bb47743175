/**
 * The coordinator's home-page panel: overdue follow-ups and agreements ending soon (or past their
 * end and still marked in force). An agency sees its own; the server decides what each one sees.
 * The dashboard loads this module only for those who see the panel (canPartnerships.attention).
 */
import { FollowUpSource } from './FollowUpSource.js';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePartnershipAttention, type PartnershipAttention } from '../../api/partnership-queries.js';
import { Breakable, DataTable } from '../../components/DataTable.js';
import { OrgName } from '../../components/OrgName.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { PartnershipProblem, RenewalBadge } from './agreement-parts.js';

export function AttentionPanel() {
  const query = usePartnershipAttention();
  const { t } = useTranslation();
  return (
    <section className="card attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('partnerships.attention.title')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <PartnershipProblem error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Attention data={query.data} />
      )}
    </section>
  );
}

function Attention({ data }: { data: PartnershipAttention }) {
  return (
    <div className="grid2">
      <OverdueFollowUps data={data} />
      <ExpiringAgreements data={data} />
    </div>
  );
}

function OverdueFollowUps({ data }: { data: PartnershipAttention }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = data.overdueTotal;
  return (
    <div>
      <h3>{t('partnerships.attention.followUps', { count: total, formatted: f.number(total) })}</h3>
      {data.overdueFollowUps.length === 0 ? (
        <p className="muted">{t('partnerships.attention.noFollowUps')}</p>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t('partnerships.attention.action')}</th>
              <th scope="col">{t('partnerships.attention.owner')}</th>
              <th scope="col">{t('partnerships.attention.due')}</th>
              <th scope="col">
                <Breakable text={t('partnerships.attention.engagement')} />
              </th>
            </>
          }
        >
          {data.overdueFollowUps.map((x) => (
            <tr key={x.id}>
              <td className="title-cell">{f.text(x.action, x.actionId)}</td>
              <td>
                <OrgName code={x.owner} short />
              </td>
              <td className="nowrap">
                <span className="badge bad">{f.date(x.dueOn)}</span>
              </td>
              <td className="nowrap">
                <FollowUpSource followUp={x} withTitle={false} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {total > data.overdueFollowUps.length && (
        <p>
          <Link to="/follow-ups" search={{ overdue: 'true' }}>
            {t('partnerships.attention.allFollowUps', { count: total, formatted: f.number(total) })}
          </Link>
        </p>
      )}
    </div>
  );
}

function ExpiringAgreements({ data }: { data: PartnershipAttention }) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = data.expiringAgreements;
  return (
    <div>
      <h3>{t('partnerships.attention.agreements', { count: items.length, formatted: f.number(items.length) })}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('partnerships.attention.noAgreements')}</p>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t('partnerships.agreements.columns.reference')}</th>
              <th scope="col">{t('partnerships.agreements.columns.validUntil')}</th>
              <th scope="col">{t('partnerships.agreements.columns.renewal')}</th>
            </>
          }
        >
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                  {a.reference}
                </Link>
                <div className="muted small">{f.title(a)}</div>
              </td>
              <td className="nowrap">{f.date(a.validUntil)}</td>
              <td className="nowrap">
                <RenewalBadge renewal={a.renewal} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>
        <Link to="/agreements" search={{ expiringWithin: '180' }}>
          {t('partnerships.attention.allAgreements')}
        </Link>
      </p>
    </div>
  );
}
