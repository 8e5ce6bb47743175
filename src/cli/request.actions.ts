/** The request commands (request.commands.ts). */
import { flagshipAreas, modalities } from '../domain/codes.js';
import { countryName } from '../domain/reference/countries.js';
import { codelistName } from '../domain/reference/codelists.js';
import { REPORT_REGION_NAMES } from '../domain/reference/types.js';
import type { MatchReason } from '../domain/request/matching.js';
import { requestStatuses, type CooperationRequest } from '../domain/request/request.js';
import {
  acceptInputSchema,
  assessInputSchema,
  declineInputSchema,
  requestInputSchema,
  requestListQuerySchema,
} from '../domain/request/request.schema.js';
import type { ServiceDeps } from '../services/deps.js';
import {
  acceptRequest,
  assessRequest,
  declineRequest,
  getRequest,
  listRequests,
  registerRequest,
  requestMatches,
} from '../services/requests.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext, RegisterOptions } from './context.js';

type Lang = 'en' | 'id';

function langOf(value: string): Lang {
  if (value !== 'en' && value !== 'id') throw new CliInputError('--lang must be en or id');
  return value;
}

/** A request by its id (42) or its reference (REQ-2026-0001). */
async function findRequest(deps: ServiceDeps, ref: string): Promise<CooperationRequest> {
  if (/^\d+$/.test(ref)) return getRequest(deps, Number(ref));
  const reference = ref.trim().toUpperCase();
  const page = await listRequests(deps, requestListQuerySchema.parse({ q: reference, pageSize: 100 }));
  const found = page.items.find((r) => r.reference === reference);
  if (!found) throw new CliInputError(`no request with id or reference "${ref}"`);
  return found;
}

function versionOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new CliInputError(`--expect-version must be a version number (got "${value}")`);
  return Number(value);
}

/** A reason in a sentence, in English or Indonesian. */
export function reasonText(r: MatchReason, lang: Lang): string {
  const id = lang === 'id';
  switch (r.code) {
    case 'same_area':
      return id
        ? `${r.programs} program di bidang ${flagshipAreas.label(r.area, 'id')}`
        : `${r.programs} program(s) in ${flagshipAreas.label(r.area, 'en')}`;
    case 'same_sector':
      return id
        ? `${r.programs} program di sektor ${r.sector} (${codelistName('Sector', r.sector) ?? ''})`
        : `${r.programs} program(s) in sector ${r.sector} (${codelistName('Sector', r.sector) ?? ''})`;
    case 'same_sector_category':
      return id ? `${r.programs} program di kategori sektor ${r.category}` : `${r.programs} program(s) in sector category ${r.category}`;
    case 'country_experience':
      return id
        ? `${r.programs} program untuk ${countryName(r.country, 'id')}`
        : `${r.programs} program(s) for ${countryName(r.country, 'en')}`;
    case 'region_experience':
      return id
        ? `${r.programs} program lain di ${REPORT_REGION_NAMES.id[r.region]}`
        : `${r.programs} other program(s) in ${REPORT_REGION_NAMES.en[r.region]}`;
    case 'same_modality':
      return id
        ? `${r.programs} program berbentuk ${modalities.label(r.modality, 'id').toLowerCase()}`
        : `${r.programs} ${modalities.label(r.modality, 'en').toLowerCase()} program(s)`;
    case 'recent':
      return id ? `terakhir pada ${r.year}` : `latest in ${r.year}`;
  }
}

const reasons = (list: readonly MatchReason[], lang: Lang) => list.map((r) => `${reasonText(r, lang)} (+${r.points})`).join('; ');

function describe(r: CooperationRequest): string {
  const rows: [string, string | null][] = [
    ['reference', r.reference],
    ['status', `${r.status} (${requestStatuses.label(r.status, 'en')})`],
    ['country', `${r.country} ${countryName(r.country, 'en')}`],
    ['topic', r.topic],
    ['description', r.description],
    ['flagship area', r.flagshipArea && `${r.flagshipArea} ${flagshipAreas.label(r.flagshipArea, 'en')}`],
    ['sector', r.sectorCode && `${r.sectorCode} ${codelistName('Sector', r.sectorCode) ?? ''}`],
    ['modality', r.modality],
    ['period', r.periodFrom || r.periodTo ? `${r.periodFrom ?? '…'} – ${r.periodTo ?? '…'}` : null],
    ['received', r.receivedOn],
    ['relayed by', r.relayedBy],
    ['note', r.assessmentNote],
    ['program', r.activityId === null ? null : `${r.activityIdentifier ?? ''} (id ${r.activityId})`],
    ['version', String(r.version)],
  ];
  return rows
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k.padEnd(14)}${v}`)
    .join('\n');
}

export async function requestsList(
  ctx: CliContext,
  opts: { status?: string; country?: string; search?: string; page: string; json?: boolean },
): Promise<void> {
  const query = parseInput(
    requestListQuerySchema,
    { status: opts.status, country: opts.country, q: opts.search, page: opts.page, pageSize: 100 },
    'options',
  );
  await ctx.withApp(async (app) => {
    const page = await listRequests(app.deps, query);
    if (opts.json) return ctx.io.out(json(page));
    ctx.io.out(
      [
        table(
          ['id', 'reference', 'received', 'country', 'status', 'area', 'topic'],
          page.items.map((r) => [r.id, r.reference, r.receivedOn, r.country, r.status, r.flagshipArea, r.topic]),
        ),
        `${page.total} request(s)${page.total > page.items.length ? `, page ${page.page}` : ''}`,
      ].join('\n'),
    );
  });
}

export async function requestsShow(ctx: CliContext, ref: string, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const r = await findRequest(app.deps, ref);
    ctx.io.out(opts.json ? json(r) : describe(r));
  });
}

export async function requestsRegister(ctx: CliContext, opts: RegisterOptions): Promise<void> {
  const input = parseInput(
    requestInputSchema,
    {
      country: opts.country,
      topic: opts.topic,
      description: opts.description,
      flagshipArea: opts.area,
      sectorCode: opts.sector,
      modality: opts.modality,
      periodFrom: opts.from,
      periodTo: opts.to,
      receivedOn: opts.received,
      relayedBy: opts.relayedBy,
    },
    'options',
  );
  await ctx.withApp(async (app) => {
    const r = await registerRequest(app.deps, input);
    ctx.io.out(opts.json ? json(r) : `registered ${r.reference} (id ${r.id})`);
  });
}

export async function requestsAssess(ctx: CliContext, ref: string, opts: { note?: string; expectVersion?: string }): Promise<void> {
  const input = parseInput(assessInputSchema, { note: opts.note }, 'options');
  await ctx.withApp(async (app) => {
    const r = await assessRequest(app.deps, (await findRequest(app.deps, ref)).id, input, {
      expectedVersion: versionOf(opts.expectVersion),
    });
    ctx.io.out(`${r.reference} is under assessment`);
  });
}

export async function requestsDecline(ctx: CliContext, ref: string, opts: { note: string; expectVersion?: string }): Promise<void> {
  const input = parseInput(declineInputSchema, { note: opts.note }, 'options');
  await ctx.withApp(async (app) => {
    const r = await declineRequest(app.deps, (await findRequest(app.deps, ref)).id, input, {
      expectedVersion: versionOf(opts.expectVersion),
    });
    ctx.io.out(`${r.reference} is declined`);
  });
}

export async function requestsAccept(
  ctx: CliContext,
  ref: string,
  opts: { agency?: string; identifier?: string; note?: string; expectVersion?: string },
): Promise<void> {
  const input = parseInput(acceptInputSchema, { implementingOrg: opts.agency, identifier: opts.identifier, note: opts.note }, 'options');
  await ctx.withApp(async (app) => {
    const { request, activity } = await acceptRequest(app.deps, (await findRequest(app.deps, ref)).id, input, {
      expectedVersion: versionOf(opts.expectVersion),
    });
    ctx.io.out(`${request.reference} is accepted: program ${activity.identifier} (id ${activity.id}) created in the request stage`);
  });
}

export async function requestsMatches(ctx: CliContext, ref: string, opts: { lang: string; json?: boolean }): Promise<void> {
  const lang = langOf(opts.lang);
  await ctx.withApp(async (app) => {
    const m = await requestMatches(app.deps, (await findRequest(app.deps, ref)).id);
    if (opts.json) return ctx.io.out(json(m));
    const none = lang === 'id' ? '(tidak ada)' : '(none)';
    const L =
      lang === 'id'
        ? {
            agencies: 'Kementerian/lembaga',
            programs: 'Program sebelumnya',
            alumni: 'Alumni',
            score: 'skor',
            name: 'nama',
            year: 'tahun',
            programsCol: 'program',
          }
        : {
            agencies: 'Ministries and agencies',
            programs: 'Past programs',
            alumni: 'Alumni',
            score: 'score',
            name: 'name',
            year: 'year',
            programsCol: 'programs',
          };
    // The reasons are whole sentences: one line each under the table (a table cell would cut them).
    const section = (title: string, headers: string[], rows: { cells: (string | number | null)[]; reasons: readonly MatchReason[] }[]) => [
      title,
      rows.length
        ? table(
            ['#', ...headers],
            rows.map((r, i) => [i + 1, ...r.cells]),
          )
        : none,
      ...rows.map((r, i) => `  #${i + 1}: ${reasons(r.reasons, lang)}`),
      '',
    ];
    ctx.io.out(
      [
        `${m.request.reference}: ${m.request.topic}`,
        '',
        ...section(
          L.agencies,
          [L.score, 'code', L.name],
          m.agencies.map((a) => ({
            cells: [a.score, a.candidate.code, lang === 'id' ? (a.candidate.nameId ?? a.candidate.nameEn) : a.candidate.nameEn],
            reasons: a.reasons,
          })),
        ),
        ...section(
          L.programs,
          [L.score, 'identifier', L.year, 'agency'],
          m.programs.map((p) => ({
            cells: [p.score, p.candidate.identifier, p.candidate.year, p.candidate.implementingOrg],
            reasons: p.reasons,
          })),
        ),
        ...section(
          L.alumni,
          [L.score, L.name, L.programsCol],
          m.alumni.map((a) => ({
            cells: [a.score, a.candidate.fullName ?? '—', a.candidate.programs.map((x) => x.identifier).join(', ')],
            reasons: a.reasons,
          })),
        ),
      ]
        .join('\n')
        .trimEnd(),
    );
  });
}
