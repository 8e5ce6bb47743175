/** A person's page: their programs across the years (those the server lets this user see). */
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { participantStatuses } from '../../../../src/domain/codes.js';
import { useAlumnus } from '../../api/alumni-queries.js';
import { ApiError } from '../../api/client.js';
import { Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { EraseButton } from './EraseButton.js';
import { personalDataExportUrl } from '../../api/personal-data-queries.js';
import { canPersonalData } from '../../auth/personal-data-rules.js';
import { useSession } from '../../auth/session.js';

function statusLabel(status: string, lang: 'en' | 'id'): string {
  const code = participantStatuses.parse(status);
  return code ? participantStatuses.label(code, lang) : status;
}

export function AlumnusPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { user } = useSession();
  const { id } = useParams({ from: '/alumni/$id' });
  const person = useAlumnus(Number(id));
  if (person.isPending) return <Loading />;
  if (person.error instanceof ApiError && person.error.status === 404) return <p role="alert">{t('alumni.notFound')}</p>;
  if (person.error || !person.data) return <ProblemMessage error={person.error} onRetry={() => void person.refetch()} />;
  const a = person.data;
  return (
    <article>
      <p>
        <Link to="/alumni">{t('alumni.back')}</Link>
      </p>
      <h1>{a.fullName}</h1>
      <dl className="facts">
        <dt>{t('alumni.columns.country')}</dt>
        <dd>{f.country(a.country)}</dd>
        <dt>{t('alumni.columns.organisation')}</dt>
        <dd>{a.organisation ?? '—'}</dd>
        <dt>{t('alumni.columns.position')}</dt>
        <dd>{a.position ?? '—'}</dd>
        <dt>{t('alumni.columns.email')}</dt>
        <dd>{a.email ?? '—'}</dd>
      </dl>
      {canPersonalData.see(user) && (
        // An access request (UU PDP Art. 7): everything held about the person, over all their records.
        <p className="actions">
          <a href={personalDataExportUrl(Number(id), 'json')} download>
            {t('personalData.access.downloadJson')}
          </a>{' '}
          <a href={personalDataExportUrl(Number(id), 'pdf')} download>
            {t('personalData.access.downloadPdf')}
          </a>
        </p>
      )}
      <h2>{t('alumni.programs')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('alumni.columns.year')}</th>
            <th scope="col">{t('alumni.columns.program')}</th>
            <th scope="col">{t('alumni.columns.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('alumni.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {a.programs.map((p) => (
            <tr key={p.participantId}>
              <td>{p.year ?? '—'}</td>
              <td>
                <Link to="/programs/$id" params={{ id: String(p.activityId) }}>
                  {f.title(p)}
                </Link>
              </td>
              <td>{statusLabel(p.status, f.lang === 'id' ? 'id' : 'en')}</td>
              <td>
                <EraseButton participantId={p.participantId} onErased={() => void navigate({ to: '/alumni' })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
