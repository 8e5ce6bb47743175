/**
 * Uploading a program's document (file, kind, IATI category, titles, languages, date,
 * description, public) and a document's next version. The server checks the file by its content
 * (docs/documents.md); its refusal is shown at the file field, in the words of the server.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_UPLOAD_MAX_BYTES, KNOWN_TYPES } from '../../../../src/domain/offer/documents.js';
import {
  CATEGORY_OF_KIND,
  documentCategories,
  programDocumentKinds,
  PROGRAM_DOCUMENT_TITLE_MAX,
  type ProgramDocumentKind,
} from '../../../../src/domain/program/document.js';
import { ApiError } from '../../api/client.js';
import { useUploadProgramDocument, useUploadProgramDocumentVersion, type ProgramDocument } from '../../api/program-document-queries.js';
import { Field, type FieldError } from '../../components/Field.js';
import { CodedProblem } from '../../components/Status.js';
import { useFormat } from '../../format.js';

const ACCEPT = Object.values(KNOWN_TYPES)
  .flatMap((t) => [...t.extensions.map((e) => `.${e}`), t.contentType])
  .join(',');
const MAX_MIB = Math.round(DEFAULT_UPLOAD_MAX_BYTES / (1024 * 1024));

/** The server's refusal at its field: the file's (type, size, image) or a metadata field's. */
function fieldErrors(error: unknown): Map<string, FieldError> {
  const errors = new Map<string, FieldError>();
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.issues) errors.set(issue.path, { ...(issue.code ? { code: issue.code } : {}), message: issue.message });
  if (error.status === 413 && !errors.has('file')) errors.set('file', { code: 'too_large', message: error.message });
  // A refused file: the detail names it and says why.
  if (error.code === 'document.rejected') errors.set('file', { message: error.message });
  return errors;
}

const EMPTY = {
  kind: 'other' as ProgramDocumentKind,
  category: '',
  titleEn: '',
  titleId: '',
  languages: '',
  documentDate: '',
  description: '',
};

export function DocumentUploadForm({ programId }: { programId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const upload = useUploadProgramDocument(programId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [isPublic, setIsPublic] = useState(false);
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const file = fileRef.current?.files?.[0];
    const found = new Map<string, FieldError>();
    if (!values.titleEn.trim()) found.set('titleEn', { code: 'required', message: 'is required' });
    if (!file) found.set('file', { code: 'required', message: 'is required' });
    setErrors(found);
    if (found.size > 0 || !file) return;
    upload.mutate(
      { ...values, isPublic, file },
      {
        onSuccess: (doc) => {
          setDone(f.title(doc));
          setValues(EMPTY);
          setIsPublic(false);
          if (fileRef.current) fileRef.current.value = '';
        },
        onError: (error) => setErrors(fieldErrors(error)),
      },
    );
  };

  const general = upload.error && fieldErrors(upload.error).size === 0;
  return (
    <form className="panel" noValidate onSubmit={handleSubmit} aria-label={t('programDocuments.upload.title')}>
      <h3>{t('programDocuments.upload.title')}</h3>
      <p className="muted small">{t('programDocuments.upload.hint', { mib: MAX_MIB })}</p>
      <Field label={t('programDocuments.upload.file')} required error={errors.get('file')}>
        {(props) => <input {...props} ref={fileRef} type="file" accept={ACCEPT} />}
      </Field>
      <Field label={t('programDocuments.upload.kind')} required error={errors.get('kind')}>
        {(props) => (
          <select {...props} value={values.kind} onChange={set('kind')}>
            {programDocumentKinds.codes.map((k) => (
              <option key={k} value={k}>
                {f.code(programDocumentKinds, k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('programDocuments.upload.category')} hint={t('programDocuments.upload.categoryHint')} error={errors.get('category')}>
        {(props) => (
          <select {...props} value={values.category} onChange={set('category')}>
            <option value="">{t('programDocuments.upload.sameAsKind', { code: CATEGORY_OF_KIND[values.kind] })}</option>
            {documentCategories.codes.map((c) => (
              <option key={c} value={c}>
                {c} {f.code(documentCategories, c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('programDocuments.upload.titleEn')} required error={errors.get('titleEn')}>
        {(props) => (
          <input {...props} type="text" maxLength={PROGRAM_DOCUMENT_TITLE_MAX} value={values.titleEn} onChange={set('titleEn')} />
        )}
      </Field>
      <Field label={t('programDocuments.upload.titleId')} error={errors.get('titleId')}>
        {(props) => (
          <input {...props} type="text" maxLength={PROGRAM_DOCUMENT_TITLE_MAX} value={values.titleId} onChange={set('titleId')} />
        )}
      </Field>
      <Field
        label={t('programDocuments.upload.languages')}
        hint={t('programDocuments.upload.languagesHint')}
        error={errors.get('languages')}
      >
        {(props) => <input {...props} type="text" value={values.languages} onChange={set('languages')} />}
      </Field>
      <Field label={t('programDocuments.upload.documentDate')} error={errors.get('documentDate')}>
        {(props) => <input {...props} type="date" value={values.documentDate} onChange={set('documentDate')} />}
      </Field>
      <Field label={t('programDocuments.upload.description')} error={errors.get('description')}>
        {(props) => <textarea {...props} rows={2} value={values.description} onChange={set('description')} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={isPublic} onChange={(e) => setIsPublic(e.target.checked)} />
        {t('programDocuments.upload.isPublic')}
      </label>
      {general && <CodedProblem error={upload.error} texts="programDocuments.errors" />}
      {done && (
        <p className="success" role="status">
          {t('programDocuments.upload.done', { title: done })}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t('programDocuments.upload.sending') : t('programDocuments.upload.send')}
        </button>
      </div>
    </form>
  );
}

/** The next version of a document's file, sent with the version the user saw (If-Match). */
export function DocumentVersionForm({ programId, document, onDone }: { programId: number; document: ProgramDocument; onDone: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadProgramDocumentVersion(programId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<FieldError | undefined>();

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setError({ code: 'required', message: 'is required' });
    setError(undefined);
    upload.mutate({ document, file }, { onSuccess: onDone, onError: (err) => setError(fieldErrors(err).get('file')) });
  };

  return (
    <form noValidate onSubmit={handleSubmit} aria-label={t('programDocuments.newVersion')}>
      <Field label={t('programDocuments.version.file')} required error={error}>
        {(props) => <input {...props} ref={fileRef} type="file" accept={ACCEPT} />}
      </Field>
      {upload.error && !error && <CodedProblem error={upload.error} texts="programDocuments.errors" />}
      <div className="actions">
        <button type="submit" disabled={upload.isPending}>
          {t('programDocuments.version.send')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('programDocuments.version.cancel')}
        </button>
      </div>
    </form>
  );
}
