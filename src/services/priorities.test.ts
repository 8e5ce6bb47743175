import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access/actor.js';
import { countryListInputSchema, priorityTargetInputSchema } from '../domain/analytics/priority.js';
import { ForbiddenError, InvalidError } from '../domain/errors.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakePriorities } from '../testing/fakes/priorities.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import {
  checkYearRange,
  deleteCountryList,
  deletePriorityTarget,
  getCountryList,
  saveCountryList,
  setPriorityTargets,
} from './priorities.js';

function setup(actor: Actor = actors.coordinator) {
  const repos = { priorities: new FakePriorities(), audit: new FakeAudit() };
  return { repos, deps: fakeDeps(repos, actor) };
}

const melanesia = countryListInputSchema.parse({
  code: 'Melanesia',
  nameEn: 'Melanesia',
  nameId: 'Melanesia',
  countries: ['pg', 'FJ', 'SB', 'VU'],
});
const target = (overrides: Record<string, unknown> = {}) =>
  priorityTargetInputSchema.parse({
    year: 2026,
    subjectKind: 'list',
    subjectCode: 'melanesia',
    metric: 'program_share',
    target: 12.5,
    ...overrides,
  });

describe('saveCountryList', () => {
  it('creates a list, then replaces it, auditing the countries that changed', async () => {
    const { repos, deps } = setup();
    const created = await saveCountryList(deps, melanesia);
    expect(created).toMatchObject({ created: true, list: { code: 'melanesia', countries: ['FJ', 'PG', 'SB', 'VU'] } });
    const replaced = await saveCountryList(deps, { ...melanesia, countries: ['FJ', 'PG'] });
    expect(replaced.created).toBe(false);
    expect((await getCountryList(deps, 'MELANESIA')).countries).toEqual(['FJ', 'PG']);
    expect(repos.audit.of('country_list', 'melanesia').map((e) => e.action)).toEqual(['create', 'update']);
    expect(repos.audit.entries[1]?.changes.countries).toEqual({ before: ['FJ', 'PG', 'SB', 'VU'], after: ['FJ', 'PG'] });
  });

  it('is the coordination team’s: an agency is refused and nothing is kept', async () => {
    const { repos, deps } = setup(actors.agency('ID-KEMLU'));
    await expect(saveCountryList(deps, melanesia)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveCountryList(deps, melanesia)).rejects.toMatchObject({ code: 'priority.forbidden' });
    expect(repos.priorities.lists).toEqual([]);
    expect(repos.audit.entries).toEqual([]);
  });
});

describe('deleteCountryList', () => {
  it('refuses a list that targets still use, and deletes it once they are gone', async () => {
    const { repos, deps } = setup();
    await saveCountryList(deps, melanesia);
    const [t] = await setPriorityTargets(deps, [target()]);
    await expect(deleteCountryList(deps, 'melanesia')).rejects.toMatchObject({
      code: 'country_list.in_use',
      message: expect.stringContaining('1 priority target'),
    });
    await deletePriorityTarget(deps, t?.id ?? 0);
    await deleteCountryList(deps, 'melanesia');
    expect(repos.priorities.lists).toEqual([]);
    await expect(deleteCountryList(deps, 'melanesia')).rejects.toMatchObject({ code: 'country_list.not_found' });
  });
});

describe('setPriorityTargets', () => {
  it('refuses a target on a list that does not exist, naming the field', async () => {
    const { repos, deps } = setup();
    const refused = setPriorityTargets(deps, [target({ subjectCode: 'micronesia' })]);
    await expect(refused).rejects.toBeInstanceOf(InvalidError);
    await expect(refused).rejects.toMatchObject({ code: 'priority.unknown_list', issues: [{ path: 'subjectCode' }] });
    expect(repos.priorities.targets).toEqual([]);
  });

  it('replaces the target of the same year, subject and metric, auditing the old and new values', async () => {
    const { repos, deps } = setup(actors.admin);
    await saveCountryList(deps, melanesia);
    const [first] = await setPriorityTargets(deps, [target()]);
    const [second] = await setPriorityTargets(deps, [target({ target: 15 })]);
    expect(second?.id).toBe(first?.id);
    expect(repos.priorities.targets).toHaveLength(1);
    const entries = repos.audit.of('priority_target', String(first?.id));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]?.changes.target).toEqual({ before: 12.5, after: 15 });
  });
});

describe('checkYearRange', () => {
  it('names "from" when the range is reversed and "to" when it is too long', () => {
    expect(() => checkYearRange({ from: 2020, to: 2019 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'from' })] }),
    );
    expect(() => checkYearRange({ from: 1950, to: 2020 })).toThrow(
      expect.objectContaining({ code: 'analytics.year_range', issues: [expect.objectContaining({ path: 'to' })] }),
    );
    expect(() => checkYearRange({ from: 2016, to: 2026 })).not.toThrow();
  });
});
