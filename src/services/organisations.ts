/** Use cases of organisations: ministries and agencies, partners, recipient institutions. */
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { Organisation, OrganisationData } from '../domain/organisation/organisation.js';
import type { OrganisationInput, OrganisationPatch } from '../domain/organisation/organisation.schema.js';
import { authorizeReferenceWrite } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { givenFields } from '../domain/patch.js';
import { audit } from './audit.js';
import type { Deps } from './deps.js';
import type { OrganisationFilter } from './organisations.ports.js';
import { readBack } from './read-back.js';

/** What changing the register uses (reading it needs `organisations` only). */
export type OrganisationDeps = Deps<'organisations' | 'audit'>;

function toData(input: OrganisationInput): OrganisationData {
  return {
    code: input.code,
    nameEn: input.nameEn,
    nameId: input.nameId ?? null,
    acronym: input.acronym ?? null,
    type: input.type,
    countryCode: input.countryCode ?? null,
    kind: input.kind,
    illustrative: input.illustrative ?? false,
  };
}

function codeTaken(code: string): ConflictError {
  return new ConflictError('organisation.code_taken', `an organisation with code "${code}" already exists`, [
    { path: 'code', code: 'duplicate', message: `"${code}" is already used` },
  ]);
}

export async function createOrganisation(deps: OrganisationDeps, input: OrganisationInput): Promise<Organisation> {
  authorizeReferenceWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    if (await repos.organisations.findByCode(input.code)) throw codeTaken(input.code);
    await repos.organisations.insert(toData(input), deps.clock.nowIso());
    const created = readBack(await repos.organisations.findByCode(input.code), `organisation ${input.code}`);
    await audit(deps, repos, {
      action: 'create',
      entity: 'organisation',
      entityId: created.code,
      entityLabel: created.nameEn,
      changes: diffRecords(null, { ...created }),
    });
    return created;
  });
}

export async function getOrganisation(deps: Deps<'organisations'>, code: string): Promise<Organisation> {
  const org = await deps.store.repos.organisations.findByCode(code);
  if (!org) throw new NotFoundError('organisation.not_found', `no organisation with code "${code}"`);
  return org;
}

export async function listOrganisations(deps: Deps<'organisations'>, filter: OrganisationFilter): Promise<Organisation[]> {
  return deps.store.repos.organisations.list(filter);
}

export async function patchOrganisation(deps: OrganisationDeps, code: string, patch: OrganisationPatch): Promise<Organisation> {
  authorizeReferenceWrite(deps.actor);
  return deps.store.transaction(async (repos) => {
    const current = await repos.organisations.findByCode(code);
    if (!current) throw new NotFoundError('organisation.not_found', `no organisation with code "${code}"`);
    const next = toData({ ...current, ...givenFields(patch) });
    if (next.code.toLowerCase() !== current.code.toLowerCase() && (await repos.organisations.findByCode(next.code))) {
      throw codeTaken(next.code);
    }
    await repos.organisations.update(current.code, next, deps.clock.nowIso());
    const updated = readBack(await repos.organisations.findByCode(next.code), `organisation ${next.code}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'organisation',
      entityId: updated.code,
      entityLabel: updated.nameEn,
      changes: diffRecords({ ...current }, { ...updated }),
    });
    return updated;
  });
}

export async function deleteOrganisation(deps: OrganisationDeps, code: string): Promise<void> {
  authorizeReferenceWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const current = await repos.organisations.findByCode(code);
    if (!current) throw new NotFoundError('organisation.not_found', `no organisation with code "${code}"`);
    const uses = await repos.organisations.usageCount(code);
    if (uses > 0) {
      throw new ConflictError(
        'organisation.in_use',
        `organisation "${current.code}" is named by ${uses} program record(s); change those first`,
      );
    }
    await repos.organisations.delete(code);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'organisation',
      entityId: current.code,
      entityLabel: current.nameEn,
      changes: diffRecords({ ...current }, null),
    });
  });
}
