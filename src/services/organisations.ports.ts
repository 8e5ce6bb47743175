/** Ports of the organisation register (services/organisations.ts); db/organisation.repo.ts implements them. */
import type { Organisation, OrganisationData } from '../domain/organisation/organisation.js';

export interface OrganisationFilter {
  readonly kind?: string;
  /** Text in the code, acronym or names. */
  readonly q?: string;
}

export interface OrganisationRepository {
  findByCode(code: string): Promise<Organisation | undefined>;
  /** By code, acronym or English/Indonesian name, case-insensitively (a code match first). */
  findByName(text: string): Promise<Organisation | undefined>;
  /** The stored codes (as stored) of those given, matched case-insensitively. */
  existingCodes(codes: readonly string[]): Promise<Map<string, string>>;
  list(filter: OrganisationFilter): Promise<Organisation[]>;
  insert(data: OrganisationData, now: string): Promise<number>;
  update(code: string, data: OrganisationData, now: string): Promise<boolean>;
  delete(code: string): Promise<boolean>;
  /** How many programs name the organisation (as implementer or partner). */
  usageCount(code: string): Promise<number>;
}
