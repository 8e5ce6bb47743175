/**
 * The IATI versions Mitra reads and what an import says about a file's version. 2.01 to 2.03 are
 * read as they are; 1.01 to 1.05 with IATI's 1.0x → 2.01 upgrade rules (upgrade-1x.ts); a file
 * with no version is 1.01, which the 1.0x schemas assume when `iati-activities/@version` is absent
 * (2.01 made it mandatory); any other version is read as 2.03.
 */
import type { ImportWarning } from '../import/problem-messages.js';

export const IATI_VERSIONS_READ_AS_IS = ['2.01', '2.02', '2.03'] as const;

/** The version a 1.0x file without `@version` is (IATI 1.0x schemas: "1.01 should be assumed"). */
export const IATI_VERSION_ASSUMED = '1.01';

/** Whether a file of this declared version is read with the 1.0x → 2.01 upgrade rules. */
export function isIati1x(version: string | null): boolean {
  const v = version?.trim();
  return !v || /^1(\.\d+)?$/.test(v);
}

const UPGRADE_RULES =
  'text written directly in title, description and organisation elements is read as narratives; ' +
  'the word codes of activity dates, organisation roles, transaction types and sector vocabularies become their 2.01 numbers';

/** The import's warning about the version a file declares, or null for the versions read as they are. */
export function iatiVersionWarning(version: string | null): ImportWarning | null {
  const v = version?.trim() || null;
  if (v !== null && (IATI_VERSIONS_READ_AS_IS as readonly string[]).includes(v)) return null;
  if (v === null)
    return {
      code: 'iati_no_version',
      params: { version: IATI_VERSION_ASSUMED },
      message: `the file declares no IATI version: read as ${IATI_VERSION_ASSUMED} (what IATI 1.0x assumes) with the IATI 1.0x → 2.01 upgrade rules (${UPGRADE_RULES})`,
    };
  if (isIati1x(v))
    return {
      code: 'iati_upgraded',
      params: { version: v },
      message: `the file is IATI version ${v}: read with the IATI 1.0x → 2.01 upgrade rules (${UPGRADE_RULES})`,
    };
  return {
    code: 'iati_version',
    params: { version: v },
    message: `the file declares IATI version ${v}, which Mitra does not know: read as 2.03 (Mitra reads 1.01 to 2.03)`,
  };
}
