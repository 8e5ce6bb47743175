/** Second factors in memory, with the semantics of db/second-factor.repo.ts. */
import type { SecondFactorRecord, SecondFactorRepository } from '../../services/second-factor.ports.js';

export class FakeSecondFactors implements SecondFactorRepository {
  readonly factors = new Map<number, SecondFactorRecord>();
  readonly codes: { userId: number; hash: string; usedAt: string | null }[] = [];

  async find(userId: number): Promise<SecondFactorRecord | undefined> {
    return this.factors.get(userId);
  }

  async savePending(userId: number, secret: string, now: string): Promise<boolean> {
    if (this.factors.get(userId)?.confirmedAt) return false;
    this.factors.set(userId, { userId, secret, createdAt: now, confirmedAt: null, lastUsedStep: null });
    return true;
  }

  async confirm(userId: number, step: number, now: string): Promise<boolean> {
    const f = this.factors.get(userId);
    if (!f || f.confirmedAt) return false;
    this.factors.set(userId, { ...f, confirmedAt: now, lastUsedStep: step });
    return true;
  }

  async useStep(userId: number, step: number): Promise<boolean> {
    const f = this.factors.get(userId);
    if (!f?.confirmedAt || (f.lastUsedStep !== null && f.lastUsedStep >= step)) return false;
    this.factors.set(userId, { ...f, lastUsedStep: step });
    return true;
  }

  async remove(userId: number): Promise<boolean> {
    this.codes.splice(0, this.codes.length, ...this.codes.filter((c) => c.userId !== userId));
    return this.factors.delete(userId);
  }

  async replaceRecoveryCodes(userId: number, hashes: readonly string[]): Promise<void> {
    this.codes.splice(0, this.codes.length, ...this.codes.filter((c) => c.userId !== userId));
    for (const hash of hashes) this.codes.push({ userId, hash, usedAt: null });
  }

  async useRecoveryCode(userId: number, hash: string, now: string): Promise<boolean> {
    const code = this.codes.find((c) => c.userId === userId && c.hash === hash && c.usedAt === null);
    if (!code) return false;
    code.usedAt = now;
    return true;
  }

  async recoveryCodesLeft(userId: number): Promise<number> {
    return this.codes.filter((c) => c.userId === userId && c.usedAt === null).length;
  }
}
