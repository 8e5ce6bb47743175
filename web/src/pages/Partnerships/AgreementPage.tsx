/**
 * An agreement: its fields, parties and flagship areas, its renewal state, its status steps,
 * documents (versioned) and the programs carried out under it. Those who may edit it (the
 * coordination team, the owning agency) change it here.
 */
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { agreementKinds } from '../../../../src/domain/partnership/agreement.js';
import { useAgreement, type AgreementDetail } from '../../api/partnership-queries.js';
import { EmptyState, Loading } from '../../components/Status.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { useFormat } from '../../format.js';
import { AgreementStatusBadge, Parties, PartnershipProblem, RenewalBadge } from './agreement-parts.js';
import { AgreementDocuments } from './AgreementDocuments.js';
import { EditAgreement, StatusSteps } from './AgreementEdit.js';
import { AgreementPrograms } from './AgreementPrograms.js';
import { DeleteAgreement } from './DeleteRecord.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { OrgName } from '../../components/OrgName.js';

export function AgreementPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/agreements/$id' });
  const agreementId = Number(id);
  if (!Number.isInteger(agreementId) || agreementId <= 0) return <EmptyState>{t('errors.notFound')}</EmptyState>;
  return <Loaded id={agreementId} />;
}

function Loaded({ id }: { id: number }) {
  const query = useAgreement(id);
  return (
    <>
      <PartnershipTabs />
      {query.isPending ? (
        <Loading />
      ) : query.error || !query.data ? (
        <PartnershipProblem error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Agreement detail={query.data} />
      )}
    </>
  );
}

function Agreement({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const a = detail.agreement;
  const secondTitle = f.lang === 'id' ? (a.titleId ? a.titleEn : null) : a.titleId;
  return (
    <article>
      <div className="page-head">
        <h1>
          <span className="muted">{a.reference}</span> {f.title(a)}
        </h1>
        {detail.canEdit && !editing && (
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setRefusal(null);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </button>
            {(a.status === 'draft' || a.status === 'negotiation') && <DeleteAgreement id={a.id} version={a.version} />}
          </div>
        )}
      </div>
      {secondTitle && <p className="muted">{secondTitle}</p>}
      <p>
        <AgreementStatusBadge status={a.status} /> {f.code(agreementKinds, a.kind)}
        {a.illustrative && ' '}
        {a.illustrative && <IllustrativeTag />}
      </p>
      {!editing && refusal !== null && <PartnershipProblem error={refusal} />}
      {editing ? (
        <EditAgreement
          detail={detail}
          onDone={(stale) => {
            setRefusal(stale ?? null);
            setEditing(false);
          }}
        />
      ) : (
        <div className="grid2">
          <section className="card" aria-labelledby="agreement-details">
            <h2 id="agreement-details">{t('partnerships.agreements.sections.agreement')}</h2>
            <dl className="facts">
              <dt>{t('partnerships.agreements.columns.parties')}</dt>
              <dd>
                <Parties parties={a.parties} />
              </dd>
              <dt>{t('partnerships.agreements.fields.subject')}</dt>
              <dd className="prewrap">{f.text(a.subject, a.subjectId) ?? '—'}</dd>
              <dt>{t('partnerships.agreements.fields.areas')}</dt>
              <dd>{a.areas.length ? a.areas.map((x) => f.code(flagshipAreas, x)).join(', ') : '—'}</dd>
              <dt>{t('partnerships.agreements.fields.ownerOrg')}</dt>
              <dd>
                <OrgName code={a.ownerOrg} />
              </dd>
              <dt>{t('partnerships.agreements.recordedBy')}</dt>
              <dd>
                {a.createdBy} · {f.date(a.createdAt.slice(0, 10))}
              </dd>
            </dl>
          </section>
          <Renewal detail={detail} />
        </div>
      )}
      {detail.canEdit && !editing && (
        <section className="card" aria-labelledby="agreement-steps">
          <h2 id="agreement-steps">{t('partnerships.agreements.steps.title')}</h2>
          <StatusSteps detail={detail} />
        </section>
      )}
      <AgreementDocuments detail={detail} />
      <AgreementPrograms detail={detail} />
    </article>
  );
}

function Renewal({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const a = detail.agreement;
  const r = a.renewal;
  return (
    <section className="card" aria-labelledby="agreement-validity">
      <h2 id="agreement-validity">{t('partnerships.agreements.sections.dates')}</h2>
      <dl className="facts">
        <dt>{t('partnerships.agreements.fields.signedOn')}</dt>
        <dd>{f.date(a.signedOn)}</dd>
        <dt>{t('partnerships.agreements.fields.validFrom')}</dt>
        <dd>{f.date(a.validFrom)}</dd>
        <dt>{t('partnerships.agreements.fields.validUntil')}</dt>
        <dd>{a.validUntil ? f.date(a.validUntil) : t('partnerships.agreements.noEnd')}</dd>
        <dt>{t('partnerships.agreements.columns.renewal')}</dt>
        <dd>
          <RenewalBadge renewal={r} />
        </dd>
        {r.remindersDue.length > 0 && (
          <>
            <dt>{t('partnerships.agreements.renewal.remindersDue')}</dt>
            <dd>{r.remindersDue.map((d) => t('partnerships.agreements.renewal.daysBefore', { days: f.number(d) })).join(', ')}</dd>
          </>
        )}
        {r.nextReminder && (
          <>
            <dt>{t('partnerships.agreements.renewal.nextReminder')}</dt>
            <dd>{f.date(r.nextReminder)}</dd>
          </>
        )}
      </dl>
      {r.overdue && (
        <p className="warning" role="note">
          {t('partnerships.agreements.renewal.overdueHint')}
        </p>
      )}
      {!r.overdue && r.expiringSoon && (
        <p className="warning" role="note">
          {t('partnerships.agreements.renewal.expiringHint')}
        </p>
      )}
    </section>
  );
}
