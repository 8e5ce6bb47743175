import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { FakeUsers } from '../testing/fakes/accounts.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeImportMappings } from '../testing/fakes/import-mappings.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { actors, fakeDeps, userActor } from '../testing/fakes/store.js';
import { deleteImportMapping, describeFileColumns, listImportMappings, saveImportMapping } from './import-mappings.js';

const KEMENKES = 'ID-KEMENKES';
const repos = () => ({
  importMappings: new FakeImportMappings(),
  organisations: new FakeOrganisations().seed({ code: KEMENKES }, { code: 'ID-KEMENTAN' }),
  audit: new FakeAudit(),
  users: new FakeUsers(),
});
const headers = ['Nama Lengkap', 'Negara', 'Kode Program', 'Catatan'];
const mapping = { 'Nama Lengkap': 'full_name', Negara: 'country', 'Kode Program': 'activity_identifier', Catatan: null };
const input = { kind: 'participants' as const, headers, mapping };

function source(rows: string[][]) {
  async function* batches() {
    yield rows.map((fields, i) => ({ line: i + 1, fields }));
  }
  return { name: 'peserta.xlsx', batches: batches(), sha256: () => null };
}

describe('saved column mappings', () => {
  it('saves an agency officer’s mapping for the own agency, replaces it for the same headers, and audits both', async () => {
    const r = repos();
    const deps = fakeDeps(r, actors.agency(KEMENKES));
    const first = await saveImportMapping(deps, input);
    expect(first).toMatchObject({ orgCode: KEMENKES, kind: 'participants', headers, mapping });
    const again = await saveImportMapping(deps, { ...input, headers: [...headers].reverse(), mapping: { ...mapping, Catatan: null } });
    expect(again.id).toBe(first.id);
    expect(await listImportMappings(deps)).toHaveLength(1);
    expect(r.audit.entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['create', 'import_mapping', String(first.id)],
      ['update', 'import_mapping', String(first.id)],
    ]);
  });

  it('refuses another agency’s officers, viewers and the public, and writes nothing', async () => {
    const r = repos();
    const refused: [Actor, string][] = [
      [actors.agency('ID-KEMENTAN'), 'import_mapping.forbidden'],
      [actors.viewer, 'import_mapping.forbidden'],
      [actors.embassy('ID-KEMENKES'), 'import_mapping.forbidden'],
      [actors.public, 'auth.required'],
    ];
    for (const [actor, code] of refused) {
      await expect(saveImportMapping(fakeDeps(r, actor), { ...input, org: KEMENKES })).rejects.toMatchObject({ code });
    }
    expect(r.importMappings.rows).toEqual([]);
    expect(r.audit.entries).toEqual([]);
  });

  it('lets the coordination team name any agency, and asks for one when its account has none', async () => {
    const r = repos();
    await expect(saveImportMapping(fakeDeps(r, actors.coordinator), input)).rejects.toMatchObject({ code: 'import_mapping.no_agency' });
    await expect(saveImportMapping(fakeDeps(r, actors.coordinator), { ...input, org: 'ID-NOWHERE' })).rejects.toMatchObject({
      code: 'import_mapping.unknown_agency',
    });
    const saved = await saveImportMapping(fakeDeps(r, actors.coordinator), { ...input, org: 'id-kemenkes' });
    expect(saved.orgCode).toBe(KEMENKES);
  });

  it('refuses a mapping the import would refuse, naming the problem', async () => {
    const deps = fakeDeps(repos(), actors.agency(KEMENKES));
    await expect(saveImportMapping(deps, { ...input, mapping: { ...mapping, Negara: null } })).rejects.toMatchObject({
      code: 'import_mapping.invalid',
      message: expect.stringContaining('no column is mapped to the required field "country"'),
    });
    await expect(saveImportMapping(deps, { ...input, mapping: { ...mapping, Catatan: 'full_name' } })).rejects.toMatchObject({
      message: expect.stringContaining('both mapped to "full_name"'),
    });
  });

  it('deletes only for the owning agency (not found to others) and the coordination team', async () => {
    const r = repos();
    const saved = await saveImportMapping(fakeDeps(r, actors.agency(KEMENKES)), input);
    await expect(deleteImportMapping(fakeDeps(r, actors.agency('ID-KEMENTAN')), saved.id)).rejects.toMatchObject({
      code: 'import_mapping.not_found',
    });
    await deleteImportMapping(fakeDeps(r, actors.coordinator), saved.id);
    expect(r.importMappings.rows).toEqual([]);
    expect(r.audit.entries.at(-1)).toMatchObject({ action: 'delete', entity: 'import_mapping' });
  });
});

describe('describeFileColumns', () => {
  it('gives each column its samples and suggestion, and the agency’s saved mapping for the same headers', async () => {
    const r = repos();
    const coordinator = userActor('coordinator', KEMENKES, 902);
    const rows = [headers, ['Ana', 'Fiji', 'P-1', ''], ['Budi', 'Fiji', 'P-1', 'x'], ['Citra', 'Samoa', 'P-1', '']];
    const before = await describeFileColumns(fakeDeps(r, coordinator), 'participants', source(rows));
    expect(before.saved).toBeNull();
    expect(before.columns.map((c) => [c.header, c.suggestion, c.samples])).toEqual([
      ['Nama Lengkap', 'full_name', ['Ana', 'Budi', 'Citra']],
      ['Negara', 'country', ['Fiji', 'Samoa']],
      ['Kode Program', 'activity_identifier', ['P-1']],
      ['Catatan', null, ['x']],
    ]);
    await saveImportMapping(fakeDeps(r, coordinator), input);
    const after = await describeFileColumns(fakeDeps(r, coordinator), 'participants', source([[...headers].reverse()]));
    expect(after.saved?.mapping).toEqual(mapping);
    // Another kind of import, or the same file for another agency, has no saved mapping.
    expect((await describeFileColumns(fakeDeps(r, coordinator), 'activities', source(rows))).saved).toBeNull();
    expect((await describeFileColumns(fakeDeps(r, coordinator), 'participants', source(rows), { org: 'ID-KEMENTAN' })).saved).toBeNull();
  });

  it('is for those who import, and names an empty file', async () => {
    await expect(describeFileColumns(fakeDeps(repos(), actors.viewer), 'participants', source([[]]))).rejects.toMatchObject({
      code: 'import.forbidden',
    });
    await expect(describeFileColumns(fakeDeps(repos(), actors.coordinator), 'participants', source([]))).rejects.toThrow(
      /"peserta\.xlsx" is empty/,
    );
  });
});
