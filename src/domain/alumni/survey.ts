/**
 * Follow-up surveys of alumni (docs/participants.md, "Alumni and surveys"): the questions a
 * survey asks, the check of one alumnus' answers, the two default surveys (6 and 12 months after
 * the program) and the aggregates per program and wave. The answers hold no personal data except
 * free-text comments, which an erasure drops (services/privacy.ts).
 */
import { z } from 'zod';
import { InvalidError, type FieldIssue } from '../errors.js';
import { isPlainObject } from '../guards.js';

export const QUESTION_KINDS = ['yes_no', 'scale_1_5', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The three standard aggregates of the issue: each is a yes/no question tagged with its measure. */
export const SURVEY_MEASURES = ['knowledge_applied', 'position_change', 'still_in_contact'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];

/** Limits shared by the server and the survey form. */
export const SURVEY_LIMITS = { questions: 50, label: 500, options: 20, text: 2000, monthsAfter: 60 } as const;

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const label = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(SURVEY_LIMITS.label, { message: `must be at most ${SURVEY_LIMITS.label} characters` });

export const surveyOptionSchema = z.strictObject({
  value: z.string().regex(ID, { message: 'must be a short code: lower-case letters, digits and _' }),
  labelEn: label,
  labelId: label,
});

export const surveyQuestionSchema = z
  .strictObject({
    id: z.string().regex(ID, { message: 'must be a short code: a lower-case letter, then letters, digits or _ (at most 40)' }),
    kind: z.enum(QUESTION_KINDS),
    labelEn: label,
    labelId: label,
    options: z.array(surveyOptionSchema).max(SURVEY_LIMITS.options).optional(),
    required: z.boolean().default(false),
    measure: z.enum(SURVEY_MEASURES).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'choice') {
      if (!q.options || q.options.length < 2)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least two options' });
      const values = (q.options ?? []).map((o) => o.value);
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice) ctx.addIssue({ code: 'custom', path: ['options'], message: `option "${twice}" appears twice` });
    } else if (q.options && q.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    }
    if (q.measure && q.kind !== 'yes_no')
      ctx.addIssue({ code: 'custom', path: ['measure'], message: `the measure ${q.measure} is counted from a yes/no question` });
  });
export type SurveyQuestion = z.output<typeof surveyQuestionSchema>;

export const surveyDefinitionSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be a short code such as followup_6m' }),
    nameEn: label,
    nameId: label,
    monthsAfter: z
      .number()
      .int()
      .min(1)
      .max(SURVEY_LIMITS.monthsAfter, { message: `must be 1 to ${SURVEY_LIMITS.monthsAfter} months` }),
    active: z.boolean().default(true),
    questions: z.array(surveyQuestionSchema).min(1, { message: 'a survey needs at least one question' }).max(SURVEY_LIMITS.questions),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `question id "${q.id}" is already used by question ${(seen.get(q.id) ?? 0) + 1}`,
        });
      seen.set(q.id, i);
    });
    const measured = new Map<string, number>();
    s.questions.forEach((q, i) => {
      if (!q.measure) return;
      if (measured.has(q.measure))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'measure'],
          message: `the measure ${q.measure} is already on question ${(measured.get(q.measure) ?? 0) + 1}`,
        });
      measured.set(q.measure, i);
    });
  });
export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

/** One alumnus' answers: question id → yes/no, 1–5, an option value or text. */
export type SurveyAnswer = boolean | number | string;
export type SurveyAnswers = Readonly<Record<string, SurveyAnswer>>;

/** A survey's questions as stored (JSON of definitions surveyDefinitionSchema accepted). */
export const storedQuestionsSchema = z.array(surveyQuestionSchema);
/** One alumnus' answers as stored (JSON of answers validateAnswers accepted). */
export const storedAnswersSchema = z.record(z.string(), z.union([z.boolean(), z.number(), z.string()]));

/** The answer when it is of its question's kind, else what is wrong with it. */
function checkAnswer(q: SurveyQuestion, value: unknown): { answer: SurveyAnswer } | { problem: string } {
  switch (q.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? { answer: value } : { problem: 'answer yes (true) or no (false)' };
    case 'scale_1_5':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? { answer: value }
        : { problem: 'answer a whole number from 1 to 5' };
    case 'choice':
      return typeof value === 'string' && (q.options ?? []).some((o) => o.value === value)
        ? { answer: value }
        : { problem: `answer one of: ${(q.options ?? []).map((o) => o.value).join(', ')}` };
    case 'text':
      if (typeof value !== 'string') return { problem: 'answer with text' };
      return value.length > SURVEY_LIMITS.text ? { problem: `at most ${SURVEY_LIMITS.text} characters` } : { answer: value };
  }
}

/**
 * Checks answers against the survey's questions: every required question answered, each answer
 * of its question's kind, no unknown question. Empty text and null count as "not answered".
 * Throws InvalidError whose issues name each question (`answers.<id>`) and quote its label.
 */
export function validateAnswers(questions: readonly SurveyQuestion[], raw: unknown): SurveyAnswers {
  if (!isPlainObject(raw)) {
    throw new InvalidError('survey.invalid_answers', 'the answers must be an object of question id → answer', [
      { path: 'answers', message: 'must be an object' },
    ]);
  }
  const given = raw;
  const issues: FieldIssue[] = [];
  const answers: Record<string, SurveyAnswer> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) issues.push({ path: `answers.${key}`, code: 'unknown_question', message: `the survey has no question "${key}"` });
  }
  for (const q of questions) {
    let value = given[q.id];
    if (typeof value === 'string' && q.kind === 'text') value = value.trim();
    if (value === undefined || value === null || value === '') {
      if (q.required) issues.push({ path: `answers.${q.id}`, code: 'required', message: `"${q.labelEn}" needs an answer` });
      continue;
    }
    const checked = checkAnswer(q, value);
    if ('problem' in checked)
      issues.push({ path: `answers.${q.id}`, code: 'invalid_answer', message: `"${q.labelEn}": ${checked.problem}` });
    else answers[q.id] = checked.answer;
  }
  if (issues.length) throw new InvalidError('survey.invalid_answers', `${issues.length} answer(s) need attention`, issues);
  return answers;
}

/** The answers without free text (an erasure keeps the counted answers, drops what a person wrote). */
export function withoutTextAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): SurveyAnswers {
  const textIds = new Set(questions.filter((q) => q.kind === 'text').map((q) => q.id));
  // Answers to questions since removed are dropped too when they are text: we cannot know their kind otherwise.
  const known = new Set(questions.map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id, v]) => !textIds.has(id) && (known.has(id) || typeof v !== 'string')));
}

// ---- the default surveys ----------------------------------------------------------------------

function defaultQuestions(): SurveyQuestion[] {
  return [
    {
      id: 'knowledge_applied',
      kind: 'yes_no',
      labelEn: 'Have you applied the knowledge from the program in your work?',
      labelId: 'Apakah Anda telah menerapkan pengetahuan dari program ini dalam pekerjaan Anda?',
      required: true,
      measure: 'knowledge_applied',
    },
    {
      id: 'position_change',
      kind: 'yes_no',
      labelEn: 'Has your position changed since the program?',
      labelId: 'Apakah jabatan Anda berubah sejak program ini?',
      required: true,
      measure: 'position_change',
    },
    {
      id: 'still_in_contact',
      kind: 'yes_no',
      labelEn: 'Are you still in contact with the Indonesian counterparts or other participants?',
      labelId: 'Apakah Anda masih berhubungan dengan mitra Indonesia atau peserta lainnya?',
      required: true,
      measure: 'still_in_contact',
    },
    {
      id: 'usefulness',
      kind: 'scale_1_5',
      labelEn: 'How useful was the program for your work? (1 = not useful, 5 = very useful)',
      labelId: 'Seberapa bermanfaat program ini bagi pekerjaan Anda? (1 = tidak bermanfaat, 5 = sangat bermanfaat)',
      required: true,
      measure: null,
    },
    {
      id: 'comment',
      kind: 'text',
      labelEn: 'Any other comment (optional)',
      labelId: 'Komentar lain (opsional)',
      required: false,
      measure: null,
    },
  ];
}

/** The surveys every deployment starts with (migration 20261129131000_default_surveys). */
export const DEFAULT_SURVEYS: readonly SurveyDefinition[] = [
  {
    code: 'followup_6m',
    nameEn: 'Follow-up after 6 months',
    nameId: 'Tindak lanjut setelah 6 bulan',
    monthsAfter: 6,
    active: true,
    questions: defaultQuestions(),
  },
  {
    code: 'followup_12m',
    nameEn: 'Follow-up after 12 months',
    nameId: 'Tindak lanjut setelah 12 bulan',
    monthsAfter: 12,
    active: true,
    questions: defaultQuestions(),
  },
];

// ---- due dates ---------------------------------------------------------------------------------

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day `months` months after `day`, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const date = Math.min(d, daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/**
 * The latest program end whose survey is due on `today`: invitations go to programs that ended on
 * or before it. On the last day of a month, every end clamped onto it counts (2027-02-28 is the
 * due day of ends from 2026-08-28 to 2026-08-31).
 */
export function latestDueEnd(today: string, monthsAfter: number): string {
  const back = addMonths(today, -monthsAfter);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (Number(today.slice(8, 10)) !== daysIn(y, m)) return back;
  return `${back.slice(0, 8)}${String(daysIn(Number(back.slice(0, 4)), Number(back.slice(5, 7)))).padStart(2, '0')}`;
}

/** The program's end: the actual end, else the planned end; null when neither is recorded. */
export function programEnd(program: { actualEnd: string | null; plannedEnd: string | null }): string | null {
  return program.actualEnd ?? program.plannedEnd ?? null;
}

/** When a survey sent `monthsAfter` months after the program's end is due; null without an end. */
export function surveyDueDate(program: { actualEnd: string | null; plannedEnd: string | null }, monthsAfter: number): string | null {
  const end = programEnd(program);
  return end ? addMonths(end, monthsAfter) : null;
}

// ---- aggregates --------------------------------------------------------------------------------

/** An exact share: the fraction and its percentage with two decimals (half up), from integers only. */
export interface Share {
  readonly numerator: number;
  readonly denominator: number;
  /** "80.00"; null when the denominator is 0. */
  readonly percent: string | null;
}

/** n / d with two decimals, rounded half up, computed in integers (no floating point). */
export function hundredths(n: number, d: number): string | null {
  if (d === 0) return null;
  const scaled = Math.floor((2 * n * 100 + d) / (2 * d));
  const negative = scaled < 0;
  const abs = Math.abs(scaled);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, percent: hundredths(numerator * 100, denominator) };
}

export interface MeasureFigure {
  readonly measure: SurveyMeasure;
  readonly questionId: string;
  /** Answers "yes" out of those who answered the question. */
  readonly yes: Share;
}

export interface ScaleFigure {
  readonly questionId: string;
  readonly labelEn: string;
  readonly labelId: string;
  readonly answers: number;
  readonly sum: number;
  /** The mean with two decimals; null without answers. */
  readonly average: string | null;
  /** Answers 1 to 5. */
  readonly distribution: readonly number[];
}

export interface WaveAggregate {
  readonly invited: number;
  readonly answered: number;
  readonly responseRate: Share;
  readonly measures: readonly MeasureFigure[];
  readonly scales: readonly ScaleFigure[];
}

/** The figures of one survey wave of one program, from its invitations (answers null while unanswered). */
export function aggregateWave(
  questions: readonly SurveyQuestion[],
  invitations: readonly { readonly answers: SurveyAnswers | null }[],
): WaveAggregate {
  const answered = invitations.flatMap((i) => (i.answers === null ? [] : [i.answers]));
  const measures: MeasureFigure[] = [];
  for (const measure of SURVEY_MEASURES) {
    const q = questions.find((x) => x.measure === measure && x.kind === 'yes_no');
    if (!q) continue;
    const values = answered.map((a) => a[q.id]).filter((v): v is boolean => typeof v === 'boolean');
    measures.push({ measure, questionId: q.id, yes: share(values.filter((v) => v).length, values.length) });
  }
  const scales: ScaleFigure[] = questions
    .filter((q) => q.kind === 'scale_1_5')
    .map((q) => {
      const values = answered.map((a) => a[q.id]).filter((v): v is number => typeof v === 'number');
      const sum = values.reduce((s, v) => s + v, 0);
      return {
        questionId: q.id,
        labelEn: q.labelEn,
        labelId: q.labelId,
        answers: values.length,
        sum,
        average: hundredths(sum, values.length),
        distribution: [1, 2, 3, 4, 5].map((n) => values.filter((v) => v === n).length),
      };
    });
  return {
    invited: invitations.length,
    answered: answered.length,
    responseRate: share(answered.length, invitations.length),
    measures,
    scales,
  };
}
