/**
 * One request: what the government asks, the coordination team's decision (assess, decline, or
 * accept and create the program), and the ministries, past programs and alumni that match it,
 * ranked, each with the reasons for its score.
 */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas, modalities } from '../../../../src/domain/codes.js';
import { useDeleteRequest, useRequest, type CooperationRequest } from '../../api/request-queries.js';
import { canRequests } from '../../auth/request-rules.js';
import { useSession } from '../../auth/session.js';
import { Loading } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { RequestProblem, sectorLabel, StatusBadge } from './parts.js';
import { Decision } from './RequestDecision.js';
import { MatchesSection } from './RequestMatches.js';
import { OrgName } from '../../components/OrgName.js';

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
          <span className="muted">{r.reference}</span> {f.text(r.topic, r.topicId)}
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
          <Row label={t('requests.detail.relayedBy')}>
            <OrgName code={r.relayedBy} />
          </Row>
          {r.assessmentNote && <Row label={t('requests.detail.note')}>{f.text(r.assessmentNote, r.assessmentNoteId)}</Row>}
          {r.activityId !== null && (
            <Row label={t('requests.detail.program')}>
              <Link to="/programs/$id" params={{ id: String(r.activityId) }}>
                {r.activityIdentifier ?? r.activityId}
              </Link>
            </Row>
          )}
        </dl>
        {r.description && <p className="prewrap">{f.text(r.description, r.descriptionId)}</p>}
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
        onClick={() =>
          window.confirm(t('requests.edit.deleteConfirm', { reference: r.reference })) &&
          remove.mutate(r.version, { onSuccess: () => void navigate({ to: '/requests' }) })
        }
      >
        {t('common.delete')}
      </button>
      {remove.error && <RequestProblem error={remove.error} />}
    </>
  );
}
