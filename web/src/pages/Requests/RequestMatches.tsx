/** What matches a request, ranked: the ministries and agencies, the past programs and the alumni, each with the reasons for its score. */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lifecycleStages } from '../../../../src/domain/codes.js';
import { useRequestMatches, type CooperationRequest, type MatchReason, type RequestMatches } from '../../api/request-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Reasons, RequestProblem } from './parts.js';
import { OrgName } from '../../components/OrgName.js';

/** `onChoose`: offered while the request awaits its decision, to take an agency as the implementer. */
export function MatchesSection({ r, onChoose }: { r: CooperationRequest; onChoose?: (code: string) => void }) {
  const { t } = useTranslation();
  const matches = useRequestMatches(r.id);
  return (
    <section className="card" aria-labelledby="matches-title">
      <h2 id="matches-title">{t('requests.matches.title')}</h2>
      <p className="muted">{t('requests.matches.intro')}</p>
      {matches.isPending ? (
        <Loading />
      ) : matches.error || !matches.data ? (
        <RequestProblem error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <MatchTables m={matches.data} onChoose={onChoose} />
      )}
    </section>
  );
}

/** One ranked list: rank, the match (`children`), its score and reasons; "none" when empty. */
function MatchTable<M extends { score: number; reasons: readonly MatchReason[] }>({
  title,
  nameHeader,
  matches,
  keyOf,
  children,
}: {
  title: string;
  nameHeader: string;
  matches: readonly M[];
  keyOf: (m: M) => string | number;
  children: (m: M) => ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h3>{title}</h3>
      {matches.length === 0 ? (
        <p className="muted">{t('requests.matches.none')}</p>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col" className="num">
                {t('requests.matches.rank')}
              </th>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className="num">
                {t('requests.matches.score')}
              </th>
              <th scope="col">{t('requests.matches.reasons')}</th>
            </>
          }
        >
          {matches.map((m, i) => (
            <tr key={keyOf(m)}>
              <td className="num">{i + 1}</td>
              <td>{children(m)}</td>
              <td className="num">
                <strong>{f.number(m.score)}</strong>
              </td>
              <td>
                <Reasons reasons={m.reasons} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function MatchTables({ m, onChoose }: { m: RequestMatches; onChoose?: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <MatchTable title={t('requests.matches.agencies')} nameHeader={t('requests.matches.name')} matches={m.agencies} keyOf={(a) => a.code}>
        {(a) => {
          const name = f.orgName(a);
          return (
            <>
              <Link to="/partners/$code" params={{ code: a.code }}>
                {a.acronym ?? a.code}
              </Link>{' '}
              <span className="muted small">{name}</span>
              <br />
              <span className="muted small">{t('requests.matches.programCount', { count: a.programs })}</span>
              {onChoose && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link small"
                    aria-label={t('requests.matches.chooseLabel', { name })}
                    onClick={() => onChoose(a.code)}
                  >
                    {t('requests.matches.choose')}
                  </button>
                </>
              )}
            </>
          );
        }}
      </MatchTable>
      <MatchTable
        title={t('requests.matches.programs')}
        nameHeader={t('requests.columns.program')}
        matches={m.programs}
        keyOf={(p) => p.id}
      >
        {(p) => (
          <>
            <Link to="/programs/$id" params={{ id: String(p.id) }}>
              {f.title(p)}
            </Link>
            <br />
            <span className="muted small">
              {p.identifier} · {p.year ?? '—'} · <OrgName code={p.implementingOrg} short /> · {f.code(lifecycleStages, p.lifecycleStage)}
            </span>
          </>
        )}
      </MatchTable>
      <MatchTable
        title={t('requests.matches.alumni', { country: f.country(m.request.country) })}
        nameHeader={t('requests.matches.name')}
        matches={m.alumni}
        keyOf={(a) => a.participantId}
      >
        {(a) => (
          <>
            {a.personalData ? (
              <>
                {a.fullName}
                {(a.position || a.organisation) && (
                  <span className="muted small"> · {[a.position, a.organisation].filter(Boolean).join(', ')}</span>
                )}
              </>
            ) : (
              <span className="muted">{t('requests.matches.hidden')}</span>
            )}
            <br />
            <span className="small">
              {a.programs.map((p, j) => (
                <span key={p.id}>
                  {j > 0 && ', '}
                  <Link to="/programs/$id" params={{ id: String(p.id) }}>
                    {p.identifier}
                  </Link>
                </span>
              ))}
            </span>
          </>
        )}
      </MatchTable>
    </>
  );
}
