/**
 * An IATI activity's participating-org elements → the program's implementing organisation (the
 * first of role 4) and partners (every other one, in its IATI role, with the SSC role it implies).
 * Organisations are named as the file names them; the importer finds them in the registry.
 */
import { IATI_ORG_ROLES, type IatiOrgRole, type SscRole } from '../codes.js';
import { isOneOf } from '../guards.js';
import { IATI_IDENTIFIER_PATTERN as IDENTIFIER, LIMITS } from '../schema-helpers.js';
import type { Narratives, RawIatiActivity } from './raw-activity.js';
import { clip, preferred, type IatiFindings } from './iati-values.js';

/** An organisation as a file names it: its IATI identifier, its name, or both. */
export interface IatiOrgRef {
  readonly ref: string | null;
  readonly name: string | null;
  readonly type: string | null;
}

export interface IatiParticipatingOrgs {
  readonly implementing: IatiOrgRef | null;
  readonly partners: { org: IatiOrgRef; iatiRole: IatiOrgRole; sscRole: SscRole }[];
  /** Organisations with neither a usable identifier nor a name, or with an unknown role: kept as written in the details. */
  readonly unplaced: { ref: string | null; role: string | null; name: string | null }[];
}

function orgRef(o: { ref: string | null; type: string | null; names: Narratives }, defaultLang: string | null): IatiOrgRef {
  const ref = o.ref?.trim() || null;
  const name = preferred(o.names, defaultLang)?.text ?? null;
  return { ref, name: name ? clip(name, LIMITS.shortText) : null, type: o.type?.trim() || null };
}

/**
 * The implementing organisation and the partners. The reporting org (`reportingRef`), when it takes part, is the first
 * provider; other funders are second providers, the rest facilitators.
 */
export function participatingOrgs(raw: RawIatiActivity, reportingRef: string | null, findings: IatiFindings): IatiParticipatingOrgs {
  const { unknown } = findings;
  const lang = raw.defaultLang;
  let implementing: IatiOrgRef | null = null;
  const partners: { org: IatiOrgRef; iatiRole: IatiOrgRole; sscRole: SscRole }[] = [];
  const unplaced: { ref: string | null; role: string | null; name: string | null }[] = [];
  const sameOrg = (a: IatiOrgRef, b: IatiOrgRef) =>
    a.ref && b.ref ? a.ref.toLowerCase() === b.ref.toLowerCase() : !a.ref && !b.ref && a.name?.toLowerCase() === b.name?.toLowerCase();
  for (const o of raw.participatingOrgs) {
    const ref = orgRef(o, lang);
    const role = Number(o.role?.trim());
    const usableRef = ref.ref && IDENTIFIER.test(ref.ref) && ref.ref.length <= 100 ? ref.ref : null;
    const org: IatiOrgRef = { ...ref, ref: usableRef, name: ref.name ?? (usableRef ? null : ref.ref) };
    if ((!org.ref && !org.name) || !isOneOf(IATI_ORG_ROLES, role)) {
      unplaced.push({ ref: o.ref, role: o.role, name: ref.name });
      unknown.push({ what: 'participating-org', code: !org.ref && !org.name ? '(no identifier or name)' : `role ${o.role ?? '(none)'}` });
      continue;
    }
    if (role === 4 && !implementing) {
      implementing = org;
      continue;
    }
    if (partners.some((p) => p.iatiRole === role && sameOrg(p.org, org))) continue;
    const sscRole: SscRole =
      org.ref && reportingRef && org.ref.toLowerCase() === reportingRef.toLowerCase()
        ? 'first_provider'
        : role === 1
          ? 'second_provider'
          : 'facilitator';
    partners.push({ org, iatiRole: role, sscRole });
  }
  return { implementing, partners, unplaced };
}
