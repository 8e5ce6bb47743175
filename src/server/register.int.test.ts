/**
 * The register of processing activities (docs/privacy.md) against the database itself, on both
 * engines: every column of a table holding personal data is classified (personal, with its
 * category, or not), every column anywhere whose name says "a person's data" is too, and every
 * personal column appears in the register the API serves — so a personal field added to the
 * schema without a line in PERSONAL_COLUMNS fails here.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { roles } from '../domain/access/actor.js';
import { PERSONAL_FIELDS } from '../domain/alumni/privacy.js';
import { keysOf } from '../domain/guards.js';
import { NON_PERSONAL_COLUMNS, PERSONAL_COLUMNS, PERSONAL_NAME_PATTERN, personalFields } from '../domain/personal-data/register.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, signIn } from '../testing/server.js';

type Entry = { category: string; fields: string[]; seenBy: { role: string; sees: string }[]; retention: { months: number } | null };

describeEachEngine('register of processing activities', (app: () => AppContext) => {
  let admin: FastifyInstance;
  let agency: FastifyInstance;
  let columns: Map<string, string[]>;

  beforeAll(async () => {
    const server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    admin = asSession(server, await signIn(server, app(), 'admin'));
    agency = asSession(server, await signIn(server, app(), 'agency', 'ID-PDP-REG'));
    const tables = await app().database.db.introspection.getTables();
    columns = new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
  });

  it('classifies every column of the tables holding personal data, and names only columns that exist', () => {
    for (const table of keysOf(PERSONAL_COLUMNS)) {
      const actual = columns.get(table) ?? [];
      const classified = [...Object.keys(PERSONAL_COLUMNS[table]), ...NON_PERSONAL_COLUMNS[table]];
      expect(
        actual.filter((c) => !classified.includes(c)).map((c) => `${table}.${c}`),
        'unclassified columns',
      ).toEqual([]);
      expect(
        classified.filter((c) => !actual.includes(c)).map((c) => `${table}.${c}`),
        'columns that no longer exist',
      ).toEqual([]);
    }
  });

  it('classifies every column, in any table, whose name says it is a person’s data', () => {
    const unclassified = [...columns.entries()].flatMap(([table, cols]) =>
      keysOf(PERSONAL_COLUMNS).some((t) => t === table)
        ? []
        : cols.filter((c) => PERSONAL_NAME_PATTERN.test(c)).map((c) => `${table}.${c}`),
    );
    expect(unclassified.filter((c) => !ALLOWED_ELSEWHERE.includes(c))).toEqual([]);
  });

  it('serves every personal field (and the participant record’s erasable fields) in the register, with the roles from the policy', async () => {
    const response = await admin.inject({ url: '/api/v1/personal-data/register' });
    expect(response.statusCode, response.body).toBe(200);
    const entries = (response.json() as { items: Entry[] }).items;
    const served = new Set(entries.flatMap((e) => e.fields));
    expect(personalFields().filter((f) => !served.has(f))).toEqual([]);
    const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const erasable = PERSONAL_FIELDS.map((f) => `participants.${snake(f)}`);
    expect(erasable.filter((f) => !served.has(f))).toEqual([]);
    const contact = entries.find((e) => e.category === 'contact');
    expect(contact?.seenBy.map((s) => s.role)).toEqual([...roles.codes]);
    expect(Object.fromEntries(contact?.seenBy.map((s) => [s.role, s.sees]) ?? [])).toEqual({
      admin: 'all',
      coordinator: 'all',
      agency: 'own',
      embassy: 'own',
      focal_point: 'own',
      viewer: 'none',
    });
    expect(contact?.retention).toEqual({ months: 60, enabled: false });
    const csv = await admin.inject({ url: '/api/v1/personal-data/register.csv?lang=id' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('participants.email participants.phone');
    expect((await agency.inject({ url: '/api/v1/personal-data/register' })).statusCode).toBe(403);
  });
});

/**
 * Columns named like personal data outside the tables above: SQLite's text-search index of
 * participants, a copy of participants.full_name and organisation kept by triggers (it forgets an
 * erased value in the same write; docs/privacy.md), covered by the register's participants entry.
 */
const ALLOWED_ELSEWHERE: readonly string[] = ['participants_fts.full_name'];
