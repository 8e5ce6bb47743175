/** The in-kind estimates of programs with no money recorded (always labelled as estimates), and why some could not be estimated. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.js';
import { useInKind } from '../../api/money-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import type { MoneySearch } from './money-search.js';
import { EstimateBadge, MissingRates, listParams, Pager, RateTag } from './MoneyParts.js';

type Estimate = Schemas['InKindEstimate'];
type Gap = Schemas['InKindReport']['gaps'][number];

function useGapText() {
  const { t } = useTranslation();
  return (g: { what: Gap['what']; kind: Gap['kind']; region: Gap['region'] }) =>
    g.what === 'unit_cost'
      ? t('money.gaps.unitCost', {
          kind: t(`money.kinds.${g.kind ?? 'participant_day'}`),
          region: g.region ? t(`codes.regions.${g.region}`) : '',
        })
      : t(`money.gaps.${g.what}`);
}

function InKindRow({ e }: { e: Estimate }) {
  const { t } = useTranslation();
  const f = useFormat();
  const gapText = useGapText();
  const i = e.inputs;
  return (
    <tr>
      <td className="title-cell">
        <Link to="/programs/$id" params={{ id: String(e.program.id) }}>
          {e.program.identifier}
        </Link>
        <br />
        {f.title(e.program)}
      </td>
      <td>
        {t(i.role === 'expert' ? 'money.experts' : 'money.people', { count: i.people })}
        {i.peopleSource && <span className="muted small"> ({t(`money.peopleSource.${i.peopleSource}`)})</span>}
      </td>
      <td className="nowrap">
        {i.days === null ? '—' : t('money.days', { count: i.days })}
        <br />
        <span className="muted small">
          {f.date(i.startDate)} – {f.date(i.endDate)}
        </span>
      </td>
      <td>
        {i.byRegion.map((r) => `${r.region ? t(`codes.regions.${r.region}`) : t('money.noRegion')}: ${f.number(r.people)}`).join(', ') ||
          '—'}
      </td>
      <td className="num">
        {e.value ? (
          <>
            {f.money(e.value.usd, 'USD')} <EstimateBadge />
            <br />
            <span className="muted small">{f.money(e.value.idr, 'IDR')}</span>
            <RateTag spending={e.value} />
          </>
        ) : (
          <span className="muted gap-text">{e.gaps.map(gapText).join('; ')}</span>
        )}
      </td>
    </tr>
  );
}

export function InKindSection({ search, onPage }: { search: MoneySearch; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const gapText = useGapText();
  const page = search.inKindPage ?? 1;
  const query = useInKind(listParams(search, page));
  return (
    <section className="card" aria-labelledby="money-in-kind">
      <h2 id="money-in-kind">
        {t('money.inKindTitle')} <EstimateBadge />
      </h2>
      <p className="muted small">{t('money.inKindIntro')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.programs === 0 ? (
        <EmptyState>{t('money.inKindNone')}</EmptyState>
      ) : (
        <>
          <p className="headline">
            {t('money.inKindHeadline', {
              programs: f.number(query.data.programs),
              estimated: f.number(query.data.estimatedPrograms),
              usd: f.money(query.data.total.usd, 'USD'),
              idr: f.money(query.data.total.idr, 'IDR'),
            })}{' '}
            <EstimateBadge />
          </p>
          <MissingRates spending={query.data.total} what={t('money.inKindTitle')} />
          {query.data.gaps.length > 0 && (
            <div className="problem" role="status">
              <strong>{t('money.gapsTitle', { count: query.data.notEstimatedPrograms })}</strong>
              <ul>
                {query.data.gaps.map((g) => (
                  <li key={`${g.what}-${g.kind ?? ''}-${g.region ?? ''}`}>
                    {t('money.gapLine', { gap: gapText(g), count: g.programs })}
                    {g.firstDay && ` ${t('money.gapDays', { from: f.date(g.firstDay), to: f.date(g.lastDay) })}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <DataTable
            head={
              <>
                <th scope="col">{t('money.columns.program')}</th>
                <th scope="col">{t('money.columns.people')}</th>
                <th scope="col">{t('money.columns.days')}</th>
                <th scope="col">{t('money.columns.regions')}</th>
                <th scope="col" className="num">
                  {t('money.columns.estimate')}
                </th>
              </>
            }
          >
            {query.data.items.map((e) => (
              <InKindRow key={e.program.id} e={e} />
            ))}
          </DataTable>
          <Pager page={page} total={query.data.programs} onPage={onPage} />
        </>
      )}
    </section>
  );
}
