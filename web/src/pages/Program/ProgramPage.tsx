import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activityStatuses,
  cooperationTypes,
  flagshipAreas,
  fundingSources,
  lifecycleStages,
  modalities,
  sscRoles,
} from '../../../../src/domain/codes.js';
import { listSdgGoals } from '../../../../src/domain/reference/sdgs.js';
import type { Program } from '../../api/client.js';
import { useProgram, useDeleteProgram } from '../../api/queries.js';
import { can, useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { OrgName } from '../../components/OrgName.js';
import { useFormat } from '../../format.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { HistorySection } from './HistorySection.js';
import { IatiChecksSection } from './IatiChecksSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { DocumentsSection } from './DocumentsSection.js';
import { ProcessSection } from './ProcessSection.js';
import { CompletionSection } from './CompletionSection.js';
import { EvaluationSection } from './EvaluationSection.js';
import { ResultsSection } from './ResultsSection.js';
import { SignOffsSection } from './SignOffsSection.js';
import { PartnershipSection } from './PartnershipSection.js';
import { ProgramOfferLink } from '../Offers/ProgramOfferLink.js';
import { stageAllows } from '../../../../src/domain/program/stage-status.js';
import { StageHints } from './StageHints.js';

const WorldMap = lazy(() => import('../../map/WorldMap.js').then((m) => ({ default: m.WorldMap })));
const GOALS = new Map(listSdgGoals().map((g) => [g.goal, g]));

export function ProgramPage() {
  const { id } = useParams({ from: '/programs/$id' });
  const activity = useProgram(Number(id));
  if (activity.isPending) return <Loading />;
  if (activity.error || !activity.data) return <ProblemMessage error={activity.error} onRetry={() => void activity.refetch()} />;
  return <ProgramView a={activity.data} />;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ProgramView({ a }: { a: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const remove = useDeleteProgram();
  const { user } = useSession();
  const mayEdit = can.editProgram(user, a.implementingOrg);
  const mayDelete = can.deleteProgram(user);
  const highlight = useMemo(() => new Set(a.recipients.map((r) => r.country)), [a.recipients]);
  const otherTitle = f.lang === 'id' ? a.titleEn : a.titleId;
  usePageTitle(t('app.titles.programNamed', { identifier: a.identifier, title: f.title(a) }));
  return (
    <article className="program">
      <div className="page-head">
        <div>
          <p className="muted">
            {a.identifier} · {t('program.version', { version: a.version })}
          </p>
          <h1>{f.title(a)}</h1>
          {otherTitle && otherTitle !== f.title(a) && <p className="subtitle">{otherTitle}</p>}
          {a.illustrative && <IllustrativeTag label={t('program.illustrative')} />}
        </div>
        <div className="actions">
          <a className="button secondary" href={`/api/v1/activities/${a.id}/iati.xml`} download>
            {t('programs.exportIati')}
          </a>
          <ProgramOfferLink program={a} user={user} />
          {/* The coordination team and the implementing agency manage attendance (the same people who edit). */}
          {mayEdit && stageAllows('attendance', a.lifecycleStage) && (
            <Link className="button secondary" to="/programs/$id/attendance" params={{ id: String(a.id) }}>
              {t('attendance.link')}
            </Link>
          )}
          {mayEdit && stageAllows('surveys', a.lifecycleStage) && (
            <Link className="button secondary" to="/programs/$id/survey-results" params={{ id: String(a.id) }}>
              {t('alumni.results.link')}
            </Link>
          )}
          {mayEdit && (
            <Link className="button" to="/programs/$id/edit" params={{ id: String(a.id) }}>
              {t('common.edit')}
            </Link>
          )}
          {mayDelete && (
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('program.deleteConfirm', { identifier: a.identifier }))) return;
                remove.mutate({ id: a.id, version: a.version }, { onSuccess: () => void navigate({ to: '/programs' }) });
              }}
            >
              {t('common.delete')}
            </button>
          )}
        </div>
      </div>
      {remove.error && <ProblemMessage error={remove.error} />}
      {mayEdit && <StageHints stage={a.lifecycleStage} />}

      <ProcessSection a={a} />
      <SignOffsSection a={a} />
      <CompletionSection a={a} />
      <EvaluationSection a={a} />
      <PartnershipSection programId={a.id} user={user} />

      <div className="grid2">
        <section className="card">
          <h2>{t('program.overview')}</h2>
          <dl className="facts">
            <Row label={t('program.modality')}>{f.code(modalities, a.modality)}</Row>
            <Row label={t('program.area')}>{f.code(flagshipAreas, a.flagshipArea)}</Row>
            <Row label={t('program.type')}>{f.code(cooperationTypes, a.cooperationType)}</Row>
            <Row label={t('program.status')}>{f.code(activityStatuses, a.activityStatus)}</Row>
            <Row label={t('program.stage')}>
              <span className={`stage-badge stage-${a.lifecycleStage}`}>{f.code(lifecycleStages, a.lifecycleStage)}</span>
            </Row>
            <Row label={t('program.dates')}>
              {f.date(a.actualStart ?? a.plannedStart)} – {f.date(a.actualEnd ?? a.plannedEnd)}
            </Row>
            {/* Recorded when the program starts and is completed (or entered). */}
            {a.actualStart && <Row label={t('program.actualStart')}>{f.date(a.actualStart)}</Row>}
            {a.actualEnd && <Row label={t('program.actualEnd')}>{f.date(a.actualEnd)}</Row>}
            <Row label={t('program.venue')}>
              {[a.venueCity, a.venueCountry ? f.country(a.venueCountry) : null].filter(Boolean).join(', ') || '—'}
            </Row>
            <Row label={t('program.implementer')}>
              <OrgName code={a.implementingOrg} />
            </Row>
            <Row label={t('program.funding')}>{f.code(fundingSources, a.fundingSource)}</Row>
            <Row label={t('program.participantsPlanned')}>{a.participantsPlanned === null ? '—' : f.number(a.participantsPlanned)}</Row>
          </dl>
          {(f.lang === 'id' ? (a.descriptionId ?? a.descriptionEn) : (a.descriptionEn ?? a.descriptionId)) && (
            <p className="description">{f.lang === 'id' ? (a.descriptionId ?? a.descriptionEn) : (a.descriptionEn ?? a.descriptionId)}</p>
          )}
        </section>
        <section className="card">
          <h2>{t('program.recipients')}</h2>
          <ul className="chips">
            {a.recipients.map((r) => (
              <li key={r.country}>
                <Link to="/programs" search={{ country: r.country }}>
                  {f.country(r.country)}
                </Link>
                {r.percentage !== null && <span className="muted"> {r.percentage}%</span>}
              </li>
            ))}
          </ul>
          <Suspense fallback={<div className="chart" style={{ height: 220 }} aria-hidden="true" />}>
            <WorldMap compact values={new Map()} highlight={highlight} label={t('program.recipients')} />
          </Suspense>
        </section>
      </div>

      <section className="card">
        <h2>{t('program.partners')}</h2>
        {a.partners.length === 0 ? (
          <p className="muted">{t('common.none')}</p>
        ) : (
          <DataTable
            head={
              <>
                <th scope="col">{t('program.partnerOrg')}</th>
                <th scope="col">{t('program.sscRole')}</th>
                <th scope="col">{t('program.iatiRole')}</th>
                <th scope="col" className="num">
                  {t('program.contribution')}
                </th>
              </>
            }
          >
            {a.partners.map((p) => (
              <tr key={`${p.org}-${p.iatiRole}`}>
                <td>
                  <Link to="/partners/$code" params={{ code: p.org }}>
                    <OrgName code={p.org} />
                  </Link>
                </td>
                <td>{f.code(sscRoles, p.sscRole)}</td>
                <td>{t(`program.iatiRoles.${p.iatiRole}`)}</td>
                <td className="num">
                  {p.contributionAmount ? f.money(p.contributionAmount, p.currency ?? '') : '—'}
                  {p.inKind && ` (${t('program.inKind')})`}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="card">
        <h2>{t('program.sdgs')}</h2>
        {a.sdgs.length === 0 ? (
          <p className="muted">{t('common.none')}</p>
        ) : (
          <ul className="chips">
            {a.sdgs.map((s) => {
              const goal = GOALS.get(s.goal);
              return (
                <li key={s.target ?? s.goal} className="sdg" style={{ borderColor: goal?.colorHex }}>
                  <strong style={{ background: goal?.colorHex }}>{s.target ?? s.goal}</strong>{' '}
                  {f.lang === 'id' ? goal?.shortId : goal?.shortEn}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <Money a={a} />
      <ParticipantsSection a={a} user={user} />
      <DocumentsSection programId={a.id} />
      <ResultsSection id={a.id} />
      {can.internal(user) && <IatiChecksSection id={a.id} />}
      {can.internal(user) && <HistorySection id={a.id} />}
    </article>
  );
}

function Money({ a }: { a: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card">
      <h2>{t('program.money')}</h2>
      <h3>{t('program.budgets')}</h3>
      {a.budgets.length === 0 ? (
        <p className="muted">{t('program.noBudgets')}</p>
      ) : (
        <ul className="plain">
          {a.budgets.map((b, i) => (
            <li key={i}>
              {f.date(b.periodStart)} – {f.date(b.periodEnd)}: <strong>{f.money(b.amount, b.currency)}</strong>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('program.transactions')}</h3>
      {a.transactions.length === 0 ? (
        <p className="muted">{t('program.noTransactions')}</p>
      ) : (
        <ul className="plain">
          {a.transactions.map((x, i) => (
            <li key={i}>
              {f.date(x.date)} · {t(`program.transactionTypes.${x.type}`, { defaultValue: x.type })}:{' '}
              <strong>{f.money(x.amount, x.currency)}</strong>
              {x.description && ` — ${x.description}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
