import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { unitCostInputSchema } from '../domain/finance/unit-costs.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeUnitCosts } from '../testing/fakes/unit-costs.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import { createUnitCost, deleteUnitCost, listUnitCosts, setUnitCosts, updateUnitCost } from './money.js';

function setup(actor: Actor = actors.coordinator) {
  const repos = { unitCosts: new FakeUnitCosts(), audit: new FakeAudit() };
  return { repos, deps: fakeDeps(repos, actor) };
}

const dayCost = (overrides: Record<string, unknown> = {}) =>
  unitCostInputSchema.parse({ kind: 'participant_day', year: 2026, currency: 'IDR', amount: '1500000', ...overrides });
const flight = (overrides: Record<string, unknown> = {}) =>
  unitCostInputSchema.parse({ kind: 'flight', region: 'oceania', year: 2026, currency: 'USD', amount: '1200.50', ...overrides });

describe('createUnitCost', () => {
  it('records the cost in hundredths and audits it by its key', async () => {
    const { repos, deps } = setup();
    const created = await createUnitCost(deps, flight());
    expect(created).toMatchObject({ kind: 'flight', region: 'oceania', validFrom: '2026-01-01', amountMinor: 120050 });
    expect(repos.audit.of('unit_cost', created.id)).toEqual([
      expect.objectContaining({ action: 'create', entityLabel: 'flight/oceania@2026-01-01' }),
    ]);
  });

  it('refuses a second cost for the same kind, region and day, naming validFrom', async () => {
    const { deps } = setup();
    await createUnitCost(deps, dayCost());
    const twice = createUnitCost(deps, dayCost({ amount: '1' }));
    await expect(twice).rejects.toBeInstanceOf(ConflictError);
    await expect(twice).rejects.toMatchObject({ code: 'unit_cost.exists', issues: [{ path: 'validFrom', code: 'duplicate' }] });
    expect(await listUnitCosts(deps)).toHaveLength(1);
  });

  it('is the coordination team’s', async () => {
    const { repos, deps } = setup(actors.viewer);
    await expect(createUnitCost(deps, dayCost())).rejects.toMatchObject({ code: 'unit_cost.forbidden' });
    expect(repos.unitCosts.rows).toEqual([]);
  });
});

describe('updateUnitCost and deleteUnitCost', () => {
  it('refuses to move a cost onto another one’s key, and answers not found for an unknown id', async () => {
    const { deps } = setup();
    const a = await createUnitCost(deps, dayCost());
    await createUnitCost(deps, dayCost({ year: 2027 }));
    await expect(updateUnitCost(deps, a.id, dayCost({ year: 2027 }))).rejects.toMatchObject({ code: 'unit_cost.exists' });
    await expect(updateUnitCost(deps, 999, dayCost())).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteUnitCost(deps, 999)).rejects.toMatchObject({ code: 'unit_cost.not_found' });
  });

  it('audits the amount changed', async () => {
    const { repos, deps } = setup();
    const a = await createUnitCost(deps, dayCost());
    await updateUnitCost(deps, a.id, dayCost({ amount: '1750000' }));
    expect(repos.audit.of('unit_cost', a.id).at(-1)?.changes.amountMinor).toEqual({ before: 150000000, after: 175000000 });
  });
});

describe('setUnitCosts', () => {
  it('adds new keys and replaces existing ones, all in one go', async () => {
    const { repos, deps } = setup();
    await createUnitCost(deps, dayCost());
    const result = await setUnitCosts(deps, [dayCost({ amount: '1600000' }), flight()]);
    expect(result).toMatchObject({ inserted: 1, updated: 1 });
    expect(repos.unitCosts.rows.map((u) => u.amountMinor).sort((a, b) => a - b)).toEqual([120050, 160000000]);
    expect(repos.audit.entries.map((e) => e.action)).toEqual(['create', 'update', 'create']);
  });

  it('refuses a key given twice before writing anything', async () => {
    const { repos, deps } = setup();
    await expect(setUnitCosts(deps, [flight(), flight({ amount: '900' })])).rejects.toMatchObject({
      code: 'unit_cost.duplicate',
      message: expect.stringContaining('flight/oceania@2026-01-01'),
    });
    expect(repos.unitCosts.rows).toEqual([]);
    expect(repos.audit.entries).toEqual([]);
  });
});
