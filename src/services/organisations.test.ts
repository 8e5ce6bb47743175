import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/errors.js';
import { organisationInputSchema, organisationPatchSchema } from '../domain/organisation/organisation.schema.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import type { Actor } from '../domain/access/actor.js';
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, patchOrganisation } from './organisations.js';

function setup(actor: Actor = actors.coordinator) {
  const repos = { organisations: new FakeOrganisations(), audit: new FakeAudit() };
  repos.organisations.seed(
    { code: 'ID-KEMLU', nameEn: 'Ministry of Foreign Affairs', acronym: 'KEMLU' },
    { code: 'XM-DAC-41114', nameEn: 'UNDP', kind: 'partner', type: '40' },
  );
  return { repos, deps: fakeDeps(repos, actor) };
}

const input = (overrides: Record<string, unknown> = {}) =>
  organisationInputSchema.parse({
    code: 'ID-BNPB',
    nameEn: 'National Disaster Management Authority',
    type: '10',
    kind: 'provider_agency',
    countryCode: 'ID',
    ...overrides,
  });

describe('createOrganisation', () => {
  it('registers the organisation and audits its fields when the coordination team asks', async () => {
    const { repos, deps } = setup();
    const created = await createOrganisation(deps, input({ acronym: 'BNPB' }));
    expect(created).toMatchObject({ code: 'ID-BNPB', acronym: 'BNPB', nameId: null, illustrative: false });
    const [entry] = repos.audit.of('organisation', 'ID-BNPB');
    expect(entry).toMatchObject({
      action: 'create',
      actorLabel: actors.coordinator.label,
      actorUserId: actors.coordinator.userId,
      at: '2026-11-28T09:00:00.000Z',
    });
    expect(entry?.changes.nameEn).toEqual({ before: null, after: 'National Disaster Management Authority' });
  });

  it('refuses an agency, and the public before anything else, writing nothing', async () => {
    const agency = setup(actors.agency('ID-KEMLU'));
    await expect(createOrganisation(agency.deps, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganisation(setup(actors.public).deps, input())).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(agency.repos.organisations.rows).toHaveLength(2);
    expect(agency.repos.audit.entries).toEqual([]);
  });

  it('refuses a code already taken, in any case, naming the field', async () => {
    const { repos, deps } = setup();
    const refused = createOrganisation(deps, input({ code: 'id-kemlu' }));
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'organisation.code_taken', issues: [{ path: 'code', code: 'duplicate' }] });
    expect(repos.audit.entries).toEqual([]);
  });
});

describe('patchOrganisation', () => {
  it('changes the fields given, keeps the others, and audits only what changed', async () => {
    const { repos, deps } = setup();
    const updated = await patchOrganisation(
      deps,
      'id-kemlu',
      organisationPatchSchema.parse({ nameId: 'Kementerian Luar Negeri', acronym: null }),
    );
    expect(updated).toMatchObject({
      code: 'ID-KEMLU',
      nameEn: 'Ministry of Foreign Affairs',
      nameId: 'Kementerian Luar Negeri',
      acronym: null,
    });
    const [entry] = repos.audit.of('organisation', 'ID-KEMLU');
    expect(entry?.action).toBe('update');
    expect(Object.keys(entry?.changes ?? {}).sort()).toEqual(['acronym', 'nameId']);
    expect(entry?.changes.acronym).toEqual({ before: 'KEMLU', after: null });
  });

  it('refuses to rename an organisation to another one’s code', async () => {
    const { deps } = setup();
    await expect(patchOrganisation(deps, 'ID-KEMLU', organisationPatchSchema.parse({ code: 'XM-DAC-41114' }))).rejects.toMatchObject({
      code: 'organisation.code_taken',
      issues: [{ path: 'code' }],
    });
  });

  it('answers not found for an unknown code', async () => {
    await expect(patchOrganisation(setup().deps, 'NOPE', {})).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('deleteOrganisation', () => {
  it('refuses while programs name the organisation, saying how many', async () => {
    const { repos, deps } = setup();
    repos.organisations.usage.set('id-kemlu', 3);
    await expect(deleteOrganisation(deps, 'ID-KEMLU')).rejects.toMatchObject({
      code: 'organisation.in_use',
      message: expect.stringContaining('3 program record(s)'),
    });
    expect(await repos.organisations.findByCode('ID-KEMLU')).toBeDefined();
  });

  it('deletes an unused organisation and audits it', async () => {
    const { repos, deps } = setup(actors.admin);
    await deleteOrganisation(deps, 'XM-DAC-41114');
    await expect(getOrganisation(deps, 'XM-DAC-41114')).rejects.toMatchObject({ code: 'organisation.not_found' });
    expect(repos.audit.of('organisation', 'XM-DAC-41114').map((e) => e.action)).toEqual(['delete']);
  });
});

describe('listOrganisations', () => {
  it('filters by kind and text for anyone, the public too', async () => {
    const deps = setup(actors.public).deps;
    expect((await listOrganisations(deps, { kind: 'partner' })).map((o) => o.code)).toEqual(['XM-DAC-41114']);
    expect((await listOrganisations(deps, { q: 'foreign' })).map((o) => o.code)).toEqual(['ID-KEMLU']);
  });
});
