/**
 * The register of processing activities (docs/privacy.md): generated from the data model
 * (domain/personal-data/register.ts), the access policy and the retention rules as they stand.
 * The coordination team reads it (and downloads it as CSV).
 */
import { authorizeDataProtection } from '../domain/access/policy.js';
import { buildRegister, type RegisterEntry } from '../domain/personal-data/register.js';
import type { Deps } from './deps.js';

export async function processingRegister(deps: Deps<'retention'>): Promise<RegisterEntry[]> {
  authorizeDataProtection(deps.actor);
  return buildRegister(await deps.store.repos.retention.listRules());
}

/** The register as one table (CSV, the CLI): one row per category. */
export function registerTable(entries: readonly RegisterEntry[], lang: 'en' | 'id'): { columns: string[]; rows: string[][] } {
  const roleNames = entries[0]?.seenBy.map((s) => s.role) ?? [];
  return {
    columns: [
      'category',
      'label',
      'fields',
      'purpose',
      'legal_basis',
      ...roleNames.map((r) => `seen_by_${r}`),
      'retention_months',
      'retention_enabled',
    ],
    rows: entries.map((e) => [
      e.category,
      lang === 'id' ? e.labelId : e.labelEn,
      e.fields.join(' '),
      lang === 'id' ? e.purposeId : e.purposeEn,
      lang === 'id' ? e.legalBasisId : e.legalBasisEn,
      ...e.seenBy.map((s) => s.sees),
      e.retention ? String(e.retention.months) : '',
      e.retention ? (e.retention.enabled ? 'yes' : 'no') : '',
    ]),
  };
}
