/**
 * A participant's documents (CV, letter) and status history: uploaded with a nomination or later
 * by the nominating organisation or those who manage the offer, read by those who see the
 * participant's personal data (docs/participants.md).
 */
import { actorLabel } from '../domain/access/actor.js';
import type { Program } from '../domain/program/program.js';
import { canManageOffer, canSeePersonalData, isNominator, requireSignedIn } from '../domain/access/policy.js';
import { ForbiddenError, InvalidError, NotFoundError } from '../domain/errors.js';
import { checkUpload, type DocumentKind, type DocumentMeta } from '../domain/offer/documents.js';
import type { Participant } from '../domain/participant/participant.js';
import { audit } from './audit.js';
import { participantAndProgram } from './offers.js';
import type { ParticipantEvent } from './journey.ports.js';
import type { Acting, Deps, Repos } from './deps.js';

/** What finds a participant and its program, to authorise reading the participant's documents and history. */
type PersonalRepo = 'participants' | 'programs';

export interface UploadedFile {
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Checks every file before anything is written; names each bad one. */
export function checkFiles(files: readonly UploadedFile[], maxBytes: number) {
  const checked = files.map((f) => ({ file: f, result: checkUpload(f.kind, f.fileName, f.bytes, maxBytes) }));
  const issues = checked.flatMap((c) => (c.result.ok ? [] : [c.result.issue]));
  if (issues.length)
    throw new InvalidError(
      'document.rejected',
      `the upload was refused: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  return checked.map((c) => ({
    ...c.file,
    ...(c.result.ok ? c.result.value : { fileName: c.file.fileName, contentType: 'application/octet-stream' }),
  }));
}

export async function storeFiles(
  deps: Acting,
  repos: Repos<'documents' | 'audit'>,
  participant: Participant,
  program: Program,
  files: readonly UploadedFile[],
  maxBytes: number,
): Promise<DocumentMeta[]> {
  const metas: DocumentMeta[] = [];
  for (const f of checkFiles(files, maxBytes)) {
    const meta = await repos.documents.insert(
      {
        participantId: participant.id,
        kind: f.kind,
        fileName: f.fileName,
        contentType: f.contentType,
        content: f.bytes,
        uploadedBy: actorLabel(deps.actor),
      },
      deps.clock.nowIso(),
    );
    metas.push(meta);
    await audit(deps, repos, {
      action: 'create',
      entity: 'participant_document',
      entityId: meta.id,
      entityLabel: `${program.identifier} #${participant.id} ${f.kind}`,
      changes: {
        fileName: { before: null, after: meta.fileName },
        contentType: { before: null, after: meta.contentType },
        sizeBytes: { before: null, after: meta.sizeBytes },
        sha256: { before: null, after: meta.sha256 },
      },
    });
  }
  return metas;
}

/** Who may see a participant's documents and history: those who see their personal data. */
function authorizePersonal(deps: Acting, program: Program, participant: Participant): void {
  requireSignedIn(deps.actor);
  if (!canSeePersonalData(deps.actor, program, participant.nominatedBy))
    throw new ForbiddenError('participant.personal_forbidden', "you may not see this participant's personal data");
}

export async function addDocuments(
  deps: Deps<PersonalRepo | 'documents' | 'audit'>,
  participantId: number,
  files: readonly UploadedFile[],
  maxBytes: number,
): Promise<DocumentMeta[]> {
  requireSignedIn(deps.actor);
  if (files.length === 0)
    throw new InvalidError('document.no_file', 'send a file in a field named "cv" or "letter"', [{ path: 'cv', message: 'is required' }]);
  return deps.store.transaction(async (repos) => {
    const { participant, program } = await participantAndProgram(repos, participantId);
    if (!canManageOffer(deps.actor, program) && !isNominator(deps.actor, participant.nominatedBy)) {
      throw new ForbiddenError('document.forbidden', 'documents are added by the nominating organisation and those who manage the offer');
    }
    if (participant.erasedAt) throw new InvalidError('participant.erased', "the participant's personal data has been erased");
    return storeFiles(deps, repos, participant, program, files, maxBytes);
  });
}

export async function listDocuments(deps: Deps<PersonalRepo | 'documents'>, participantId: number): Promise<DocumentMeta[]> {
  const { participant, program } = await participantAndProgram(deps.store.repos, participantId);
  authorizePersonal(deps, program, participant);
  return deps.store.repos.documents.listFor(participantId);
}

export async function getDocument(
  deps: Deps<PersonalRepo | 'documents'>,
  documentId: number,
): Promise<{ meta: DocumentMeta; content: Uint8Array }> {
  requireSignedIn(deps.actor);
  const repos = deps.store.repos;
  const meta = await repos.documents.findMeta(documentId);
  if (!meta) throw new NotFoundError('document.not_found', `no document with id ${documentId}`);
  const { participant, program } = await participantAndProgram(repos, meta.participantId);
  authorizePersonal(deps, program, participant);
  const content = await repos.documents.content(documentId);
  if (!content) throw new NotFoundError('document.not_found', `no document with id ${documentId}`);
  return { meta, content };
}

export async function participantHistory(
  deps: Deps<PersonalRepo | 'participantEvents'>,
  participantId: number,
): Promise<{ participant: Participant; events: ParticipantEvent[] }> {
  const { participant, program } = await participantAndProgram(deps.store.repos, participantId);
  authorizePersonal(deps, program, participant);
  return { participant, events: await deps.store.repos.participantEvents.listFor(participantId) };
}
