/**
 * Organisations as people read them: by name in the active language, never by their code
 * (ID-KEMLU), which stays in a tooltip. The registry's list is one cached query shared by every
 * page; a code it does not know (a follow-up owner's email, a code still loading) shows as given.
 */
import { useMemo } from 'react';
import { useOrganisations } from '../api/queries.js';
import { useFormat } from '../format.js';

export interface OrgNames {
  /** The organisation's name in the active language, or the code itself when unknown. */
  name(code: string | null | undefined): string;
  /** The acronym when there is one (KEMLU, JICA), else the name. */
  short(code: string | null | undefined): string;
  /** Whether the code is a registered organisation's. */
  known(code: string | null | undefined): boolean;
}

export function useOrgNames(): OrgNames {
  const f = useFormat();
  const items = useOrganisations().data?.items;
  const byCode = useMemo(() => new Map((items ?? []).map((o) => [o.code.toLowerCase(), o])), [items]);
  const find = (code: string | null | undefined) => (code ? byCode.get(code.toLowerCase()) : undefined);
  return {
    name: (code) => {
      const o = find(code);
      return o ? f.orgName(o) : (code ?? '—');
    },
    short: (code) => {
      const o = find(code);
      return o ? (o.acronym ?? f.orgName(o)) : (code ?? '—');
    },
    known: (code) => find(code) !== undefined,
  };
}

/** An organisation's name (its acronym with `short`), with its code as the tooltip. */
export function OrgName({ code, short = false }: { code: string | null | undefined; short?: boolean }) {
  const names = useOrgNames();
  if (!code) return <>—</>;
  const known = names.known(code);
  return (
    <span title={known ? (short ? `${names.name(code)} (${code})` : code) : undefined}>{short ? names.short(code) : names.name(code)}</span>
  );
}
