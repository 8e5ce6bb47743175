/**
 * The public verification page a certificate's QR code opens: whose certificate it is, for which
 * program and dates, its number, and whether it is valid. No sign-in; nothing else is shown.
 */
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useVerification, type Verification } from '../../api/attendance-queries.js';
import { ApiError } from '../../api/client.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';

export function VerifyPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/verify/$token' });
  const query = useVerification(token);
  return (
    <article className="verify">
      <h1>{t('attendance.verify.title')}</h1>
      {query.isPending ? (
        <Loading />
      ) : query.error instanceof ApiError && query.error.status === 404 ? (
        <div className="problem" role="alert">
          <p>{t('attendance.verify.notFound')}</p>
        </div>
      ) : query.error || !query.data ? (
        <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <VerificationAnswer v={query.data} />
      )}
    </article>
  );
}

/** The answer, shown as it is: the fields the server gives and nothing more. */
export function VerificationAnswer({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const f = useFormat();
  const badge = v.status === 'valid' ? 'ok' : 'bad';
  return (
    <section className="card">
      <p>
        <span className={`badge ${badge}`}>{t(`attendance.verify.status.${v.status}`)}</span>
      </p>
      <p>{t(`attendance.verify.explain.${v.status}`)}</p>
      {v.status !== 'invalid' && (
        <dl className="facts">
          <dt>{t('attendance.verify.name')}</dt>
          <dd>{v.fullName}</dd>
          <dt>{t('attendance.verify.program')}</dt>
          <dd>
            {f.title({ titleEn: v.programTitleEn, titleId: v.programTitleId })}
            {(f.lang === 'id' ? v.programTitleEn : v.programTitleId) && (
              <>
                <br />
                <span className="muted">{f.lang === 'id' ? v.programTitleEn : v.programTitleId}</span>
              </>
            )}
          </dd>
          <dt>{t('attendance.verify.dates')}</dt>
          <dd>
            {f.date(v.startDate)} – {f.date(v.endDate)}
          </dd>
        </dl>
      )}
      <dl className="facts">
        <dt>{t('attendance.verify.number')}</dt>
        <dd>
          <code>{v.number}</code>
        </dd>
      </dl>
    </section>
  );
}
