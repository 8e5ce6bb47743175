/**
 * One engagement: its details (changed by those who edit it, with If-Match), the offers and
 * requests made on each side with the programs they became, and its follow-ups.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementKinds } from '../../../../src/domain/partnership/engagement.js';
import { ApiError } from '../../api/client.js';
import { useEngagement, usePatchEngagement, type Engagement } from '../../api/partnership-queries.js';
import { canPartnerships } from '../../auth/partnership-rules.js';
import { useSession } from '../../auth/session.js';
import type { FieldError } from '../../components/Field.js';
import { Loading } from '../../components/Status.js';
import { IllustrativeTag } from '../../components/IllustrativeTag.js';
import { useFormat } from '../../format.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { fieldsOf, toPatchBody, validateEngagementFields, type EngagementFieldsState } from './engagement-form.js';
import { EngagementFields } from './EngagementFields.js';
import { EngagementFollowUps } from './EngagementFollowUps.js';
import { EngagementItems } from './EngagementItems.js';
import { EngagementProblem } from './EngagementParts.js';
import { PartnershipTabs } from './PartnershipTabs.js';
import { DeleteEngagement } from './DeleteRecord.js';
import { ErrorsBelow, FormActions } from '../../components/FormParts.js';
import { OrgName } from '../../components/OrgName.js';

export function EngagementPage() {
  const { id } = useParams({ from: '/engagements/$id' });
  const engagement = useEngagement(Number(id));
  return (
    <>
      <PartnershipTabs />
      {engagement.isPending ? (
        <Loading />
      ) : engagement.error || !engagement.data ? (
        <EngagementProblem error={engagement.error} onRetry={() => void engagement.refetch()} />
      ) : (
        <EngagementView e={engagement.data} />
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function EngagementView({ e }: { e: Engagement }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const canEdit = e.canEdit ?? false;
  const dates = e.endsOn && e.endsOn !== e.startsOn ? `${f.date(e.startsOn)} – ${f.date(e.endsOn)}` : f.date(e.startsOn);
  const prose = (text: string | null) => (text ? <span className="prewrap">{text}</span> : '—');
  return (
    <article>
      <p className="no-print">
        <Link to="/engagements">{t('partnerships.engagements.backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <p className="muted">
            {e.reference} · {f.code(engagementKinds, e.kind)}
          </p>
          <h1>{f.text(e.title, e.titleId)}</h1>
          {e.illustrative && <IllustrativeTag />}
        </div>
        {canEdit && !editing && (
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('partnerships.engagements.edit')}
            </button>
            {!e.items.some((i) => i.program) && <DeleteEngagement id={e.id} version={e.version} />}
          </div>
        )}
      </div>
      {saved && (
        <p className="ok" role="status">
          {t('partnerships.engagements.saved')}
        </p>
      )}
      {editing ? (
        <EditEngagement
          e={e}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <section className="card" aria-label={t('partnerships.engagements.sections.engagement')}>
          <dl className="facts">
            <Row label={t('partnerships.engagements.fields.kind')}>{f.code(engagementKinds, e.kind)}</Row>
            <Row label={t('partnerships.engagements.columns.date')}>{dates}</Row>
            <Row label={t('partnerships.engagements.columns.place')}>
              {[e.place, e.country ? f.country(e.country) : null].filter(Boolean).join(', ') || '—'}
            </Row>
            <Row label={t('partnerships.engagements.fields.partnerOrg')}>
              {e.partnerOrg ? (
                <Link to="/partners/$code" params={{ code: e.partnerOrg }}>
                  {e.partnerName ?? e.partnerOrg}
                </Link>
              ) : (
                '—'
              )}
            </Row>
            <Row label={t('partnerships.engagements.fields.counterpart')}>{prose(e.counterpart)}</Row>
            <Row label={t('partnerships.engagements.fields.delegation')}>{prose(e.delegation)}</Row>
            <Row label={t('partnerships.engagements.fields.purpose')}>{prose(f.text(e.purpose, e.purposeId))}</Row>
            <Row label={t('partnerships.engagements.fields.outcome')}>{prose(e.outcome)}</Row>
            <Row label={t('partnerships.engagements.fields.ownerOrg')}>
              <OrgName code={e.ownerOrg} />
            </Row>
          </dl>
          <p className="muted small">
            {t('partnerships.engagements.recordedBy', { who: e.createdBy, at: f.date(e.createdAt.slice(0, 10)) })}
          </p>
        </section>
      )}
      <EngagementItems e={e} />
      <EngagementFollowUps e={e} />
    </article>
  );
}

/** The edit form: from the version shown when it opened (If-Match), so a change made meanwhile is refused, not overwritten. */
function EditEngagement({ e, onDone }: { e: Engagement; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const patch = usePatchEngagement(e.id);
  const chooseOwner = canPartnerships.coordinate(user);
  const [version] = useState(e.version);
  const [state, setState] = useState<EngagementFieldsState>(() => fieldsOf(e));
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const handleSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = validateEngagementFields(state, chooseOwner);
    setErrors(found);
    if (found.size > 0) return;
    patch.mutate(
      { version, body: toPatchBody(state, chooseOwner) },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          if (error instanceof ApiError) setErrors(errorsFromIssues(error.issues));
        },
      },
    );
  };
  return (
    <form className="card form" noValidate onSubmit={handleSubmit} aria-label={t('partnerships.engagements.edit')}>
      <ErrorsBelow errors={errors} />
      <EngagementFields
        state={state}
        onChange={(p) => setState((s) => ({ ...s, ...p }))}
        err={(path) => errors.get(path)}
        chooseOwner={chooseOwner}
        ownOrg={user?.orgCode ?? null}
      />
      {patch.error && <EngagementProblem error={patch.error} withIssues={false} />}
      <FormActions submit={t('common.save')} busy={patch.isPending} onCancel={() => onDone(false)} />
    </form>
  );
}
