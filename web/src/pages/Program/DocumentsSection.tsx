/**
 * A program's documents (docs/documents.md): category, title, current version, date, public or
 * private, thumbnails for photos, downloads and the version history; for the coordination team
 * and the implementing agency also the upload form, new versions, marking public or private and
 * (the coordination team) deleting. The public sees the public documents of published programs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentCategories, programDocumentKinds } from '../../../../src/domain/program/document.js';
import {
  documentThumbnailUrl,
  documentVersionUrl,
  useDeleteProgramDocument,
  usePatchProgramDocument,
  useProgramDocuments,
  useProgramDocumentVersions,
  type ProgramDocument,
} from '../../api/program-document-queries.js';
import { can, useSession } from '../../auth/session.js';
import { DataTable } from '../../components/DataTable.js';
import { RowMenu } from '../../components/RowMenu.js';
import { CodedProblem, EmptyState, Loading, ProblemMessage } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { DocumentUploadForm, DocumentVersionForm } from './DocumentUploadForm.js';

export function DocumentsSection({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const documents = useProgramDocuments(programId);
  const { user } = useSession();
  const manage = documents.data?.canManage ?? false;
  if (documents.isPending) return <Loading />;
  if (documents.error) return <ProblemMessage error={documents.error} onRetry={() => void documents.refetch()} />;
  const items = documents.data.items;
  // The public sees the section only when there is something published.
  if (!manage && items.length === 0 && !can.internal(user)) return null;
  return (
    <section className="card" aria-labelledby="program-documents">
      <h2 id="program-documents">{t('programDocuments.title')}</h2>
      <p className="muted small">{manage ? t('programDocuments.intro') : t('programDocuments.publicIntro')}</p>
      {items.length === 0 ? (
        <EmptyState>{t('programDocuments.empty')}</EmptyState>
      ) : (
        <DataTable
          head={
            <>
              <th scope="col">{t('programDocuments.columns.document')}</th>
              <th scope="col">{t('programDocuments.columns.category')}</th>
              <th scope="col">{t('programDocuments.columns.version')}</th>
              <th scope="col">{t('programDocuments.columns.date')}</th>
              <th scope="col">{t('programDocuments.columns.visibility')}</th>
              {manage && (
                <th scope="col">
                  <span className="visually-hidden">{t('programDocuments.columns.actions')}</span>
                </th>
              )}
            </>
          }
        >
          {items.map((d) => (
            <DocumentRow key={d.id} programId={programId} document={d} manage={manage} mayDelete={can.deleteProgram(user)} />
          ))}
        </DataTable>
      )}
      {manage && <DocumentUploadForm programId={programId} />}
    </section>
  );
}

function DocumentRow({
  programId,
  document: d,
  manage,
  mayDelete,
}: {
  programId: number;
  document: ProgramDocument;
  manage: boolean;
  mayDelete: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [panel, setPanel] = useState<'history' | 'version' | 'delete' | null>(null);
  const patch = usePatchProgramDocument(programId);
  const remove = useDeleteProgramDocument(programId);
  const title = f.title(d);
  const columns = manage ? 6 : 5;
  const actions = [
    { label: t('programDocuments.history'), onSelect: () => setPanel(panel === 'history' ? null : 'history') },
    { label: t('programDocuments.newVersion'), onSelect: () => setPanel('version') },
    {
      label: d.isPublic ? t('programDocuments.makePrivate') : t('programDocuments.makePublic'),
      onSelect: () => patch.mutate({ document: d, body: { isPublic: !d.isPublic } }),
    },
    ...(mayDelete ? [{ label: t('programDocuments.remove'), danger: true, onSelect: () => setPanel('delete') }] : []),
  ];
  return (
    <>
      <tr>
        <td>
          <div className="document-title">
            {d.current.hasThumbnail && (
              <img
                src={documentThumbnailUrl(programId, d.id, d.currentVersion)}
                alt={t('programDocuments.thumbnailAlt', { title })}
                width={64}
                loading="lazy"
              />
            )}
            <div>
              <strong>{title}</strong>
              <div className="muted small">{f.code(programDocumentKinds, d.kind)}</div>
              <a href={documentVersionUrl(programId, d.id, d.currentVersion)} download className="small">
                {t('programDocuments.download', { file: d.current.fileName })}
              </a>
            </div>
          </div>
        </td>
        <td>
          <abbr title={f.code(documentCategories, d.category)}>{d.category}</abbr>
        </td>
        <td className="nowrap">{t('programDocuments.versionNo', { n: d.currentVersion })}</td>
        <td className="nowrap">{f.date(d.documentDate ?? d.current.uploadedAt.slice(0, 10))}</td>
        <td>
          <span className={d.isPublic ? 'badge ok' : 'badge'}>
            {t(d.isPublic ? 'programDocuments.public' : 'programDocuments.private')}
          </span>
        </td>
        {manage && (
          <td>
            <RowMenu label={t('programDocuments.actions', { title })} actions={actions} />
          </td>
        )}
      </tr>
      {(patch.error || panel === 'history' || panel === 'version') && (
        <tr>
          <td colSpan={columns}>
            {patch.error && <CodedProblem error={patch.error} texts="programDocuments.errors" />}
            {panel === 'history' && <VersionHistory programId={programId} documentId={d.id} />}
            {panel === 'version' && <DocumentVersionForm programId={programId} document={d} onDone={() => setPanel(null)} />}
          </td>
        </tr>
      )}
      {panel === 'delete' && (
        <ConfirmDialog
          title={t('programDocuments.remove')}
          text={t('programDocuments.confirmRemove', { title })}
          confirm={t('programDocuments.remove')}
          busy={remove.isPending}
          error={remove.error}
          onCancel={() => setPanel(null)}
          onConfirm={() => remove.mutate(d, { onSuccess: () => setPanel(null) })}
        />
      )}
    </>
  );
}

function VersionHistory({ programId, documentId }: { programId: number; documentId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const detail = useProgramDocumentVersions(programId, documentId, true);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ProblemMessage error={detail.error} />;
  return (
    <ul className="plain" aria-label={t('programDocuments.history')}>
      {detail.data.versions.map((v) => (
        <li key={v.versionNo}>
          <strong>{t('programDocuments.versionNo', { n: v.versionNo })}</strong>{' '}
          <a href={documentVersionUrl(programId, documentId, v.versionNo)} download>
            {v.fileName}
          </a>{' '}
          <span className="muted small">
            {t('programDocuments.kib', { size: f.number(Math.max(1, Math.round(v.sizeBytes / 1024))) })} ·{' '}
            {t('programDocuments.uploaded', { date: f.date(v.uploadedAt.slice(0, 10)), who: v.uploadedBy })}
          </span>
        </li>
      ))}
    </ul>
  );
}
