/**
 * The two follow-up surveys every deployment starts with (6 and 12 months after a program's
 * end; domain/alumni/survey.ts DEFAULT_SURVEYS). A frozen copy: later changes of the defaults
 * come as new migrations, and the coordination team edits its surveys in the app. Idempotent.
 */
import { sql, type Kysely } from 'kysely';

const q = (id: string, kind: string, labelEn: string, labelId: string, required: boolean, measure: string | null) => ({
  id,
  kind,
  labelEn,
  labelId,
  required,
  measure,
});

export const DEFAULT_SURVEY_ROWS = [6, 12].map((months) => ({
  code: `followup_${months}m`,
  name_en: `Follow-up after ${months} months`,
  name_id: `Tindak lanjut setelah ${months} bulan`,
  months_after: months,
  questions: [
    q(
      'knowledge_applied',
      'yes_no',
      'Have you applied the knowledge from the program in your work?',
      'Apakah Anda telah menerapkan pengetahuan dari program ini dalam pekerjaan Anda?',
      true,
      'knowledge_applied',
    ),
    q(
      'position_change',
      'yes_no',
      'Has your position changed since the program?',
      'Apakah jabatan Anda berubah sejak program ini?',
      true,
      'position_change',
    ),
    q(
      'still_in_contact',
      'yes_no',
      'Are you still in contact with the Indonesian counterparts or other participants?',
      'Apakah Anda masih berhubungan dengan mitra Indonesia atau peserta lainnya?',
      true,
      'still_in_contact',
    ),
    q(
      'usefulness',
      'scale_1_5',
      'How useful was the program for your work? (1 = not useful, 5 = very useful)',
      'Seberapa bermanfaat program ini bagi pekerjaan Anda? (1 = tidak bermanfaat, 5 = sangat bermanfaat)',
      true,
      null,
    ),
    q('comment', 'text', 'Any other comment (optional)', 'Komentar lain (opsional)', false, null),
  ],
}));

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  for (const s of DEFAULT_SURVEY_ROWS) {
    const exists = await sql<{ n: number }>`select count(*) as n from surveys where code = ${s.code}`.execute(db);
    if (Number(exists.rows[0]?.n ?? 0) > 0) continue;
    await sql`insert into surveys (code, name_en, name_id, months_after, questions, active, created_at, updated_at)
      values (${s.code}, ${s.name_en}, ${s.name_id}, ${s.months_after}, ${JSON.stringify(s.questions)}, 1, ${now}, ${now})`.execute(db);
  }
}
