/**
 * Documents on programs (issue 25; docs/documents.md): terms of reference, curricula, participant
 * lists, reports, photos and handover certificates, typed with IATI DocumentCategory codes,
 * versioned, private unless marked public. Files are checked as agreement documents are (type by
 * content, name, size); photos get a thumbnail, their header checked before any decoding. Every
 * write, and every read of a private document's file, is audited.
 */
import { createHash } from 'node:crypto';
import { actorLabel } from '../domain/access/actor.js';
import {
  authorizeProgramDocumentDelete,
  authorizeProgramDocumentWrite,
  canManageProgramDocuments,
  canReadInternal,
  isPublished,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { checkUpload, KNOWN_TYPES, type CheckedUpload } from '../domain/offer/documents.js';
import {
  CATEGORY_OF_KIND,
  type ProgramDocument,
  type ProgramDocumentFields,
  type ProgramDocumentPatch,
  type ProgramDocumentVersion,
} from '../domain/program/document.js';
import type { Program } from '../domain/program/program.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import type { NewProgramDocumentFile, ProgramDocumentData, ThumbnailMaker } from './program-documents.ports.js';
import { getProgram } from './programs.js';

export type ProgramDocumentDeps = Deps<'programs' | 'programDocuments' | 'audit'>;

/** What an upload needs besides the file: the size limit and the thumbnail maker (src/io/thumbnail.ts). */
export interface UploadOptions {
  readonly maxBytes: number;
  readonly makeThumbnail: ThumbnailMaker;
}

export interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** A program's documents as the actor may see them, and whether the actor manages them. */
export interface ProgramDocumentList {
  readonly items: readonly ProgramDocument[];
  readonly canManage: boolean;
}

/** A document as addressed under its program (/activities/{activityId}/documents/{id}). */
export interface DocumentRef {
  readonly activityId: number;
  readonly id: number;
}

const notFound = (id: number) => new NotFoundError('program_document.not_found', `no program document with id ${id}`);

/** The program's documents: all of them for those who manage them, else the public ones. */
export async function listProgramDocuments(deps: Deps<'programs' | 'programDocuments'>, activityId: number): Promise<ProgramDocumentList> {
  const program = await getProgram(deps, activityId);
  const canManage = canManageProgramDocuments(deps.actor, program);
  return { items: await deps.store.repos.programDocuments.list(activityId, !canManage), canManage };
}

/** The program, when the actor may see it (the public: published programs only). */
async function visibleProgram(deps: Acting, repos: Repos<'programs'>, activityId: number): Promise<Program | undefined> {
  const program = await repos.programs.findById(activityId);
  return program && (canReadInternal(deps.actor) || isPublished(program.lifecycleStage)) ? program : undefined;
}

/** A document, its program and whether the actor manages it; one the actor may not see does not exist. */
async function visibleDocument(deps: Acting, repos: Repos<'programs' | 'programDocuments'>, ref: DocumentRef) {
  const { id } = ref;
  const document = await repos.programDocuments.find(id);
  if (!document || document.activityId !== ref.activityId) throw notFound(id);
  const program = await visibleProgram(deps, repos, document.activityId);
  if (!program) throw notFound(id);
  const canManage = canManageProgramDocuments(deps.actor, program);
  if (!canManage && !document.isPublic) throw notFound(id);
  return { document, program, canManage };
}

/** A document with its versions (those who manage it) or its current version alone (anyone else). */
export async function getProgramDocument(
  deps: Deps<'programs' | 'programDocuments'>,
  ref: DocumentRef,
): Promise<{ document: ProgramDocument; versions: readonly ProgramDocumentVersion[] }> {
  const { id } = ref;
  const { document, canManage } = await visibleDocument(deps, deps.store.repos, ref);
  return { document, versions: canManage ? await deps.store.repos.programDocuments.versions(id) : [document.current] };
}

/** Checks a file as agreement documents are checked, Office spreadsheets and presentations accepted too; a photo must be an image. */
function checkFile(
  kind: ProgramDocumentFields['kind'],
  file: UploadedFile,
  options: UploadOptions,
): { checked: CheckedUpload; thumbnail: Uint8Array | null } {
  const label = file.fileName || 'the file';
  const checked = checkUpload('file', file.fileName, file.bytes, options.maxBytes, KNOWN_TYPES);
  if (!checked.ok) throw new InvalidError('document.rejected', `"${label}" was refused: ${checked.issue.message}`, [checked.issue]);
  const { type } = checked.value;
  if (type !== 'jpeg' && type !== 'png') {
    if (kind === 'photo')
      throw new InvalidError('document.rejected', `"${label}" was refused: a photo must be a JPEG or PNG image`, [
        { path: 'file', code: 'not_an_image', message: 'a photo must be a JPEG or PNG image' },
      ]);
    return { checked: checked.value, thumbnail: null };
  }
  const thumbnail = options.makeThumbnail(type, file.bytes);
  if (!thumbnail.ok)
    throw new InvalidError('document.rejected', `"${label}" was refused: ${thumbnail.reason}`, [
      { path: 'file', code: 'image_refused', message: thumbnail.reason },
    ]);
  return { checked: checked.value, thumbnail: thumbnail.bytes };
}

function storedFile(
  deps: Acting,
  file: UploadedFile,
  checked: { checked: CheckedUpload; thumbnail: Uint8Array | null },
): NewProgramDocumentFile {
  return {
    fileName: checked.checked.fileName,
    contentType: checked.checked.contentType,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploadedBy: actorLabel(deps.actor),
    content: file.bytes,
    thumbnail: checked.thumbnail,
    now: deps.clock.nowIso(),
  };
}

function dataOf(fields: ProgramDocumentFields): ProgramDocumentData {
  return { ...fields, category: fields.category ?? CATEGORY_OF_KIND[fields.kind] };
}

/** What the audit log keeps of a document: its metadata and its current file's name, size and sha256 (never the bytes). */
function auditView(d: ProgramDocument) {
  const { current, ...meta } = d;
  return { ...meta, fileName: current.fileName, sizeBytes: current.sizeBytes, sha256: current.sha256 };
}

const labelOf = (program: Pick<Program, 'identifier'>, d: Pick<ProgramDocument, 'titleEn' | 'currentVersion'>) =>
  `${program.identifier} ${d.titleEn} v${d.currentVersion}`;

/** A new document on a program, with its first version. */
export async function uploadProgramDocument(
  deps: ProgramDocumentDeps,
  activityId: number,
  fields: ProgramDocumentFields,
  file: UploadedFile,
  options: UploadOptions,
): Promise<ProgramDocument> {
  const writableProgram = async (repos: Repos<'programs'>) => {
    const program = await visibleProgram(deps, repos, activityId);
    if (!program) throw new NotFoundError('activity.not_found', `no program with id ${activityId}`);
    authorizeProgramDocumentWrite(deps.actor, program);
    return program;
  };
  // Checked (and a photo decoded) before the transaction, so that no write waits on the decoder;
  // who asks is checked first, so that a refused file tells nothing to whom may not upload.
  await writableProgram(deps.store.repos);
  const checked = checkFile(fields.kind, file, options);
  return deps.store.transaction(async (repos) => {
    const program = await writableProgram(repos);
    const document = await repos.programDocuments.insert(activityId, dataOf(fields), storedFile(deps, file, checked));
    await audit(deps, repos, {
      action: 'create',
      entity: 'program_document',
      entityId: document.id,
      entityLabel: labelOf(program, document),
      entityVersion: document.version,
      changes: diffRecords(null, auditView(document)),
    });
    return document;
  });
}

function stale(id: number): ConflictError {
  return new ConflictError('program_document.stale', `program document ${id} was changed meanwhile: read it again and retry`);
}

/** A new version of a document's file (the next number); older versions stay readable to those who manage it. */
export async function uploadProgramDocumentVersion(
  deps: ProgramDocumentDeps,
  ref: DocumentRef,
  expectedVersion: number | undefined,
  file: UploadedFile,
  options: UploadOptions,
): Promise<ProgramDocument> {
  const { id } = ref;
  // As for a new document: the file is checked before the transaction, after who asks.
  const before = await visibleDocument(deps, deps.store.repos, ref);
  authorizeProgramDocumentWrite(deps.actor, before.program);
  const checked = checkFile(before.document.kind, file, options);
  return deps.store.transaction(async (repos) => {
    const { document, program } = await visibleDocument(deps, repos, ref);
    authorizeProgramDocumentWrite(deps.actor, program);
    if (!(await repos.programDocuments.addVersion(id, expectedVersion ?? null, storedFile(deps, file, checked)))) throw stale(id);
    return auditedUpdate(deps, repos, program, document);
  });
}

/** The document as it now is, its change from `before` audited (a new version or new metadata). */
async function auditedUpdate(
  deps: ProgramDocumentDeps,
  repos: Parameters<Parameters<ProgramDocumentDeps['store']['transaction']>[0]>[0],
  program: Parameters<typeof labelOf>[0],
  before: ProgramDocument,
): Promise<ProgramDocument> {
  const after = await repos.programDocuments.find(before.id);
  if (!after) throw notFound(before.id);
  await audit(deps, repos, {
    action: 'update',
    entity: 'program_document',
    entityId: before.id,
    entityLabel: labelOf(program, after),
    entityVersion: after.version,
    changes: diffRecords(auditView(before), auditView(after)),
  });
  return after;
}

/** Changes a document's metadata (marking it public or private among them). */
export async function updateProgramDocument(
  deps: ProgramDocumentDeps,
  ref: DocumentRef,
  expectedVersion: number | undefined,
  patch: ProgramDocumentPatch,
): Promise<ProgramDocument> {
  const { id } = ref;
  return deps.store.transaction(async (repos) => {
    const { document, program } = await visibleDocument(deps, repos, ref);
    authorizeProgramDocumentWrite(deps.actor, program);
    if (expectedVersion !== undefined && expectedVersion !== document.version) throw stale(id);
    const kind = patch.kind ?? document.kind;
    // A new kind brings its category, unless one is named.
    const category = patch.category ?? (patch.kind && patch.kind !== document.kind ? CATEGORY_OF_KIND[kind] : document.category);
    const data: ProgramDocumentData = {
      kind,
      category,
      titleEn: patch.titleEn ?? document.titleEn,
      titleId: patch.titleId === undefined ? document.titleId : patch.titleId,
      languages: patch.languages ?? [...document.languages],
      documentDate: patch.documentDate === undefined ? document.documentDate : patch.documentDate,
      description: patch.description === undefined ? document.description : patch.description,
      isPublic: patch.isPublic ?? document.isPublic,
    };
    if (kind === 'photo' && !document.current.hasThumbnail)
      throw new InvalidError('program_document.invalid', 'only a JPEG or PNG image can be a photo', [
        { path: 'kind', code: 'not_an_image', message: 'the file is not a JPEG or PNG image' },
      ]);
    if (!(await repos.programDocuments.update(id, document.version, data, deps.clock.nowIso()))) throw stale(id);
    return auditedUpdate(deps, repos, program, document);
  });
}

/** Deletes a document with every version (the coordination team); the audit log keeps its metadata and checksums. */
export async function deleteProgramDocument(
  deps: ProgramDocumentDeps,
  ref: DocumentRef,
  expectedVersion: number | undefined,
): Promise<void> {
  const { id } = ref;
  await deps.store.transaction(async (repos) => {
    const { document, program } = await visibleDocument(deps, repos, ref);
    authorizeProgramDocumentDelete(deps.actor);
    if (expectedVersion !== undefined && expectedVersion !== document.version) throw stale(id);
    const versions = await repos.programDocuments.versions(id);
    await repos.programDocuments.remove(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'program_document',
      entityId: id,
      entityLabel: labelOf(program, document),
      entityVersion: document.version,
      changes: {
        ...diffRecords(auditView(document), null),
        versions: { before: versions.map((v) => ({ versionNo: v.versionNo, sha256: v.sha256 })), after: null },
      },
    });
  });
}

/**
 * A version's file (the current one when `versionNo` is absent). Those who manage the document
 * read every version; anyone who may see a public document its current version. A private
 * document's file read is audited.
 */
export async function downloadProgramDocument(
  deps: ProgramDocumentDeps,
  ref: DocumentRef,
  versionNo?: number,
): Promise<{ version: ProgramDocumentVersion; content: Uint8Array; isPublic: boolean }> {
  const { id } = ref;
  const { document, program, canManage } = await visibleDocument(deps, deps.store.repos, ref);
  const wanted = versionNo ?? document.currentVersion;
  if (!canManage && wanted !== document.currentVersion) throw notFound(id);
  const file = await deps.store.repos.programDocuments.file(id, wanted);
  if (!file) throw new NotFoundError('program_document.not_found', `program document ${id} has no version ${wanted}`);
  if (!document.isPublic) {
    await deps.store.transaction(async (repos) =>
      audit(deps, repos, {
        action: 'download',
        entity: 'program_document',
        entityId: id,
        entityLabel: `${program.identifier} ${document.titleEn} v${wanted}`,
        changes: { versionNo: { before: null, after: wanted }, sha256: { before: null, after: file.version.sha256 } },
      }),
    );
  }
  return { ...file, isPublic: document.isPublic };
}

/** A photo version's thumbnail, to whoever may see the document (thumbnails are not audited: lists show them). */
export async function programDocumentThumbnail(
  deps: Deps<'programs' | 'programDocuments'>,
  ref: DocumentRef,
  versionNo?: number,
): Promise<{ bytes: Uint8Array; isPublic: boolean }> {
  const { id } = ref;
  const { document, canManage } = await visibleDocument(deps, deps.store.repos, ref);
  const wanted = versionNo ?? document.currentVersion;
  if (!canManage && wanted !== document.currentVersion) throw notFound(id);
  const bytes = await deps.store.repos.programDocuments.thumbnail(id, wanted);
  if (!bytes) throw new NotFoundError('program_document.no_thumbnail', `program document ${id} version ${wanted} has no thumbnail`);
  return { bytes, isPublic: document.isPublic };
}

/**
 * A public document's current file at its stable address (the IATI document-link): only a
 * document marked public of a program the public portal shows, whoever asks.
 */
export async function publicProgramDocument(
  deps: Deps<'programs' | 'programDocuments'>,
  id: number,
): Promise<{ version: ProgramDocumentVersion; content: Uint8Array }> {
  const document = await deps.store.repos.programDocuments.find(id);
  if (!document?.isPublic) throw notFound(id);
  const program = await deps.store.repos.programs.findById(document.activityId);
  if (!program || !isPublished(program.lifecycleStage)) throw notFound(id);
  const file = await deps.store.repos.programDocuments.file(id, document.currentVersion);
  if (!file) throw notFound(id);
  return file;
}
