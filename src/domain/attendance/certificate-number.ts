/**
 * Certificate numbers: `MITRA-<year of issue>-<program id>-<participant id>-<check>`, e.g.
 * `MITRA-2026-12-345-96`. Unique because a participant record has one certificate; readable
 * over the phone; the two check digits (ISO 7064 MOD 97-10, as in IBANs) catch a mistyped or
 * swapped digit when someone types a number in.
 */

const NUMBER = /^MITRA-(\d{4})-(\d{1,10})-(\d{1,10})-(\d{2})$/;

/** The digits the check covers: year, program id and participant id at fixed widths (so 1-23 and 12-3 differ). */
function payload(year: number, programId: number, participantId: number): string {
  return `${String(year).padStart(4, '0')}${String(programId).padStart(10, '0')}${String(participantId).padStart(10, '0')}`;
}

/** The remainder of a long decimal string divided by 97, digit by digit (no big integers). */
function mod97(digits: string): number {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest;
}

/** ISO 7064 MOD 97-10 check digits: 98 − (payload × 100 mod 97), two digits. */
export function checkDigits(year: number, programId: number, participantId: number): string {
  return String(98 - mod97(`${payload(year, programId, participantId)}00`)).padStart(2, '0');
}

export function certificateNumber(year: number, programId: number, participantId: number): string {
  return `MITRA-${year}-${programId}-${participantId}-${checkDigits(year, programId, participantId)}`;
}

/** Whether a typed number is well formed and its check digits match (payload + check ≡ 1 mod 97). */
export function isValidCertificateNumber(text: string): boolean {
  const m = NUMBER.exec(text.trim().toUpperCase());
  if (!m) return false;
  const [, year, program, participant, check] = m;
  return mod97(`${payload(Number(year), Number(program), Number(participant))}${check}`) === 1;
}

/** Verification tokens: 32 random bytes in base64url (43 characters), unguessable. */
export const VERIFY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isVerifyToken(text: string): boolean {
  return VERIFY_TOKEN.test(text);
}
