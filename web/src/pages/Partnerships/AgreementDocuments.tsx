/**
 * An agreement's documents, grouped by title with their versions (latest first): download links,
 * the public/private switch, and the upload form (the same title makes the next version).
 * Documents are never public unless marked so.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOWED_TYPES, DEFAULT_UPLOAD_MAX_BYTES } from '../../../../src/domain/offer/documents.js';
import { ApiError } from '../../api/client.js';
import {
  agreementDocumentUrl,
  useSetAgreementDocumentPublic,
  useUploadAgreementDocument,
  type AgreementDetail,
  type AgreementDocument,
} from '../../api/partnership-queries.js';
import { DataTable } from '../../components/DataTable.js';
import { Field, type FieldError } from '../../components/Field.js';
import { EmptyState } from '../../components/Status.js';
import { useFormat } from '../../format.js';
import { PartnershipProblem, usePartnershipIssue } from './agreement-parts.js';
import { errorsFromIssues } from '../../components/field-errors.js';
import { groupDocuments } from './agreement-form.js';

/** What the file input offers: the accepted types by extension and media type (the server checks the content). */
const ACCEPT = Object.values(ALLOWED_TYPES)
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.contentType])
  .join(',');
const MAX_MIB = Math.round(DEFAULT_UPLOAD_MAX_BYTES / (1024 * 1024));
const TITLE_MAX = 200;

export function AgreementDocuments({ detail }: { detail: AgreementDetail }) {
  const { t } = useTranslation();
  const groups = groupDocuments(detail.documents);
  const titles = useId();
  return (
    <section className="card" aria-labelledby="agreement-documents">
      <h2 id="agreement-documents">{t('partnerships.agreements.documents.title')}</h2>
      <p className="muted small">{t('partnerships.agreements.documents.privacy')}</p>
      {groups.length === 0 ? (
        <EmptyState>{t('partnerships.agreements.documents.empty')}</EmptyState>
      ) : (
        groups.map((g) => (
          <div key={g.title}>
            <h3>{g.title}</h3>
            <DocumentVersions versions={g.versions} canEdit={detail.canEdit} />
          </div>
        ))
      )}
      {detail.canEdit && (
        <>
          <datalist id={titles}>
            {groups.map((g) => (
              <option key={g.title} value={g.title} />
            ))}
          </datalist>
          <UploadForm agreementId={detail.agreement.id} titleList={titles} />
        </>
      )}
    </section>
  );
}

function DocumentVersions({ versions, canEdit }: { versions: readonly AgreementDocument[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const toggle = useSetAgreementDocumentPublic();
  return (
    <>
      <DataTable
        head={
          <>
            <th scope="col">{t('partnerships.agreements.documents.version')}</th>
            <th scope="col">{t('partnerships.agreements.documents.file')}</th>
            <th scope="col">{t('partnerships.agreements.documents.uploaded')}</th>
            <th scope="col" className="num">
              {t('partnerships.agreements.documents.size')}
            </th>
            <th scope="col">{t('partnerships.agreements.documents.visibility')}</th>
          </>
        }
      >
        {versions.map((d, i) => (
          <tr key={d.id} className={i > 0 ? 'muted' : undefined}>
            <td className="nowrap">
              {t('partnerships.agreements.documents.versionNo', { n: d.versionNo })}
              {i === 0 && versions.length > 1 && <span className="muted small"> ({t('partnerships.agreements.documents.latest')})</span>}
            </td>
            <td>
              <a href={agreementDocumentUrl(d.id)} download>
                {d.fileName}
              </a>
            </td>
            <td className="nowrap">
              {f.date(d.createdAt.slice(0, 10))} <span className="muted small">{d.uploadedBy}</span>
            </td>
            <td className="num nowrap">
              {t('partnerships.agreements.documents.kib', { size: f.number(Math.max(1, Math.round(d.sizeBytes / 1024))) })}
            </td>
            <td>
              {canEdit ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={d.isPublic}
                    disabled={toggle.isPending}
                    onChange={(e) => toggle.mutate({ documentId: d.id, isPublic: e.target.checked })}
                  />
                  {t('partnerships.agreements.documents.public')}
                </label>
              ) : (
                <span className={d.isPublic ? 'badge ok' : 'badge'}>
                  {t(d.isPublic ? 'partnerships.agreements.documents.public' : 'partnerships.agreements.documents.private')}
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {toggle.error && <PartnershipProblem error={toggle.error} />}
    </>
  );
}

/**
 * A refused upload's field errors: the server's issues, or "too large" for a 413 without them
 * (a proxy in front of the server may refuse a large body before Mitra sees it).
 */
function uploadErrors(error: unknown): Map<string, FieldError> {
  if (!(error instanceof ApiError)) return new Map();
  const fields = errorsFromIssues(error.issues.filter((i) => i.path === 'file' || i.path === 'title'));
  if (error.status === 413 && !fields.has('file')) fields.set('file', { code: 'too_large', message: 'the file is too large' });
  return fields;
}

/** The refusal of an upload in plain words: too large (413), a wrong type or a bad file (422), at the file field. */
function UploadForm({ agreementId, titleList }: { agreementId: number; titleList: string }) {
  const { t } = useTranslation();
  const issue = usePartnershipIssue();
  const upload = useUploadAgreementDocument(agreementId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [isPublic, setIsPublic] = useState(false);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const [uploaded, setUploaded] = useState<AgreementDocument | null>(null);
  const err = (path: string) => {
    const e = errors.get(path);
    return e ? issue(e) : undefined;
  };

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUploaded(null);
    const file = fileRef.current?.files?.[0];
    const found = new Map<string, FieldError>();
    if (!title.trim()) found.set('title', { code: 'required', message: 'is required' });
    if (!file) found.set('file', { code: 'required', message: 'is required' });
    setErrors(found);
    if (found.size > 0 || !file) return;
    upload.mutate(
      { title: title.trim(), isPublic, file },
      {
        onSuccess: (doc) => {
          setUploaded(doc);
          setTitle('');
          setIsPublic(false);
          if (fileRef.current) fileRef.current.value = '';
        },
        onError: (error) => setErrors(uploadErrors(error)),
      },
    );
  };

  const general = upload.error && uploadErrors(upload.error).size === 0;
  return (
    <form className="panel" noValidate onSubmit={handleSubmit} aria-label={t('partnerships.agreements.documents.upload')}>
      <h3>{t('partnerships.agreements.documents.upload')}</h3>
      <p className="muted small">{t('partnerships.agreements.documents.uploadHint', { mib: MAX_MIB })}</p>
      <Field
        label={t('partnerships.agreements.documents.docTitle')}
        required
        error={err('title')}
        hint={t('partnerships.agreements.documents.docTitleHint')}
      >
        {(props) => (
          <input {...props} type="text" list={titleList} maxLength={TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label={t('partnerships.agreements.documents.file')} required error={err('file')}>
        {(props) => <input {...props} ref={fileRef} type="file" accept={ACCEPT} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />
        {t('partnerships.agreements.documents.makePublic')}
      </label>
      {general && <PartnershipProblem error={upload.error} />}
      {uploaded && (
        <p className="success" role="status">
          {t('partnerships.agreements.documents.uploadedOk', { title: uploaded.title, n: uploaded.versionNo })}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t('partnerships.agreements.documents.uploading') : t('partnerships.agreements.documents.send')}
        </button>
      </div>
    </form>
  );
}
