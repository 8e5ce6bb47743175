/**
 * Evaluates the enabled quality rules on one program. Each rule either does not apply (the
 * program is outside its stages, modalities or cooperation types, or the rule has nothing to
 * measure yet), passes, or fails with a finding: the field and what to fix, in English and
 * Indonesian. Pure: the day is given.
 */
import { lifecycleStages } from '../codes.js';
import { addDays, daysBetween } from '../dates.js';
import { endDateOf, startDateOf, type QualityProgram } from './facts.js';
import { FIELD_PRESENT, qualityFields } from './fields.js';
import {
  DEFAULT_RULE_STAGES,
  type QualityDimension,
  type QualityRule,
  type QualitySeverity,
  type RuleDefinition,
  type RuleKind,
  type RuleParams,
} from './rules.js';

/** What to fix, in both languages, and the field (or topic) it is about. */
export interface Fix {
  readonly field: string;
  readonly en: string;
  readonly id: string;
}

export interface QualityFinding extends Fix {
  readonly rule: string;
  readonly dimension: QualityDimension;
  readonly severity: QualitySeverity;
  readonly weight: number;
  readonly labelEn: string;
  readonly labelId: string;
}

/** One applicable rule's result on one program. */
export interface QualityCheck {
  readonly rule: QualityRule;
  /** The finding when the check failed, else null. */
  readonly finding: QualityFinding | null;
}

/** null: does not apply; true: passes; a Fix: fails. */
type Outcome = null | true | Fix;
type Check<K extends RuleKind> = (params: RuleParams<K>, p: QualityProgram, today: string) => Outcome;

const dayOf = (instant: string): string => instant.slice(0, 10);

/** The day `months` calendar months after `day` (clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]; // a YYYY-MM-DD day
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const stageLabel = (stage: QualityProgram['lifecycleStage'], lang: 'en' | 'id') => lifecycleStages.label(stage, lang);

const fieldPresent: Check<'field_present'> = ({ field }, p) => {
  if (FIELD_PRESENT[field](p)) return true;
  const label = qualityFields.labels[field];
  return { field, en: `Record the ${label.en}.`, id: `Lengkapi ${label.id}.` };
};

/** Stages at or after `to` in the process (evaluated comes after completed). */
const REACHED: Readonly<Record<'completed' | 'evaluated', readonly string[]>> = {
  completed: ['completed', 'evaluated'],
  evaluated: ['evaluated'],
};

const daysBetweenCheck: Check<'days_between'> = ({ from, to, maxDays, undated }, p, today) => {
  const end = from === 'planned_end' ? p.plannedEnd : endDateOf(p);
  if (!end || end > today) return null;
  const field = `stage:${to}`;
  const reached = p.reachedAt[to];
  const toEn = stageLabel(to, 'en').toLowerCase();
  const toId = stageLabel(to, 'id').toLowerCase();
  if (reached) {
    const days = daysBetween(end, dayOf(reached));
    if (days <= maxDays) return true;
    return {
      field,
      en: `The program was recorded as ${toEn} ${days} days after it ended (${end}); the limit is ${maxDays} days.`,
      id: `Kegiatan dicatat ${toId} ${days} hari setelah berakhir (${end}); batasnya ${maxDays} hari.`,
    };
  }
  if (REACHED[to].includes(p.lifecycleStage)) {
    if (undated !== 'fail') return null;
    return {
      field,
      en: `The program is ${stageLabel(p.lifecycleStage, 'en').toLowerCase()} but the day it became ${toEn} is not recorded: move it through the process rather than entering the stage.`,
      id: `Kegiatan berstatus ${stageLabel(p.lifecycleStage, 'id').toLowerCase()} tetapi tanggal menjadi ${toId} tidak tercatat: gunakan alur proses, bukan mengisi tahapnya langsung.`,
    };
  }
  const elapsed = daysBetween(end, today);
  if (elapsed <= maxDays) return null;
  return {
    field,
    en: `The program ended on ${end}, ${elapsed} days ago, and is not yet recorded as ${toEn} (limit ${maxDays} days): record it.`,
    id: `Kegiatan berakhir pada ${end}, ${elapsed} hari yang lalu, dan belum dicatat ${toId} (batas ${maxDays} hari): catat sekarang.`,
  };
};

const spendingAfterEnd: Check<'spending_after_end'> = ({ graceDays }, p) => {
  const end = endDateOf(p);
  if (!end || !p.lastSpendingDate) return null;
  if (p.lastSpendingDate <= addDays(end, graceDays)) return true;
  return {
    field: 'transactions',
    en: `Spending is dated ${p.lastSpendingDate}, more than ${graceDays} days after the end (${end}): check the transaction dates or the end date.`,
    id: `Realisasi bertanggal ${p.lastSpendingDate}, lebih dari ${graceDays} hari setelah kegiatan berakhir (${end}): periksa tanggal transaksi atau tanggal selesai.`,
  };
};

const participantsSexMissing: Check<'participants_sex_missing'> = ({ maxSharePercent }, p) => {
  if (p.participants === 0) return null;
  // Compared in whole numbers: unknown / participants > max% without rounding.
  if (p.participantsSexUnknown * 100 <= maxSharePercent * p.participants) return true;
  return {
    field: 'participants.sex',
    en: `${p.participantsSexUnknown} of ${p.participants} participants have no sex recorded: record female or male.`,
    id: `${p.participantsSexUnknown} dari ${p.participants} peserta belum tercatat jenis kelaminnya: isi perempuan atau laki-laki.`,
  };
};

const stageStale: Check<'stage_stale'> = ({ months }, p, today) => {
  const since = dayOf(p.lastTransitionAt ?? p.createdAt);
  if (addMonths(since, months) > today) return true;
  return {
    field: 'lifecycleStage',
    en: `The program has been in stage "${stageLabel(p.lifecycleStage, 'en')}" since ${since}, ${months} months or more: move it on, or cancel it.`,
    id: `Kegiatan berada pada tahap "${stageLabel(p.lifecycleStage, 'id')}" sejak ${since}, ${months} bulan atau lebih: lanjutkan tahapnya, atau batalkan.`,
  };
};

const budgetWithoutRate: Check<'budget_without_rate'> = ({ amounts }, p) => {
  const applies = (amounts.includes('budgets') && p.budgets > 0) || (amounts.includes('spending') && p.spendingTransactions > 0);
  if (!applies) return null;
  const missing = new Set([
    ...(amounts.includes('budgets') ? p.budgetCurrenciesWithoutRate : []),
    ...(amounts.includes('spending') ? p.spendingCurrenciesWithoutRate : []),
  ]);
  if (missing.size === 0) return true;
  const list = [...missing].sort().join(', ');
  return {
    field: 'exchangeRates',
    en: `No exchange rate for ${list} on or before the day of the amounts: add the rates, or the reports cannot convert them.`,
    id: `Tidak ada kurs untuk ${list} pada atau sebelum tanggal nilai tersebut: tambahkan kursnya, agar laporan dapat mengonversinya.`,
  };
};

const participantTotalsMismatch: Check<'participant_totals_mismatch'> = ({ tolerancePercent }, p) => {
  const stated = p.participantsPlanned;
  if (stated === null || stated === 0) return null;
  if (Math.abs(p.participants - stated) * 100 <= tolerancePercent * stated) return true;
  return {
    field: 'participants',
    en: `${p.participants} participants are recorded against ${stated} stated (more than ${tolerancePercent}% apart): record the participants or correct the stated number.`,
    id: `${p.participants} peserta tercatat dibandingkan ${stated} yang dinyatakan (selisih lebih dari ${tolerancePercent}%): catat pesertanya atau perbaiki jumlah yang dinyatakan.`,
  };
};

const datesInOrder: Check<'dates_in_order'> = (_params, p) => {
  const start = startDateOf(p);
  const end = endDateOf(p);
  if (!start || !end) return null;
  if (start <= end) return true;
  return {
    field: 'dates',
    en: `The end (${end}) is before the start (${start}): correct the dates.`,
    id: `Tanggal selesai (${end}) sebelum tanggal mulai (${start}): perbaiki tanggalnya.`,
  };
};

const CHECKS: { readonly [K in RuleKind]: Check<K> } = {
  field_present: fieldPresent,
  days_between: daysBetweenCheck,
  spending_after_end: spendingAfterEnd,
  participants_sex_missing: participantsSexMissing,
  stage_stale: stageStale,
  budget_without_rate: budgetWithoutRate,
  participant_totals_mismatch: participantTotalsMismatch,
  dates_in_order: datesInOrder,
};

function inScope(definition: RuleDefinition, p: QualityProgram): boolean {
  const { stages, modalities, cooperationTypes } = definition.params;
  if (!(stages ?? DEFAULT_RULE_STAGES).includes(p.lifecycleStage)) return false;
  if (modalities && (p.modality === null || !modalities.includes(p.modality))) return false;
  return !cooperationTypes || cooperationTypes.includes(p.cooperationType);
}

function outcome(definition: RuleDefinition, p: QualityProgram, today: string): Outcome {
  if (!inScope(definition, p)) return null;
  // The kind chose the check and its params together (RuleDefinition), so they match.
  const check = CHECKS[definition.kind] as Check<RuleKind>;
  return check(definition.params as RuleParams<RuleKind>, p, today);
}

/** The checks of the enabled rules that apply to the program, in the rules' order. `today` is a YYYY-MM-DD day. */
export function evaluateProgram(rules: readonly QualityRule[], p: QualityProgram, today: string): QualityCheck[] {
  const checks: QualityCheck[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const result = outcome(rule.definition, p, today);
    if (result === null) continue;
    const finding =
      result === true
        ? null
        : {
            rule: rule.code,
            dimension: rule.dimension,
            severity: rule.severity,
            weight: rule.weight,
            labelEn: rule.labelEn,
            labelId: rule.labelId,
            ...result,
          };
    checks.push({ rule, finding });
  }
  return checks;
}
