/**
 * The annual report and the IATI activity file as outputs of an edition's bundle
 * (docs/bundle.md): what each carries of the headline totals, and the rule behind each
 * difference from the ledger (the frozen programs' own totals).
 *
 * - The report's figures are the edition's (the frozen AnnualSummary). Its spending converts each
 *   group of transactions with the same currency and rates once (convertSpending), where the
 *   ledger converts program by program: the totals may differ by rounding, at most half a cent
 *   per conversion on either side. A larger difference is not explained.
 * - IATI requires an activity date: a program with no date at all is left out of the file
 *   (services/iati-export.ts). IATI carries no participant count and no in-kind estimate.
 */
import type { Sex } from '../codes.js';
import { sexes } from '../codes.js';
import type { AnnualSummary } from '../report/summary.js';
import type { ProgramAchievements } from '../report/achievements.js';
import type { ProgramLine, SendingExtras } from '../report/tables.js';
import { carriedTotals, exclusionsOf, HeadlineTally } from './headline-tally.js';
import type { BundleContext, ChecklistItem, Exclusion, FrozenProgram, OutputTotals } from './types.js';

/** What the report shows of a frozen program in the list of the year's programs. */
function programLine(p: FrozenProgram, context: BundleContext): ProgramLine {
  const a = p.program;
  const agency = a.implementingOrg ? context.organisations.get(a.implementingOrg) : undefined;
  return {
    identifier: a.identifier,
    titleEn: a.titleEn,
    titleId: a.titleId,
    agencyEn: agency?.nameEn ?? a.implementingOrg,
    agencyId: agency ? (agency.nameId ?? agency.nameEn) : a.implementingOrg,
    recipients: a.recipients.map((r) => r.country),
    modality: a.modality,
    start: a.actualStart ?? a.plannedStart,
    end: a.actualEnd ?? a.plannedEnd,
    participants: p.participants,
    spentUsdMinor: p.spent.usdMinor,
  };
}

/** A frozen program's achievements (docs/results.md): its framework as frozen, participants as the report counted them. */
export function frozenAchievements(p: FrozenProgram): ProgramAchievements {
  const a = p.program;
  return {
    identifier: a.identifier,
    titleEn: a.titleEn,
    titleId: a.titleId,
    results: p.results ?? [],
    participants: {
      start: a.actualStart ?? a.plannedStart,
      end: a.actualEnd ?? a.plannedEnd ?? a.actualStart ?? a.plannedStart,
      planned: a.participantsPlanned,
      attended: p.participantsSource === 'records' ? p.participants : null,
    },
  };
}

/** Orders the list as the paper's table does: by start date, then title. */
const byStart = (a: ProgramLine, b: ProgramLine) =>
  (a.start ?? '9999').localeCompare(b.start ?? '9999') || (a.titleEn ?? a.identifier).localeCompare(b.titleEn ?? b.identifier);

/** Gathers the report's extras (program list, participants by sex, in-kind) and its reconciliation. */
export class ReportOutput {
  private readonly lines: ProgramLine[] = [];
  private readonly achievements: ProgramAchievements[] = [];
  private readonly bySex: Record<Sex | 'unrecorded', number> = { F: 0, M: 0, X: 0, unrecorded: 0 };
  private inKindUsdMinor = 0;
  private ledgerUsd = 0;
  private ledgerIdr = 0;
  private conversions = 0;
  private readonly checklist: ChecklistItem[] = [];

  constructor(
    private readonly context: BundleContext,
    private readonly summary: AnnualSummary,
  ) {}

  add(page: readonly FrozenProgram[]): void {
    for (const p of page) {
      this.lines.push(programLine(p, this.context));
      this.achievements.push(frozenAchievements(p));
      for (const s of sexes.codes) this.bySex[s] += p.participantsBySex[s];
      this.bySex.unrecorded += p.participantsBySex.unrecorded;
      this.inKindUsdMinor += p.inKind?.usdMinor ?? 0;
      this.ledgerUsd += p.spent.usdMinor;
      this.ledgerIdr += p.spent.idrMinor;
      // Each program's conversion rounds once per currency and rate pair.
      this.conversions += new Set(p.program.transactions.map((t) => t.currency)).size;
      if (p.inKindGap)
        this.checklist.push({ output: 'report', field: 'in-kind estimate', identifier: p.program.identifier, message: p.inKindGap });
      if (!p.program.titleId)
        this.checklist.push({
          output: 'report',
          field: 'title (Indonesian)',
          identifier: p.program.identifier,
          message: 'no Indonesian title: the Indonesian report shows the English one',
        });
    }
  }

  extras(): SendingExtras {
    return {
      programs: [...this.lines].sort(byStart),
      bySex: { ...this.bySex },
      inKindUsdMinor: this.inKindUsdMinor,
      achievements: [...this.achievements],
    };
  }

  finish(): { totals: OutputTotals; checklist: ChecklistItem[] } {
    const s = this.summary;
    const exclusions: Exclusion[] = [];
    // Rounding: the summary rounds once per currency-and-rates group, the ledger once per program and currency.
    const bound = Math.ceil((this.conversions + s.spending.byCurrency.length + s.spending.missingRates.length) / 2) + 1;
    const rounding = { usdMinor: this.ledgerUsd - s.spending.usdMinor, idrMinor: this.ledgerIdr - s.spending.idrMinor };
    if (
      (rounding.usdMinor !== 0 || rounding.idrMinor !== 0) &&
      Math.abs(rounding.usdMinor) <= bound &&
      Math.abs(rounding.idrMinor) <= bound
    )
      exclusions.push({
        rule: 'conversion_rounding',
        explanation: `The report converts each group of transactions with the same currency and exchange rates once; the ledger converts program by program. Each conversion rounds to the cent, so the totals may differ by at most half a cent per conversion (here at most ${bound} hundredths).`,
        amounts: rounding,
      });
    return {
      totals: {
        output: 'report',
        totals: {
          programs: s.programs,
          countries: s.countries,
          participants: s.participants,
          usdMinor: s.spending.usdMinor,
          idrMinor: s.spending.idrMinor,
          inKindUsdMinor: this.inKindUsdMinor,
        },
        exclusions,
      },
      checklist: this.checklist,
    };
  }
}

/** What the IATI activity file carries: programs, countries and the spending of its transactions (converted as the ledger does). */
const IATI_CARRIES = ['programs', 'countries', 'usdMinor', 'idrMinor'] as const;

/** The IATI activity file's share of the headline totals: the programs with an activity date. */
export class IatiTotals {
  private readonly included = new HeadlineTally();
  private readonly undated = new HeadlineTally();
  private readonly checklist: ChecklistItem[] = [];

  add(page: readonly FrozenProgram[]): void {
    for (const p of page) {
      const a = p.program;
      const dated = Boolean(a.plannedStart || a.actualStart || a.plannedEnd || a.actualEnd);
      (dated ? this.included : this.undated).add(p);
      if (!dated)
        this.checklist.push({
          output: 'iati',
          field: 'activity-date',
          identifier: a.identifier,
          message: 'no planned or actual date: IATI requires one, so the program is not in the activity file',
        });
      else if (!a.sectors.some((s) => s.vocabulary === '1' || s.vocabulary === '2'))
        this.checklist.push({
          output: 'iati',
          field: 'sector',
          identifier: a.identifier,
          message: 'no DAC sector: the IATI rules ask for one (6.2.2)',
        });
    }
  }

  finish(): { totals: OutputTotals; checklist: ChecklistItem[] } {
    const rules = [
      {
        rule: 'iati_no_activity_date',
        explanation:
          'IATI requires at least one activity-date (IATI Standard 2.03, iati-activity/activity-date): programs with no planned or actual date are left out of the activity file.',
        tally: this.undated,
      },
    ];
    return {
      totals: {
        output: 'iati',
        totals: carriedTotals(this.included, IATI_CARRIES),
        exclusions: exclusionsOf(this.included, rules, IATI_CARRIES),
      },
      checklist: this.checklist,
    };
  }
}
