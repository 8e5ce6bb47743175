/**
 * Certificates (docs/participants.md): issued to completed participants once the attendance is
 * closed, each with a number and a public verification token; revoked when issued in error;
 * their document (for the PDF) and the public verification page's answer.
 */
import { randomBytes } from 'node:crypto';
import { authorizeOfferManage, canSeePersonalData, requireSignedIn } from '../domain/access/policy.js';
import { courseSpan } from '../domain/attendance/attendance.js';
import { certificateNumber, isVerifyToken } from '../domain/attendance/certificate-number.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import { audit } from './audit.js';
import type { Certificate } from './attendance.ports.js';
import type { Deps } from './deps.js';
import { programOf } from './offers.js';

export interface IssueResult {
  readonly issued: readonly Certificate[];
  /** Completed participants who already had a certificate (revoked ones are not issued again). */
  readonly existing: number;
  /** Completed participants whose data was erased: no certificate. */
  readonly erased: number;
}

/**
 * 32 random bytes: the unguessable part of the public verification address. A token starting
 * with "-" is drawn again, so that `mitra certificates verify TOKEN` never reads it as an option
 * (one draw in 64; the tokens keep over 255 bits of randomness).
 */
function newVerifyToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}

/** Issues a certificate to every completed participant who has none yet (running it again issues nothing twice). */
export async function issueCertificates(
  deps: Deps<'programs' | 'participants' | 'attendance' | 'certificates' | 'audit'>,
  programId: number,
): Promise<IssueResult> {
  return deps.store.transaction(async (repos) => {
    const program = await programOf(repos, programId);
    authorizeOfferManage(deps.actor, program);
    await repos.attendance.lockProgram(programId);
    const completed = (await repos.participants.listByProgram(programId)).filter((p) => p.status === 'completed');
    const have = new Set((await repos.certificates.listByProgram(programId)).map((c) => c.participantId));
    const now = deps.clock.nowIso();
    const year = Number(now.slice(0, 4));
    const issued: Certificate[] = [];
    let erased = 0;
    for (const p of completed) {
      if (have.has(p.id)) continue;
      if (p.erasedAt) {
        erased++;
        continue;
      }
      const c = await repos.certificates.insert({
        participantId: p.id,
        number: certificateNumber(year, programId, p.id),
        verifyToken: newVerifyToken(),
        issuedAt: now,
      });
      await audit(deps, repos, {
        action: 'create',
        entity: 'certificate',
        entityId: c.id,
        entityLabel: c.number,
        changes: { number: { before: null, after: c.number }, participantId: { before: null, after: p.id } },
      });
      issued.push(c);
    }
    return { issued, existing: completed.filter((p) => have.has(p.id)).length, erased };
  });
}

/** Withdraws a certificate (issued in error): its verification page says so from then on. */
export async function revokeCertificate(
  deps: Deps<'programs' | 'participants' | 'certificates' | 'audit'>,
  certificateId: number,
  reason: string | null = null,
): Promise<Certificate> {
  return deps.store.transaction(async (repos) => {
    const c = await repos.certificates.findById(certificateId);
    if (!c) throw new NotFoundError('certificate.not_found', `no certificate with id ${certificateId}`);
    const p = await repos.participants.findById(c.participantId);
    const program = await programOf(repos, p?.activityId ?? 0);
    authorizeOfferManage(deps.actor, program);
    if (c.revokedAt)
      throw new ConflictError('certificate.revoked', `certificate ${c.number} was already revoked on ${c.revokedAt.slice(0, 10)}`);
    const now = deps.clock.nowIso();
    // Revoked only while not yet revoked: of two at once, the second is told so.
    if (!(await repos.certificates.revoke(c.id, now)))
      throw new ConflictError('certificate.revoked', `certificate ${c.number} was already revoked`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'certificate',
      entityId: c.id,
      entityLabel: c.number,
      changes: { revokedAt: { before: null, after: now } },
      comment: reason,
    });
    return { ...c, revokedAt: now };
  });
}

/** What a certificate document shows. */
export interface CertificateDocument {
  readonly number: string;
  readonly verifyToken: string;
  readonly issuedAt: string;
  readonly fullName: string;
  readonly programTitleEn: string | null;
  readonly programTitleId: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly venueCity: string | null;
  readonly venueCountry: string | null;
  readonly organisationEn: string | null;
  readonly organisationId: string | null;
}

/**
 * A participant's certificate, for its PDF: the coordination team, the implementing agency and
 * the organisation that nominated the participant (those who see the participant's name).
 */
export async function certificateDocument(
  deps: Deps<'programs' | 'participants' | 'certificates' | 'organisations'>,
  participantId: number,
): Promise<CertificateDocument> {
  requireSignedIn(deps.actor);
  const repos = deps.store.repos;
  const p = await repos.participants.findById(participantId);
  if (!p) throw new NotFoundError('participant.not_found', `no participant with id ${participantId}`);
  const program = await programOf(repos, p.activityId);
  if (!canSeePersonalData(deps.actor, program, p.nominatedBy)) {
    throw new ForbiddenError(
      'certificate.forbidden',
      'only the coordination team, the implementing agency and the nominating organisation download a participant’s certificate',
    );
  }
  const c = await repos.certificates.findByParticipant(participantId);
  if (!c)
    throw new NotFoundError(
      'certificate.not_found',
      `participant ${participantId} has no certificate: issue the program’s certificates after closing its attendance`,
    );
  if (c.revokedAt) throw new ConflictError('certificate.revoked', `certificate ${c.number} was revoked on ${c.revokedAt.slice(0, 10)}`);
  if (p.erasedAt) throw new ConflictError('certificate.erased', 'the participant’s personal data was erased');
  const org = program.implementingOrg ? await repos.organisations.findByCode(program.implementingOrg) : undefined;
  const span = courseSpan(program);
  return {
    number: c.number,
    verifyToken: c.verifyToken,
    issuedAt: c.issuedAt,
    fullName: p.fullName,
    programTitleEn: program.titleEn,
    programTitleId: program.titleId,
    startDate: span?.start ?? null,
    endDate: span?.end ?? null,
    venueCity: program.venueCity,
    venueCountry: program.venueCountry,
    organisationEn: org?.nameEn ?? program.implementingOrg,
    organisationId: org?.nameId ?? org?.nameEn ?? program.implementingOrg,
  };
}

/**
 * What the public verification page shows, and nothing more: whose certificate, for which
 * program and dates, its number and whether it is valid. An erased person's certificate names
 * nobody and is not valid.
 */
export interface CertificateVerification {
  readonly status: 'valid' | 'revoked' | 'invalid';
  readonly number: string;
  readonly fullName: string | null;
  readonly programTitleEn: string | null;
  readonly programTitleId: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** Public: anyone holding the certificate (its QR code) may check it. */
export async function verifyCertificate(
  deps: Deps<'programs' | 'participants' | 'certificates'>,
  token: string,
): Promise<CertificateVerification> {
  const notFound = () => new NotFoundError('certificate.not_found', 'no certificate has this verification code');
  if (!isVerifyToken(token)) throw notFound();
  const repos = deps.store.repos;
  const c = await repos.certificates.findByToken(token);
  const p = c ? await repos.participants.findById(c.participantId) : undefined;
  const program = p ? await repos.programs.findById(p.activityId) : undefined;
  if (!c || !p || !program) throw notFound();
  if (p.erasedAt)
    return {
      status: 'invalid',
      number: c.number,
      fullName: null,
      programTitleEn: null,
      programTitleId: null,
      startDate: null,
      endDate: null,
    };
  const span = courseSpan(program);
  return {
    status: c.revokedAt ? 'revoked' : 'valid',
    number: c.number,
    fullName: p.fullName,
    programTitleEn: program.titleEn,
    programTitleId: program.titleId,
    startDate: span?.start ?? null,
    endDate: span?.end ?? null,
  };
}
