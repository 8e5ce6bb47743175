import { expect, it } from 'vitest';
import { aProgram } from '../testing/builders.js';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';

describeCliOnEachEngine('mitra CLI', (mitra) => {
  it('migrates, reports status, and is idempotent', async () => {
    const first = await mitra(['db', 'migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/applied: 20261128160000_initial/);
    const again = await mitra(['db', 'migrate']);
    expect(again.out).toMatch(/schema is up to date/);
    expect((await mitra(['db', 'status'])).out).toMatch(/applied {2}20261128160000_initial/);
  });

  it('loads the demo data once and lists the 2018 programs', async () => {
    expect((await mitra(['demo'])).out).toMatch(/loaded 35 programs, 14 organisations, 20 participants/);
    expect((await mitra(['demo'])).out).toMatch(/already holds programs/);
    const list = await mitra(['activities', 'list', '--year', '2018', '--page-size', '100']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/14 program\(s\)/);
    const json = JSON.parse((await mitra(['activities', 'list', '--region', 'oceania', '--year', '2018', '--json'])).out);
    expect(json.total).toBe(5);
  });

  it('creates, shows, updates and deletes a program from JSON files', async () => {
    const input = aProgram({ recipients: [{ country: 'Timor Leste' }] });
    const created = await mitra(['activities', 'create', '--file', 'a.json'], { 'a.json': JSON.stringify(input) });
    expect(created.code).toBe(0);
    expect(created.out).toMatch(new RegExp(`created ${input.identifier}`));
    const shown = await mitra(['activities', 'show', input.identifier, '--json']);
    expect(JSON.parse(shown.out)).toMatchObject({ identifier: input.identifier, recipients: [{ country: 'TL', percentage: null }] });
    const updated = await mitra(['activities', 'update', input.identifier, '--file', 'p.json', '--expect-version', '1'], {
      'p.json': '{"titleId":"Judul baru"}',
    });
    expect(updated.out).toMatch(/version 2/);
    const stale = await mitra(['activities', 'update', input.identifier, '--file', 'p.json', '--expect-version', '1'], {
      'p.json': '{"titleId":"x"}',
    });
    expect(stale.code).toBe(5);
    expect((await mitra(['activities', 'delete', input.identifier])).code).toBe(0);
    expect((await mitra(['activities', 'show', input.identifier])).code).toBe(4);
  });

  it('names the file and every bad field, with exit code 3, and writes nothing', async () => {
    const bad = await mitra(['activities', 'create', '--file', 'bad.json'], {
      'bad.json': JSON.stringify({ identifier: 'CLI-BAD', modality: 'dancing', recipients: [{ country: 'Narnia' }], extra: 1 }),
    });
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/bad\.json has 3 invalid field\(s\)/);
    expect(bad.err).toMatch(/modality: unknown modality "dancing"/);
    expect(bad.err).toMatch(/recipients\.0\.country: unknown country "Narnia"/);
    expect(bad.err).toMatch(/extra: unknown field/);
    const malformed = await mitra(['activities', 'create', '--file', 'm.json'], { 'm.json': '{"identifier":' });
    expect(malformed.code).toBe(3);
    expect(malformed.err).toMatch(/m\.json is not valid JSON/);
    const missing = await mitra(['activities', 'create', '--file', 'nope.json']);
    expect(missing.err).toMatch(/cannot read nope\.json: ENOENT/);
    const rules = await mitra(['activities', 'create', '--file', 'r.json'], {
      'r.json': JSON.stringify(aProgram({ identifier: 'CLI-RULES', plannedEnd: '2000-01-01' })),
    });
    expect(rules.code).toBe(3);
    expect(rules.err).toMatch(/plannedEnd: must not be before plannedStart/);
    expect((await mitra(['activities', 'show', 'CLI-RULES'])).code).toBe(4);
  });

  it('resolves countries and reports unknown ones with suggestions', async () => {
    const ok = await mitra(['countries', 'resolve', 'Papua Nugini', 'East Timor']);
    expect(ok.out).toMatch(/Papua Nugini → PG/);
    expect(ok.out).toMatch(/East Timor → TL/);
    const bad = await mitra(['countries', 'resolve', 'Papua Nugine']);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/did you mean Papua New Guinea \(PG\)/);
  });

  it('exits 2 on unknown commands or options, and 7 on a bad DATABASE_URL', async () => {
    expect((await mitra(['frobnicate'])).code).toBe(2);
    expect((await mitra(['activities', 'list', '--colour', 'red'])).code).toBe(2);
    expect((await mitra(['--help'])).code).toBe(0);
    const bad = await runMitra(['activities', 'list'], { DATABASE_URL: 'mysql://x' });
    expect(bad.code).toBe(7);
    expect(bad.err).toMatch(/DATABASE_URL: must start with file: or postgres/);
  });
});
