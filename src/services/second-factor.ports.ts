/** Ports of the second factor (services/second-factor.ts); db/second-factor.repo.ts implements them. */

/** An account's TOTP secret: unconfirmed while enrolment is under way. */
export interface SecondFactorRecord {
  readonly userId: number;
  /** Base32 (RFC 4648), as the authenticator app was given it. */
  readonly secret: string;
  readonly createdAt: string;
  /** When enrolment was confirmed with a first code; null while it is under way. */
  readonly confirmedAt: string | null;
  /** The last time step whose code was accepted: a code is accepted once (RFC 6238 §5.2). */
  readonly lastUsedStep: number | null;
}

export interface SecondFactorRepository {
  find(userId: number): Promise<SecondFactorRecord | undefined>;
  /** Starts (or restarts) an enrolment with a new secret; a confirmed secret is left alone (false). */
  savePending(userId: number, secret: string, now: string): Promise<boolean>;
  /** Confirms an enrolment under way with the step of its first code; false if there is none. */
  confirm(userId: number, step: number, now: string): Promise<boolean>;
  /**
   * Records a step as used if it is later than the last one used, in one statement, so that two
   * requests with the same code cannot both pass; false when it is not later (a replay).
   */
  useStep(userId: number, step: number): Promise<boolean>;
  /** Removes the secret and every recovery code; false if there was no secret. */
  remove(userId: number): Promise<boolean>;
  /** Replaces every recovery code of the account with these (sha256 hashes). */
  replaceRecoveryCodes(userId: number, hashes: readonly string[], now: string): Promise<void>;
  /** Marks an unused recovery code used, in one statement; false if it is unknown or used. */
  useRecoveryCode(userId: number, hash: string, now: string): Promise<boolean>;
  recoveryCodesLeft(userId: number): Promise<number>;
}
