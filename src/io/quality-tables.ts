/**
 * A year's data-quality scorecard as tables, for the API's CSV and XLSX downloads and the CLI's
 * `--out`: one row per agency (scores per dimension and each rule's passed/applicable counts),
 * the rules, and the programs with the most to fix. The CSV holds the first table.
 */
import { qualityDimensions, type QualityDimension } from '../domain/quality/rules.js';
import type { DimensionScore, QualityScorecard, Scorecard } from '../domain/quality/scorecard.js';
import type { TableFile } from './table-file.js';

type Lang = 'en' | 'id';

const HEADINGS = {
  en: {
    scorecard: 'Data quality by agency',
    rules: 'Rules',
    toFix: 'Most to fix',
    agency: 'Agency',
    name: 'Name',
    programs: 'Programs',
    withFindings: 'Programs with findings',
    withRequired: 'Programs with required fixes',
    score: 'Score (0–100)',
    passed: 'passed',
    applicable: 'applicable',
    all: 'All agencies',
    none: '(no agency)',
    rule: 'Rule',
    label: 'Label',
    dimension: 'Dimension',
    severity: 'Severity',
    weight: 'Weight',
    identifier: 'Identifier',
    title: 'Title',
    lost: 'Weight lost',
    findings: 'Findings',
  },
  id: {
    scorecard: 'Kualitas data per K/L',
    rules: 'Aturan',
    toFix: 'Paling perlu diperbaiki',
    agency: 'K/L',
    name: 'Nama',
    programs: 'Kegiatan',
    withFindings: 'Kegiatan dengan temuan',
    withRequired: 'Kegiatan dengan perbaikan wajib',
    score: 'Skor (0–100)',
    passed: 'lolos',
    applicable: 'berlaku',
    all: 'Semua K/L',
    none: '(tanpa K/L)',
    rule: 'Aturan',
    label: 'Label',
    dimension: 'Dimensi',
    severity: 'Tingkat',
    weight: 'Bobot',
    identifier: 'Identifikasi',
    title: 'Judul',
    lost: 'Bobot hilang',
    findings: 'Temuan',
  },
} as const;

const dimScore = (dims: readonly DimensionScore[], d: QualityDimension) => dims.find((x) => x.dimension === d)?.score ?? null;

function agencyRow(code: string, name: string, card: Scorecard): (string | number | null)[] {
  return [
    code,
    name,
    card.programs,
    card.programsWithFindings,
    card.programsWithRequiredFindings,
    card.score,
    ...qualityDimensions.codes.map((d) => dimScore(card.dimensions, d)),
    ...card.rules.flatMap((r) => [r.passed, r.applicable]),
  ];
}

export function qualityScorecardTables(report: QualityScorecard, lang: Lang): TableFile[] {
  const h = HEADINGS[lang];
  const rules = report.total.rules;
  const scorecard: TableFile = {
    title: `${h.scorecard} ${report.year}`,
    columns: [
      h.agency,
      h.name,
      h.programs,
      h.withFindings,
      h.withRequired,
      h.score,
      ...qualityDimensions.codes.map((d) => qualityDimensions.label(d, lang)),
      ...rules.flatMap((r) => [`${r.rule} ${h.passed}`, `${r.rule} ${h.applicable}`]),
    ],
    rows: [
      ...report.agencies.map((a) =>
        agencyRow(a.implementingOrg ?? '', a.implementingOrg ? ((lang === 'id' ? a.nameId : null) ?? a.nameEn ?? '') : h.none, a),
      ),
      agencyRow('', h.all, report.total),
    ],
  };
  const ruleTable: TableFile = {
    title: h.rules,
    columns: [h.rule, h.label, h.dimension, h.severity, h.weight, h.applicable, h.passed],
    rows: rules.map((r) => [r.rule, lang === 'id' ? r.labelId : r.labelEn, r.dimension, r.severity, r.weight, r.applicable, r.passed]),
  };
  const toFix: TableFile = {
    title: h.toFix,
    columns: [h.agency, h.identifier, h.title, h.score, h.lost, h.findings],
    rows: report.agencies.flatMap((a) =>
      a.mostToFix.map((p) => [
        a.implementingOrg ?? '',
        p.identifier,
        (lang === 'id' ? (p.titleId ?? p.titleEn) : (p.titleEn ?? p.titleId)) ?? '',
        p.score,
        p.lostWeight,
        p.findings,
      ]),
    ),
  };
  return [scorecard, ruleTable, toFix];
}
