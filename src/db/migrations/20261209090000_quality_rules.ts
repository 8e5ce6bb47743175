/**
 * Data-quality rules as data (issue 23): one row a rule, of a kind the evaluator knows
 * (domain/quality/rules.ts) with its params as JSON, a dimension, a severity, a weight and a
 * switch, and the default set derived from the record model (docs/data-quality.md). The seed is
 * written out here, not imported, so that this migration stays what it was when it ran.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

type Seed = readonly [
  code: string,
  kind: string,
  dimension: 'completeness' | 'timeliness' | 'consistency',
  severity: 'required' | 'recommended',
  weight: number,
  params: Record<string, unknown>,
  labelEn: string,
  labelId: string,
];

const FROM_APPROVED = ['approved', 'funded', 'implementation', 'completed', 'evaluated'];
const FROM_FUNDED = ['funded', 'implementation', 'completed', 'evaluated'];
const FROM_IMPLEMENTATION = ['implementation', 'completed', 'evaluated'];
const DONE = ['completed', 'evaluated'];
const OPEN = ['request', 'assessment', 'approved', 'funded', 'implementation'];
/** Modalities with participants (an expert dispatch sends experts; an equipment grant sends goods). */
const WITH_PARTICIPANTS = ['training', 'seminar', 'workshop', 'internship', 'study_visit', 'scholarship', 'knowledge_sharing'];

const SEED: readonly Seed[] = [
  ['title', 'field_present', 'completeness', 'required', 3, { field: 'title' }, 'Title recorded', 'Judul tercatat'],
  [
    'implementing_org',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'implementing_org' },
    'Implementing agency recorded',
    'K/L pelaksana tercatat',
  ],
  ['modality', 'field_present', 'completeness', 'required', 2, { field: 'modality' }, 'Modality recorded', 'Bentuk kegiatan tercatat'],
  [
    'recipients',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'recipients' },
    'Recipient countries recorded',
    'Negara penerima tercatat',
  ],
  [
    'flagship_area',
    'field_present',
    'completeness',
    'recommended',
    1,
    { field: 'flagship_area' },
    'Flagship area recorded',
    'Bidang unggulan tercatat',
  ],
  [
    'description',
    'field_present',
    'completeness',
    'recommended',
    1,
    { field: 'description' },
    'Description recorded',
    'Deskripsi tercatat',
  ],
  ['sectors', 'field_present', 'completeness', 'recommended', 1, { field: 'sectors' }, 'Sectors recorded', 'Sektor tercatat'],
  ['sdgs', 'field_present', 'completeness', 'recommended', 1, { field: 'sdgs' }, 'SDG targets tagged', 'Target TPB/SDG ditandai'],
  [
    'title_both_languages',
    'field_present',
    'completeness',
    'recommended',
    1,
    { field: 'title_both_languages', stages: FROM_APPROVED },
    'Title in both languages (from approval)',
    'Judul dalam dua bahasa (sejak disetujui)',
  ],
  [
    'planned_dates',
    'field_present',
    'completeness',
    'required',
    2,
    { field: 'planned_dates', stages: FROM_APPROVED },
    'Planned dates (from approval)',
    'Tanggal rencana (sejak disetujui)',
  ],
  [
    'venue',
    'field_present',
    'completeness',
    'recommended',
    1,
    { field: 'venue', stages: FROM_APPROVED },
    'Venue (from approval)',
    'Tempat (sejak disetujui)',
  ],
  [
    'participants_planned',
    'field_present',
    'completeness',
    'recommended',
    1,
    { field: 'participants_planned', stages: FROM_APPROVED, modalities: WITH_PARTICIPANTS },
    'Planned participants (from approval)',
    'Rencana jumlah peserta (sejak disetujui)',
  ],
  [
    'funding_source',
    'field_present',
    'completeness',
    'required',
    2,
    { field: 'funding_source', stages: FROM_FUNDED },
    'Funding source (from funding)',
    'Sumber dana (sejak didanai)',
  ],
  [
    'budget',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'budget', stages: FROM_FUNDED },
    'Budget (from funding)',
    'Anggaran (sejak didanai)',
  ],
  [
    'actual_start',
    'field_present',
    'completeness',
    'required',
    2,
    { field: 'actual_start', stages: FROM_IMPLEMENTATION },
    'Actual start (from implementation)',
    'Tanggal mulai sebenarnya (sejak pelaksanaan)',
  ],
  [
    'actual_end',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'actual_end', stages: DONE },
    'Actual end (once completed)',
    'Tanggal selesai sebenarnya (setelah selesai)',
  ],
  [
    'spending',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'spending', stages: DONE },
    'Spending (once completed)',
    'Realisasi anggaran (setelah selesai)',
  ],
  [
    'participants',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'participants', stages: DONE, modalities: WITH_PARTICIPANTS },
    'Participants (once completed)',
    'Peserta (setelah selesai)',
  ],
  [
    'triangular_partners',
    'field_present',
    'completeness',
    'required',
    3,
    { field: 'partners', cooperationTypes: ['triangular'] },
    'Partners of a triangular program',
    'Mitra kerja sama triangular',
  ],
  [
    'completion_on_time',
    'days_between',
    'timeliness',
    'required',
    3,
    { from: 'end', to: 'completed', maxDays: 60 },
    'Completion recorded within 60 days of the end',
    'Penyelesaian dicatat dalam 60 hari setelah berakhir',
  ],
  [
    'evaluation_on_time',
    'days_between',
    'timeliness',
    'recommended',
    1,
    { from: 'end', to: 'evaluated', maxDays: 180 },
    'Evaluation recorded within 180 days of the end',
    'Evaluasi dicatat dalam 180 hari setelah berakhir',
  ],
  [
    'dates_in_order',
    'dates_in_order',
    'consistency',
    'required',
    3,
    {},
    'End not before start',
    'Tanggal selesai tidak sebelum tanggal mulai',
  ],
  [
    'spending_after_end',
    'spending_after_end',
    'consistency',
    'required',
    2,
    { graceDays: 90 },
    'No spending more than 90 days after the end',
    'Tidak ada realisasi lebih dari 90 hari setelah berakhir',
  ],
  [
    'participants_sex',
    'participants_sex_missing',
    'consistency',
    'required',
    2,
    { maxSharePercent: 0 },
    'Sex recorded for every participant',
    'Jenis kelamin setiap peserta tercatat',
  ],
  [
    'stage_not_stale',
    'stage_stale',
    'consistency',
    'recommended',
    1,
    { months: 6, stages: OPEN },
    'Stage moved in the last 6 months',
    'Tahap bergerak dalam 6 bulan terakhir',
  ],
  [
    'exchange_rates',
    'budget_without_rate',
    'consistency',
    'required',
    2,
    { amounts: ['budgets', 'spending'] },
    'Exchange rates for budgets and spending',
    'Kurs untuk anggaran dan realisasi',
  ],
  [
    'participant_totals',
    'participant_totals_mismatch',
    'consistency',
    'recommended',
    2,
    { tolerancePercent: 10, stages: DONE },
    'Recorded participants match the stated number (±10%)',
    'Peserta tercatat sesuai jumlah yang dinyatakan (±10%)',
  ],
];

export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('quality_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    // field_present, days_between, spending_after_end, … (domain/quality/rules.ts RULE_PARAMS)
    .addColumn('kind', 'text', (c) => c.notNull())
    // completeness, timeliness, consistency
    .addColumn('dimension', 'text', (c) => c.notNull())
    // required, recommended
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // JSON: the kind's params (the field, stages, days, months…).
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  const at = '2026-12-09T09:00:00.000Z';
  for (const [i, [code, kind, dimension, severity, weight, params, labelEn, labelId]] of SEED.entries()) {
    await sql`insert into quality_rules (code, kind, dimension, severity, weight, enabled, params, label_en, label_id, sort_order, updated_at)
      values (${code}, ${kind}, ${dimension}, ${severity}, ${weight}, 1, ${JSON.stringify(params)}, ${labelEn}, ${labelId}, ${(i + 1) * 10}, ${at})`.execute(
      db,
    );
  }
}
