/**
 * The SEGIB-style sheet of an edition's bundle: Indonesia's programs as initiatives of the
 * Ibero-American registry of South-South cooperation, one row per program and participant in
 * a role (the provider, each second provider, each recipient), the way SEGIB's data platform
 * SIDICSS records an initiative with its partners (docs/segib.md).
 *
 * Source: SEGIB, "Informe de la Cooperación Sur-Sur y Triangular en Iberoamérica 2024" (Madrid,
 * November 2024, https://issuu.com/segibpdf/docs/15-informe-sur-sur) and the English editions
 * of the "Report on South-South Cooperation in Ibero-America" (2017: chapter II.5, "Dimension",
 * "Efficiency", "Burden sharing"; 2019), with the methodology page of https://informesursur.org.
 *
 * - Modality: bilateral → Bilateral SSC, triangular → Triangular cooperation, regional → Regional SSC.
 * - Initiative type: SEGIB's action is carried out once, punctually (advice, internship,
 *   seminar, diagnostic mission…); a project is a set of related actions with its own period,
 *   budget and expected results; a programme is a set of projects. Mitra's one-off forms
 *   (training, seminar, workshop, study visit, internship, expert dispatch, scholarship,
 *   equipment grant) are actions; a knowledge-sharing program is a project; Regional SSC is
 *   carried out through programmes and projects only, so a regional program is a project.
 *   Mitra has no programme of projects.
 * - Roles: Indonesia is the provider (first provider in triangular cooperation); partners with
 *   the role second provider or facilitator are second providers (SEGIB has no third role);
 *   recipient countries and recipient partners are recipients.
 * - Costs: the provider's budgeted cost is the program's budgets (a revised budget replacing the
 *   original of its period); its executed cost is the spending the edition counted; a partner's
 *   budgeted cost is its recorded contribution. All in US dollars at the dated rates.
 * - Indicators: dimension = duration in days (start to end, both included); efficiency = days
 *   from approval to start (the approval is the program's last `approve` transition, kept with
 *   the frozen record; a program entered or imported past that stage has none: checklist);
 *   burden sharing = each provider's share of the providers' budgeted cost.
 * Programs not in execution (a request, a plan, a rejected or cancelled program) are left out,
 * since SEGIB registers initiatives in execution during the year.
 */
import type { CooperationType, LifecycleStage, Modality } from '../codes.js';
import { daysBetween } from '../dates.js';
import type { Budget, Program, ProgramPartner } from '../program/program.js';
import { countryName, getCountry } from '../reference/countries.js';
import { HeadlineTally, carriedTotals, exclusionsOf, units, usdMinorOn } from './headline-tally.js';
import { segibSectorOf } from './segib-sectors.js';
import type { BundleContext, BundleOutputBuilder, BundleSheet, ChecklistItem, FrozenProgram, Headline } from './types.js';

export const SEGIB_COLUMNS = [
  'Year',
  'Initiative code',
  'Title',
  'Modality',
  'Initiative type',
  'Mitra modality',
  'Role',
  'Partner code',
  'Partner',
  'Institutions',
  'Sector area',
  'Activity sector',
  'DAC code',
  'Sector from',
  'Main SDG',
  'SDGs',
  'Approval date',
  'Start date',
  'End date',
  'Dates',
  'Duration (days)',
  'Days from approval to start',
  'Budgeted cost (USD)',
  'Executed cost (USD)',
  'Executed cost (IDR)',
  'Contribution in kind',
  'Burden share among providers (%)',
  'Estimated in-kind value (USD, Mitra estimate)',
  'Currencies without exchange rate',
] as const;
type Column = (typeof SEGIB_COLUMNS)[number];
type Cell = string | number | null;

/** SEGIB registers initiatives in execution during the year: programs under way or done. */
export const SEGIB_STAGES: readonly LifecycleStage[] = ['implementation', 'completed', 'evaluated'];

export const SEGIB_MODALITIES: Readonly<Record<CooperationType, string>> = {
  bilateral: 'Bilateral SSC',
  triangular: 'Triangular cooperation',
  regional: 'Regional SSC',
};

export type InitiativeType = 'Programme' | 'Project' | 'Action';

const INITIATIVE_OF_MODALITY: Readonly<Record<Modality, InitiativeType>> = {
  training: 'Action',
  seminar: 'Action',
  workshop: 'Action',
  study_visit: 'Action',
  internship: 'Action',
  expert_dispatch: 'Action',
  scholarship: 'Action',
  equipment_grant: 'Action',
  knowledge_sharing: 'Project',
};

/** The SEGIB initiative type; null when the modality is not recorded (and the program is not regional). */
export function initiativeTypeOf(p: Pick<Program, 'modality' | 'cooperationType'>): InitiativeType | null {
  if (p.cooperationType === 'regional') return 'Project';
  return p.modality ? INITIATIVE_OF_MODALITY[p.modality] : null;
}

/** Dates as SEGIB wants them (actual ones), else the planned ones, and which were used. */
export function segibDates(p: Pick<Program, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>): {
  start: string | null;
  end: string | null;
  basis: 'actual' | 'planned' | 'mixed' | null;
  durationDays: number | null;
} {
  const start = p.actualStart ?? p.plannedStart;
  const end = p.actualEnd ?? p.plannedEnd;
  const actual = [p.actualStart !== null, p.actualEnd !== null].filter(Boolean).length;
  const known = [start !== null, end !== null].filter(Boolean).length;
  const basis = known === 0 ? null : actual === known && known === 2 ? 'actual' : actual === 0 ? 'planned' : 'mixed';
  // Both days included, as the in-kind estimate counts them: a one-day seminar lasts one day.
  const durationDays = start && end && end >= start ? daysBetween(start, end) + 1 : null;
  return { start, end, basis, durationDays };
}

type Amount = { readonly usdMinor: number; readonly gap: null } | { readonly usdMinor: null; readonly gap: string };

/** The program's budgets in US cents: per period the revised budget (IATI type 2) where there is one, else the original. */
export function budgetUsdMinor(budgets: readonly Budget[], rates: BundleContext['rates']): Amount {
  if (budgets.length === 0) return { usdMinor: null, gap: 'no budget is recorded' };
  const periods = new Map<string, Budget[]>();
  for (const b of budgets) {
    const key = `${b.periodStart}|${b.periodEnd}`;
    periods.set(key, [...(periods.get(key) ?? []), b]);
  }
  let sum = 0;
  const noRate = new Set<string>();
  for (const list of periods.values()) {
    const used = list.some((b) => b.type === 2) ? list.filter((b) => b.type === 2) : list;
    for (const b of used) {
      const usd = usdMinorOn(b.amountMinor, b.currency, b.valueDate ?? b.periodStart, rates);
      if (usd === null) noRate.add(b.currency);
      else sum += usd;
    }
  }
  return noRate.size > 0
    ? { usdMinor: null, gap: `no exchange rate for the budget in ${[...noRate].sort().join(', ')}` }
    : { usdMinor: sum, gap: null };
}

/** A partner's recorded contribution in US cents at the rate of `day`. */
export function contributionUsdMinor(partner: ProgramPartner, day: string, rates: BundleContext['rates']): Amount {
  if (partner.contributionMinor === null) return { usdMinor: null, gap: 'no contribution is recorded' };
  if (!partner.currency) return { usdMinor: null, gap: 'the contribution has no currency' };
  const usd = usdMinorOn(partner.contributionMinor, partner.currency, day, rates);
  return usd === null ? { usdMinor: null, gap: `no exchange rate for ${partner.currency} on ${day}` } : { usdMinor: usd, gap: null };
}

/** The day partner contributions convert at: the program's start, else the last day of the edition's year. */
export const contributionDay = (p: Program, year: number): string => p.actualStart ?? p.plannedStart ?? `${year}-12-31`;

const CARRIES: readonly Headline[] = ['programs', 'countries', 'usdMinor', 'idrMinor', 'inKindUsdMinor'];

const NOT_IN_EXECUTION =
  'SEGIB registers initiatives in execution during the year (Report on South-South and Triangular Cooperation in Ibero-America 2024): ' +
  'programs at the request, assessment, approved or funded stage, and rejected or cancelled ones, are left out.';

export function segibBuilder(context: BundleContext): BundleOutputBuilder {
  const carried = new HeadlineTally();
  const notInExecution = new HeadlineTally();
  const checklist: ChecklistItem[] = [];
  const summary = new Map<string, { modality: string; type: string; initiatives: number; executedUsdMinor: number }>();
  let partnerRows = 0;

  const issue = (field: string, identifier: string | null, message: string) =>
    checklist.push({ output: 'segib', field, identifier, message });

  function rowsOf(fp: FrozenProgram): Cell[][] {
    const p = fp.program;
    const type = initiativeTypeOf(p);
    const sector = segibSectorOf(p);
    const dates = segibDates(p);
    const budget = budgetUsdMinor(p.budgets, context.rates);
    const day = contributionDay(p, context.year);
    const noRate = fp.spent.missingRates.map((m) => m.currency).join(' ');
    checkProgram(fp, { type, sector: sector !== null, dates, budget }, issue);

    const common: Partial<Record<Column, Cell>> = {
      Year: context.year,
      'Initiative code': p.identifier,
      Title: p.titleEn ?? p.titleId,
      Modality: SEGIB_MODALITIES[p.cooperationType],
      'Initiative type': type,
      'Mitra modality': p.modality,
      'Sector area': sector?.areaName ?? null,
      'Activity sector': sector?.sectorName ?? null,
      'DAC code': sector?.dacCode ?? null,
      'Sector from': sector?.source ?? null,
      'Main SDG': p.sdgs[0]?.goal ?? null,
      SDGs: p.sdgs.map((s) => s.target ?? String(s.goal)).join('; ') || null,
      'Approval date': fp.approvedOn ?? null,
      'Start date': dates.start,
      'End date': dates.end,
      Dates: dates.basis,
      'Duration (days)': dates.durationDays,
      'Days from approval to start': fp.approvedOn && dates.start ? daysBetween(fp.approvedOn, dates.start) : null,
      'Currencies without exchange rate': noRate || null,
    };
    const orgName = (code: string) => context.organisations.get(code)?.nameEn ?? code;
    const firstProviders = p.partners.filter((x) => x.sscRole === 'first_provider');
    const secondProviders = p.partners.filter((x) => x.sscRole === 'second_provider' || x.sscRole === 'facilitator');
    const contributions = secondProviders.map((x) => contributionUsdMinor(x, day, context.rates));
    const shares = burdenShares(p.cooperationType, budget.usdMinor, contributions);
    if (p.cooperationType === 'triangular' && shares === null) {
      issue(
        'Burden share among providers (%)',
        p.identifier,
        'the providers’ shares need the budgeted cost of every provider (Indonesia’s budget and each second provider’s contribution)',
      );
    }
    for (const x of firstProviders) {
      if (x.contributionMinor !== null) {
        issue(
          'Budgeted cost (USD)',
          p.identifier,
          `${x.org}, a first-provider institution, records a contribution that is not added to Indonesia’s cost: check whether the spending already holds it`,
        );
      }
    }

    const provider = getCountry(context.providerCountry);
    const rows: Partial<Record<Column, Cell>>[] = [
      {
        ...common,
        Role: p.cooperationType === 'triangular' ? 'First provider' : 'Provider',
        'Partner code': provider?.iso3 ?? context.providerCountry,
        Partner: countryName(context.providerCountry, 'en'),
        Institutions:
          [...new Set([p.implementingOrg, ...firstProviders.map((x) => x.org)].filter((c): c is string => c !== null))]
            .map(orgName)
            .join('; ') || null,
        'Budgeted cost (USD)': budget.usdMinor === null ? null : units(budget.usdMinor),
        'Executed cost (USD)': units(fp.spent.usdMinor),
        'Executed cost (IDR)': units(fp.spent.idrMinor),
        'Burden share among providers (%)': shares?.[0] ?? null,
        'Estimated in-kind value (USD, Mitra estimate)': fp.inKind ? units(fp.inKind.usdMinor) : null,
      },
    ];
    secondProviders.forEach((x, i) => {
      const c = contributions[i];
      if (c?.gap) issue('Budgeted cost (USD)', p.identifier, `second provider ${x.org}: ${c.gap}`);
      rows.push({
        ...common,
        Role: 'Second provider',
        'Partner code': x.org,
        Partner: orgName(x.org),
        'Budgeted cost (USD)': c?.usdMinor == null ? null : units(c.usdMinor),
        'Contribution in kind': x.inKind ? 'yes' : 'no',
        'Burden share among providers (%)': shares?.[i + 1] ?? null,
      });
    });
    partnerRows += secondProviders.length;
    for (const r of p.recipients) {
      const country = getCountry(r.country);
      rows.push({ ...common, Role: 'Recipient', 'Partner code': country?.iso3 ?? r.country, Partner: countryName(r.country, 'en') });
    }
    for (const x of p.partners.filter((y) => y.sscRole === 'recipient')) {
      const c = contributionUsdMinor(x, day, context.rates);
      rows.push({
        ...common,
        Role: 'Recipient',
        'Partner code': x.org,
        Partner: orgName(x.org),
        'Budgeted cost (USD)': c.usdMinor === null ? null : units(c.usdMinor),
        'Contribution in kind': x.contributionMinor === null ? null : x.inKind ? 'yes' : 'no',
      });
    }
    const key = `${common.Modality}|${type ?? ''}`;
    const s = summary.get(key) ?? {
      modality: SEGIB_MODALITIES[p.cooperationType],
      type: type ?? 'Not recorded',
      initiatives: 0,
      executedUsdMinor: 0,
    };
    summary.set(key, { ...s, initiatives: s.initiatives + 1, executedUsdMinor: s.executedUsdMinor + fp.spent.usdMinor });
    return rows.map((row) => SEGIB_COLUMNS.map((c) => row[c] ?? null));
  }

  return {
    output: 'segib',
    main: { name: 'SEGIB initiatives', columns: SEGIB_COLUMNS },
    add(page) {
      const rows: Cell[][] = [];
      for (const fp of page) {
        if (!SEGIB_STAGES.includes(fp.program.lifecycleStage)) {
          notInExecution.add(fp);
          continue;
        }
        carried.add(fp);
        rows.push(...rowsOf(fp));
      }
      return rows;
    },
    finish() {
      if (carried.programs > 0) addOutputIssues(issue, partnerRows > 0);
      const sheets: BundleSheet[] = [
        {
          name: 'SEGIB summary',
          columns: ['Modality', 'Initiative type', 'Initiatives', 'Executed cost (USD)'],
          rows: [...summary.values()]
            .sort((a, b) => a.modality.localeCompare(b.modality) || a.type.localeCompare(b.type))
            .map((s) => [s.modality, s.type, s.initiatives, units(s.executedUsdMinor)]),
        },
      ];
      return {
        sheets,
        totals: {
          output: 'segib',
          totals: carriedTotals(carried, CARRIES),
          exclusions: exclusionsOf(
            carried,
            [{ rule: 'segib_not_in_execution', explanation: NOT_IN_EXECUTION, tally: notInExecution }],
            CARRIES,
          ),
        },
        checklist,
      };
    },
  };
}

/**
 * Each provider's share (percent, two decimals) of the providers' budgeted cost, Indonesia
 * first; null unless the program is triangular and every provider's cost is known.
 */
export function burdenShares(type: CooperationType, providerUsdMinor: number | null, partners: readonly Amount[]): number[] | null {
  if (type !== 'triangular' || partners.length === 0 || providerUsdMinor === null) return null;
  const costs = [providerUsdMinor, ...partners.map((c) => c.usdMinor)];
  if (costs.some((c) => c === null)) return null;
  const known = costs.filter((c): c is number => c !== null);
  const total = known.reduce((a, b) => a + b, 0);
  return total > 0 ? known.map((c) => Math.round((c / total) * 10_000) / 100) : null;
}

type Issue = (field: string, identifier: string | null, message: string) => void;

/** The program's own gaps: a field SEGIB asks for that its record does not hold. */
function checkProgram(
  fp: FrozenProgram,
  found: { type: InitiativeType | null; sector: boolean; dates: ReturnType<typeof segibDates>; budget: Amount },
  issue: Issue,
): void {
  const p = fp.program;
  const id = p.identifier;
  if (found.type === null)
    issue('Initiative type', id, 'the modality is not recorded, so the program cannot be called an action or a project');
  if (p.recipients.length === 0) issue('Recipient', id, 'no recipient country is recorded');
  if (!found.sector) issue('Activity sector', id, 'neither a DAC purpose code nor a flagship area names a SEGIB activity sector');
  if (p.sdgs.length === 0) issue('Main SDG', id, 'no SDG is recorded');
  if (found.dates.start === null) issue('Start date', id, 'neither the actual nor the planned start is recorded');
  if (found.dates.end === null) issue('End date', id, 'neither the actual nor the planned end is recorded');
  if (found.dates.basis === 'planned' || found.dates.basis === 'mixed') {
    issue('Dates', id, 'the sheet shows a planned date where the actual one is not recorded; SEGIB asks for the actual dates');
  }
  if (!fp.approvedOn)
    issue(
      'Approval date',
      id,
      'the program was not approved in Mitra (entered or imported at a later stage), so neither its approval date nor the days from approval to start (efficiency) are known',
    );
  if (found.budget.gap) issue('Budgeted cost (USD)', id, `Indonesia’s budgeted cost: ${found.budget.gap}`);
  for (const m of fp.spent.missingRates) {
    issue(
      'Executed cost (USD)',
      id,
      `${m.transactions} transaction(s) in ${m.currency} have no exchange rate and are not in the executed cost`,
    );
  }
}

/** Gaps of every program alike: fields Mitra's records never hold. */
function addOutputIssues(issue: Issue, hasPartners: boolean): void {
  issue(
    'Executed cost (USD)',
    null,
    'recipients’ own costs are not recorded in Mitra, so the burden shared with recipients cannot be given',
  );
  if (hasPartners)
    issue(
      'Executed cost (USD)',
      null,
      'second providers’ executed costs are not recorded; their recorded contributions are shown as budgeted cost',
    );
}
