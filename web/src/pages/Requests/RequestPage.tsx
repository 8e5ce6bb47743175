/**
 * One request: what the government asks, the coordination team's decision (assess, decline, or
 * accept and create the program), and the ministries, past programs and alumni that match it,
 * ranked, each with the reasons for its score.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, lifecycleStages, modalities } from '../../../../src/domain/codes.js';
import { nextRequestStatuses, type RequestStatus } from '../../../../src/domain/request/request.js';
import { useDeleteRequest, useRequest, useRequestMatches, useRequestStep, type CooperationRequest, type RequestMatches } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import { useSession } from '../../auth/session.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { Reasons, RequestProblem, sectorLabel, StatusBadge } from './parts.js';

export function RequestPage() {
  const { id } = useParams({ from: '/requests/$id' });
  const request = useRequest(Number(id));
  if (request.isPending) return <Loading />;
  if (request.error || !request.data) return <RequestProblem error={request.error} onRetry={() => void request.refetch()} />;
  return <RequestView r={request.data} />;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function RequestView({ r }: { r: CooperationRequest }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const [agency, setAgency] = useState('');
  const period = r.periodFrom || r.periodTo ? `${f.date(r.periodFrom)} – ${f.date(r.periodTo)}` : '—';
  return (
    <article>
      <p className="no-print">
        <Link to="/requests">{t('requests.detail.backToList')}</Link>
      </p>
      <div className="page-head">
        <h1>
          <span className="muted">{r.reference}</span> {r.topic}
        </h1>
        <StatusBadge status={r.status} />
        {(canRequests.edit(user, r) || canRequests.remove(user, r)) && (
          <div className="actions no-print">
            {canRequests.edit(user, r) && (
              <Link className="button secondary" to="/requests/$id/edit" params={{ id: String(r.id) }}>
                {t('common.edit')}
              </Link>
            )}
            {canRequests.remove(user, r) && <DeleteRequest r={r} />}
          </div>
        )}
      </div>
      <section className="card">
        <dl className="facts">
          <Row label={t('requests.fields.country')}>
            <Link to="/countries/$code" params={{ code: r.country }}>
              {f.country(r.country)}
            </Link>
          </Row>
          <Row label={t('requests.fields.area')}>{f.code(flagshipAreas, r.flagshipArea)}</Row>
          <Row label={t('requests.fields.sector')}>{sectorLabel(r.sectorCode)}</Row>
          <Row label={t('requests.fields.modality')}>{f.code(modalities, r.modality)}</Row>
          <Row label={t('requests.detail.period')}>{period}</Row>
          <Row label={t('requests.detail.received')}>{f.date(r.receivedOn)}</Row>
          <Row label={t('requests.detail.relayedBy')}>{r.relayedBy ?? '—'}</Row>
          {r.assessmentNote && <Row label={t('requests.detail.note')}>{r.assessmentNote}</Row>}
          {r.activityId !== null && (
            <Row label={t('requests.detail.program')}>
              <Link to="/programs/$id" params={{ id: String(r.activityId) }}>
                {r.activityIdentifier ?? r.activityId}
              </Link>
            </Row>
          )}
        </dl>
        {r.description && <p className="prewrap">{r.description}</p>}
        <p className="muted small">{t('requests.detail.registeredBy', { who: r.createdBy, at: f.date(r.createdAt.slice(0, 10)) })}</p>
      </section>
      {canRequests.decide(user) && <Decision r={r} agency={agency} onAgency={setAgency} />}
      <MatchesSection r={r} onChoose={canRequests.decide(user) && r.status === 'assessment' ? setAgency : undefined} />
    </article>
  );
}

/** Deleting a request registered by mistake, after a confirmation. */
function DeleteRequest({ r }: { r: CooperationRequest }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteRequest(r.id);
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={remove.isPending}
        onClick={() => window.confirm(t('requests.edit.deleteConfirm', { reference: r.reference })) && remove.mutate(r.version, { onSuccess: () => void navigate({ to: '/requests' }) })}
      >
        {t('common.delete')}
      </button>
      {remove.error && <RequestProblem error={remove.error} />}
    </>
  );
}

/** The coordination team's steps that the request's status allows. */
function Decision({ r, agency, onAgency }: { r: CooperationRequest; agency: string; onAgency: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const step = useRequestStep();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [done, setDone] = useState<RequestStatus | null>(null);
  const next = nextRequestStatuses(r.status);
  const run = (e: FormEvent, to: RequestStatus) => {
    e.preventDefault();
    const body =
      to === 'assessment'
        ? { kind: 'assess' as const, ...(note.trim() ? { note: note.trim() } : {}) }
        : to === 'declined'
          ? { kind: 'decline' as const, note: reason.trim() }
          : { kind: 'accept' as const, ...(note.trim() ? { note: note.trim() } : {}), ...(agency.trim() ? { implementingOrg: agency.trim() } : {}), ...(identifier.trim() ? { identifier: identifier.trim() } : {}) };
    step.mutate({ id: r.id, version: r.version, step: body }, { onSuccess: () => setDone(to) });
  };
  return (
    <section className="card no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('requests.actions.title')}</h2>
      {done && (
        <p className="ok" role="status">
          {t(`requests.actions.done.${done}`)}
        </p>
      )}
      {next.length === 0 && <p className="muted">{t('requests.actions.closed')}</p>}
      <div className="stack">
        {next.includes('assessment') && (
          <form onSubmit={(e) => run(e, 'assessment')}>
            <p className="muted">{t('requests.actions.assessHint')}</p>
            <div className="field">
              <label htmlFor={`${id}-assess-note`}>{t('requests.actions.note')}</label>
              <textarea id={`${id}-assess-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" disabled={step.isPending}>
                {t('requests.actions.assess')}
              </button>
            </div>
          </form>
        )}
        {next.includes('accepted') && (
          <form onSubmit={(e) => run(e, 'accepted')}>
            <p className="muted">{t('requests.actions.acceptHint', { country: f.country(r.country) })}</p>
            <div className="grid2">
              <div className="field">
                <label htmlFor={`${id}-agency`}>{t('requests.actions.agency')}</label>
                <input id={`${id}-agency`} type="text" value={agency} aria-describedby={`${id}-agency-hint`} onChange={(e) => onAgency(e.target.value)} />
                <small id={`${id}-agency-hint`} className="muted">
                  {t('requests.actions.agencyHint')}
                </small>
              </div>
              <div className="field">
                <label htmlFor={`${id}-identifier`}>{t('requests.actions.identifier')}</label>
                <input id={`${id}-identifier`} type="text" value={identifier} aria-describedby={`${id}-identifier-hint`} onChange={(e) => setIdentifier(e.target.value)} />
                <small id={`${id}-identifier-hint`} className="muted">
                  {t('requests.actions.identifierHint', { reference: r.reference })}
                </small>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${id}-accept-note`}>{t('requests.actions.note')}</label>
              <textarea id={`${id}-accept-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" disabled={step.isPending}>
                {t('requests.actions.accept')}
              </button>
            </div>
          </form>
        )}
        {next.includes('declined') && (
          <form onSubmit={(e) => run(e, 'declined')}>
            <div className="field">
              <label htmlFor={`${id}-reason`}>
                {t('requests.actions.declineReason')}
                <span className="req"> ({t('form.required')})</span>
              </label>
              <textarea id={`${id}-reason`} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" className="danger" disabled={step.isPending || !reason.trim()}>
                {t('requests.actions.decline')}
              </button>
            </div>
          </form>
        )}
      </div>
      {step.error && <RequestProblem error={step.error} />}
    </section>
  );
}

function MatchesSection({ r, onChoose }: { r: CooperationRequest; onChoose?: (code: string) => void }) {
  const { t } = useTranslation();
  const matches = useRequestMatches(r.id);
  return (
    <section className="card" aria-labelledby="matches-title">
      <h2 id="matches-title">{t('requests.matches.title')}</h2>
      <p className="muted">{t('requests.matches.intro')}</p>
      {matches.isPending ? <Loading /> : matches.error || !matches.data ? <RequestProblem error={matches.error} onRetry={() => void matches.refetch()} /> : <MatchTables m={matches.data} onChoose={onChoose} />}
    </section>
  );
}

function MatchTables({ m, onChoose }: { m: RequestMatches; onChoose?: (code: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const head = (name: string) => (
    <thead>
      <tr>
        <th scope="col" className="num">
          {t('requests.matches.rank')}
        </th>
        <th scope="col">{name}</th>
        <th scope="col" className="num">
          {t('requests.matches.score')}
        </th>
        <th scope="col">{t('requests.matches.reasons')}</th>
      </tr>
    </thead>
  );
  const none = <p className="muted">{t('requests.matches.none')}</p>;
  return (
    <>
      <h3>{t('requests.matches.agencies')}</h3>
      {m.agencies.length === 0 ? (
        none
      ) : (
        <div className="table-wrap">
          <table className="data">
            {head(t('requests.matches.name'))}
            <tbody>
              {m.agencies.map((a, i) => {
                const name = f.lang === 'id' ? (a.nameId ?? a.nameEn) : a.nameEn;
                return (
                  <tr key={a.code}>
                    <td className="num">{i + 1}</td>
                    <td>
                      <Link to="/partners/$code" params={{ code: a.code }}>
                        {a.acronym ?? a.code}
                      </Link>{' '}
                      <span className="muted small">{name}</span>
                      <br />
                      <span className="muted small">{t('requests.matches.programCount', { count: a.programs })}</span>
                      {onChoose && (
                        <>
                          {' '}
                          <button type="button" className="link small" aria-label={t('requests.matches.chooseLabel', { name })} onClick={() => onChoose(a.code)}>
                            {t('requests.matches.choose')}
                          </button>
                        </>
                      )}
                    </td>
                    <td className="num">
                      <strong>{f.number(a.score)}</strong>
                    </td>
                    <td>
                      <Reasons reasons={a.reasons} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('requests.matches.programs')}</h3>
      {m.programs.length === 0 ? (
        none
      ) : (
        <div className="table-wrap">
          <table className="data">
            {head(t('requests.columns.program'))}
            <tbody>
              {m.programs.map((p, i) => (
                <tr key={p.id}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <Link to="/programs/$id" params={{ id: String(p.id) }}>
                      {f.title(p)}
                    </Link>
                    <br />
                    <span className="muted small">
                      {p.identifier} · {p.year ?? '—'} · {p.implementingOrg ?? '—'} · {f.code(lifecycleStages, p.lifecycleStage)}
                    </span>
                  </td>
                  <td className="num">
                    <strong>{f.number(p.score)}</strong>
                  </td>
                  <td>
                    <Reasons reasons={p.reasons} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('requests.matches.alumni', { country: f.country(m.request.country) })}</h3>
      {m.alumni.length === 0 ? (
        none
      ) : (
        <div className="table-wrap">
          <table className="data">
            {head(t('requests.matches.name'))}
            <tbody>
              {m.alumni.map((a, i) => (
                <tr key={a.participantId}>
                  <td className="num">{i + 1}</td>
                  <td>
                    {a.personalData ? (
                      <>
                        {a.fullName}
                        {(a.position || a.organisation) && <span className="muted small"> · {[a.position, a.organisation].filter(Boolean).join(', ')}</span>}
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
                  </td>
                  <td className="num">
                    <strong>{f.number(a.score)}</strong>
                  </td>
                  <td>
                    <Reasons reasons={a.reasons} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
