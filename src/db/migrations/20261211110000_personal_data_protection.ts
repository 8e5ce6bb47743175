/**
 * Personal data protection (UU PDP, UU No. 27/2022; docs/privacy.md): the retention rules per
 * category of personal data (months after the program ends; seeded switched off, so that an
 * upgrade deletes nothing before an administrator has reviewed them) and the breach log with
 * its notification times (Art. 46: 3 × 24 hours).
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

/** category, months after the program's end, label (en), label (id) — the defaults an administrator edits. */
const RULES: readonly (readonly [string, number, string, string])[] = [
  ['cv', 12, 'CVs uploaded with nominations', 'CV yang diunggah bersama nominasi'],
  ['letter', 12, 'Nomination letters', 'Surat nominasi'],
  ['mail', 24, 'Mail sent to the person', 'Surat yang dikirim kepada orang tersebut'],
  ['survey_text', 36, 'Free-text survey answers', 'Jawaban survei berupa teks bebas'],
  ['contact', 60, 'Contact details (email, phone)', 'Data kontak (surel, telepon)'],
  [
    'identity',
    120,
    'Name, position and organisation (the whole record is erased; counts stay)',
    'Nama, jabatan dan instansi (seluruh catatan dihapus; jumlah tetap)',
  ],
];

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  const id = engine === 'postgres' ? 'serial' : 'integer';
  const idColumn = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema
    .createTable('retention_rules')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('months', 'integer', (c) => c.notNull().check(sql`months >= 0`))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const at = '2026-12-11T11:00:00.000Z';
  for (const [i, [category, months, labelEn, labelId]] of RULES.entries()) {
    await sql`insert into retention_rules (category, months, enabled, label_en, label_id, sort_order, updated_at, version)
      values (${category}, ${months}, 0, ${labelEn}, ${labelId}, ${(i + 1) * 10}, ${at}, 1)`.execute(db);
  }
  await db.schema
    .createTable('data_breaches')
    .addColumn('id', id, idColumn)
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON: the categories of personal data affected (domain/personal-data/categories.ts).
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('records_affected', 'integer')
    .addColumn('persons_affected', 'integer', (c) => c.notNull())
    .addColumn('measures', 'text')
    .addColumn('subjects_notified_at', 'text')
    .addColumn('authority_notified_at', 'text')
    .addColumn('notification_note', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
