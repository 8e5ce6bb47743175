/** The analytics, priorities, country-list and profile commands (analytics.commands.ts). */
import { programListQuerySchema } from '../domain/program/program-query.js';
import type { Change } from '../domain/analytics/change.js';
import {
  countryListInputSchema,
  normaliseSubjectCode,
  priorityTargetInputSchema,
  SUBJECT_KINDS,
  subjectCodeProblem,
  type PrioritySubject,
} from '../domain/analytics/priority.js';
import { concentration, trends, triangularNetwork } from '../services/analytics.js';
import {
  deleteCountryList,
  deletePriorityTarget,
  listCountryLists,
  priorityView,
  saveCountryList,
  setPriorityTargets,
  subjectBreakdown,
} from '../services/priorities.js';
import { countryProfile, partnerProfile } from '../services/profiles.js';
import { CliInputError } from './exit-codes.js';
import { json, money, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext, RangeOptions } from './context.js';

type Lang = 'en' | 'id';

function yearOf(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || n < 1900 || n > 2200)
    throw new CliInputError(`${option} must be a year such as 2018 (got "${value}")`);
  return n;
}

/** "2016-2020" or "2018" → the years. */
export function yearsOf(value: string): number[] {
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$/.exec(value);
  if (!m) throw new CliInputError(`--years must be a year or a range such as 2016-2020 (got "${value}")`);
  const from = yearOf(m[1] ?? '', '--years');
  const to = m[2] ? yearOf(m[2], '--years') : from;
  if (to < from) throw new CliInputError(`--years: ${to} is before ${from}`);
  if (to - from > 49) throw new CliInputError('--years: at most 50 years at once');
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** "group:PIF", "region:africa", "list:melanesia", "country:PS". */
export function subjectOf(value: string): PrioritySubject {
  const [name, code] = value.split(':');
  const kind = SUBJECT_KINDS.find((k) => k === name);
  if (!kind || !code) {
    throw new CliInputError(
      `--subject must be KIND:CODE with KIND one of ${SUBJECT_KINDS.join(', ')} (got "${value}"), e.g. group:PIF, region:africa, list:melanesia, country:PS`,
    );
  }
  const problem = subjectCodeProblem(kind, code);
  if (problem) throw new CliInputError(`--subject: ${problem}`);
  return { kind, code: normaliseSubjectCode(kind, code) };
}

function langOf(value: string): Lang {
  if (value !== 'en' && value !== 'id') throw new CliInputError('--lang must be en or id');
  return value;
}

function stagesOf(value: string | undefined) {
  return value === undefined ? undefined : parseInput(programListQuerySchema.pick({ stage: true }), { stage: value }, 'options').stage;
}

function rangeOf(opts: RangeOptions, now: string) {
  const to = opts.to ? yearOf(opts.to, '--to') : Number(now.slice(0, 4));
  const from = opts.from ? yearOf(opts.from, '--from') : to - 9;
  return { from, to, stages: stagesOf(opts.stage) };
}

const pct = (c: Change | null | undefined) =>
  !c ? '' : c.percent === null ? `${c.change > 0 ? '+' : ''}${c.change}` : `${c.percent > 0 ? '+' : ''}${c.percent}%`;

export async function analyticsTrends(ctx: CliContext, opts: RangeOptions & { by?: string }): Promise<void> {
  const lang = langOf(opts.lang);
  if (opts.by && !['region', 'modality', 'area'].includes(opts.by)) throw new CliInputError('--by must be region, modality or area');
  await ctx.withApp(async (app) => {
    const t = await trends(app.deps, rangeOf(opts, app.deps.clock.nowIso()));
    if (opts.json) return ctx.io.out(json(t));
    const L =
      lang === 'id'
        ? { year: 'tahun', programs: 'program', countries: 'negara', participants: 'peserta', change: 'perubahan' }
        : { year: 'year', programs: 'programs', countries: 'countries', participants: 'participants', change: 'change' };
    const lines = [
      table(
        [L.year, L.programs, L.change, L.countries, L.participants, L.change, 'USD', 'IDR'],
        t.totals.map((p) => [
          p.year,
          p.programs,
          pct(p.change.programs),
          p.countries ?? 0,
          p.participants,
          pct(p.change.participants),
          money(p.usdMinor ?? 0),
          money(p.idrMinor ?? 0),
        ]),
      ),
    ];
    const series = opts.by === 'region' ? t.byRegion : opts.by === 'modality' ? t.byModality : opts.by === 'area' ? t.byFlagshipArea : [];
    for (const s of series) {
      lines.push(
        '',
        lang === 'id' ? s.labelId : s.labelEn,
        table(
          [L.year, L.programs, L.change, L.participants, L.change],
          s.points.map((p) => [p.year, p.programs, pct(p.change.programs), p.participants, pct(p.change.participants)]),
        ),
      );
    }
    for (const m of t.missingRates)
      lines.push(
        `${lang === 'id' ? 'tidak ada kurs' : 'no exchange rate for'} ${m.currency}: ${money(m.amountMinor)} (${m.transactions}) ${lang === 'id' ? 'tidak termasuk dalam' : 'left out of'} ${m.missing.join('+').toUpperCase()}`,
      );
    ctx.io.out(lines.join('\n'));
  });
}

export async function analyticsConcentration(ctx: CliContext, opts: RangeOptions): Promise<void> {
  langOf(opts.lang);
  await ctx.withApp(async (app) => {
    const items = await concentration(app.deps, rangeOf(opts, app.deps.clock.nowIso()));
    if (opts.json) return ctx.io.out(json(items));
    ctx.io.out(
      [
        table(
          ['year', 'programs/country', 'participants/country', 'programs/region', 'programs/area', 'level (programs/country)'],
          items.map((y) => [
            y.year,
            y.programsByCountry.hhi,
            y.participantsByCountry.hhi,
            y.programsByRegion.hhi,
            y.programsByFlagshipArea.hhi,
            y.programsByCountry.level ?? '',
          ]),
        ),
        'HHI: below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated; 10,000 = all in one.',
      ].join('\n'),
    );
  });
}

export async function analyticsNetwork(ctx: CliContext, opts: RangeOptions): Promise<void> {
  const lang = langOf(opts.lang);
  await ctx.withApp(async (app) => {
    const n = await triangularNetwork(app.deps, rangeOf(opts, app.deps.clock.nowIso()));
    if (opts.json) return ctx.io.out(json(n));
    const label = new Map(n.nodes.map((x) => [x.id, lang === 'id' ? x.labelId : x.labelEn]));
    ctx.io.out(
      table(
        ['from', 'to', 'programs'],
        n.links.map((l) => [label.get(l.source) ?? l.source, label.get(l.target) ?? l.target, l.programs]),
      ),
    );
  });
}

export async function prioritiesShow(ctx: CliContext, opts: RangeOptions): Promise<void> {
  const lang = langOf(opts.lang);
  await ctx.withApp(async (app) => {
    const v = await priorityView(app.deps, rangeOf(opts, app.deps.clock.nowIso()));
    if (opts.json) return ctx.io.out(json(v));
    const rows = v.rows.flatMap((r) =>
      r.years
        .filter((y) => y.target !== null)
        .map((y) => [
          lang === 'id' ? r.nameId : r.nameEn,
          r.metric,
          y.year,
          `${y.comparator === 'at_most' ? '≤' : '≥'} ${y.target}`,
          y.evaluation.actual,
          y.evaluation.gap,
          y.met ? (lang === 'id' ? 'tercapai' : 'met') : lang === 'id' ? 'tertinggal' : 'behind',
        ]),
    );
    ctx.io.out(
      rows.length
        ? table(['subject', 'metric', 'year', 'target', 'actual', 'gap', 'status'], rows)
        : lang === 'id'
          ? 'Belum ada target.'
          : 'No targets set.',
    );
  });
}

export async function prioritiesSet(
  ctx: CliContext,
  opts: { subject: string; metric: string; target: string; years: string; atMost?: boolean; note?: string },
): Promise<void> {
  const subject = subjectOf(opts.subject);
  const target = Number(opts.target);
  if (opts.target.trim() === '' || !Number.isFinite(target)) throw new CliInputError(`--target must be a number (got "${opts.target}")`);
  const inputs = yearsOf(opts.years).map((year) =>
    parseInput(
      priorityTargetInputSchema,
      {
        year,
        subjectKind: subject.kind,
        subjectCode: subject.code,
        metric: opts.metric,
        comparator: opts.atMost ? 'at_most' : 'at_least',
        target,
        note: opts.note,
      },
      'options',
    ),
  );
  await ctx.withApp(async (app) => {
    const saved = await setPriorityTargets(app.deps, inputs);
    ctx.io.out(
      `set ${saved.length} target(s): ${subject.kind}:${subject.code} ${opts.metric} ${opts.atMost ? '≤' : '≥'} ${target} for ${saved.map((t) => t.year).join(', ')}`,
    );
  });
}

export async function prioritiesDelete(ctx: CliContext, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) throw new CliInputError(`the target id must be a number (got "${id}")`);
  await ctx.withApp(async (app) => {
    await deletePriorityTarget(app.deps, Number(id));
    ctx.io.out(`deleted target ${id}`);
  });
}

export async function prioritiesBreakdown(
  ctx: CliContext,
  opts: { subject: string; year: string; stage?: string; lang: string; json?: boolean },
): Promise<void> {
  const lang = langOf(opts.lang);
  const subject = subjectOf(opts.subject);
  const year = yearOf(opts.year, '--year');
  await ctx.withApp(async (app) => {
    const b = await subjectBreakdown(app.deps, subject, year, { stages: stagesOf(opts.stage) });
    if (opts.json) return ctx.io.out(json(b));
    ctx.io.out(
      [
        `${lang === 'id' ? b.nameId : b.nameEn} ${year}: ${b.totals.programs} ${lang === 'id' ? 'program' : 'programs'}, ${b.totals.countries} ${lang === 'id' ? 'negara' : 'countries'}, ${b.totals.participants} ${lang === 'id' ? 'peserta' : 'participants'}`,
        table(
          ['country', 'name', 'programs', 'participants'],
          b.countries.map((c) => [c.country, lang === 'id' ? c.nameId : c.nameEn, c.programs, c.participants]),
        ),
      ].join('\n'),
    );
  });
}

export async function countryListsList(ctx: CliContext, opts: { json?: boolean }): Promise<void> {
  await ctx.withApp(async (app) => {
    const all = await listCountryLists(app.deps);
    ctx.io.out(
      opts.json
        ? json(all)
        : table(
            ['code', 'name', 'nama', 'countries'],
            all.map((l) => [l.code, l.nameEn, l.nameId, l.countries.join(' ')]),
          ),
    );
  });
}

export async function countryListsSet(
  ctx: CliContext,
  code: string,
  opts: { nameEn: string; nameId: string; countries: string },
): Promise<void> {
  const input = parseInput(
    countryListInputSchema,
    {
      code,
      nameEn: opts.nameEn,
      nameId: opts.nameId,
      countries: opts.countries
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    },
    'options',
  );
  await ctx.withApp(async (app) => {
    const { list, created } = await saveCountryList(app.deps, input);
    ctx.io.out(`${created ? 'created' : 'replaced'} ${list.code}: ${list.countries.length} countries`);
  });
}

export async function countryListsDelete(ctx: CliContext, code: string): Promise<void> {
  await ctx.withApp(async (app) => {
    await deleteCountryList(app.deps, code);
    ctx.io.out(`deleted ${code}`);
  });
}

export async function profileCountry(ctx: CliContext, code: string, opts: { stage?: string; lang: string; json?: boolean }): Promise<void> {
  const lang = langOf(opts.lang);
  await ctx.withApp(async (app) => {
    const p = await countryProfile(app.deps, code, { stages: stagesOf(opts.stage) });
    if (opts.json) return ctx.io.out(json(p));
    const s = p.participantsBySex;
    ctx.io.out(
      [
        `${lang === 'id' ? p.country.nameId : p.country.nameEn} (${p.country.iso2}/${p.country.iso3})`,
        `${p.totals.programs} ${lang === 'id' ? 'program' : 'programs'}, ${p.totals.participants} ${lang === 'id' ? 'peserta' : 'participants'} (F ${s.F}, M ${s.M}, X ${s.X}, ${lang === 'id' ? 'tanpa data perorangan' : 'without records'} ${s.notRecorded}); USD ${money(p.totals.usdMinor)}`,
        `${lang === 'id' ? 'Kelompok' : 'Groupings'}: ${p.memberships.map((m) => `${m.group} (${m.status}${m.since ? ` ${m.since}` : ''}${m.until ? `–${m.until}` : ''})`).join(', ')}`,
        table(
          ['year', 'programs', 'participants', 'USD'],
          p.years.map((y) => [y.year ?? '', y.programs, y.participants, money(y.usdMinor)]),
        ),
        '',
        table(
          ['year', 'identifier', 'title', 'participants', 'USD'],
          p.programs.map((x) => [
            x.year ?? '',
            x.identifier,
            (lang === 'id' ? x.titleId : x.titleEn) ?? x.titleEn ?? '',
            x.participants,
            money(x.usdMinor),
          ]),
        ),
      ].join('\n'),
    );
  });
}

export async function profilePartner(
  ctx: CliContext,
  code: string,
  opts: { since?: string; stage?: string; json?: boolean },
): Promise<void> {
  const since = opts.since ? yearOf(opts.since, '--since') : undefined;
  await ctx.withApp(async (app) => {
    const p = await partnerProfile(app.deps, code, { stages: stagesOf(opts.stage), since });
    if (opts.json) return ctx.io.out(json(p));
    ctx.io.out(
      [
        `${p.organisation.nameEn}${p.organisation.acronym ? ` (${p.organisation.acronym})` : ''}: ${p.totals.programs} programs, ${p.totals.triangular} triangular, ${p.totals.recipients} recipient countries`,
        `cash USD ${money(p.cash.usdMinor)} (${p.cash.programs} programs), in kind USD ${money(p.inKind.usdMinor)} (${p.inKind.programs})${[...p.cash.missingRates, ...p.inKind.missingRates].map((m) => `; no rate for ${m.currency} ${money(m.amountMinor)}`).join('')}`,
        table(
          ['year', 'programs', 'triangular', since ? `triangular since ${since}` : 'triangular, cumulative'],
          p.years.map((y) => [y.year ?? '', y.programs, y.triangular, y.cumulativeTriangular]),
        ),
      ].join('\n'),
    );
  });
}
