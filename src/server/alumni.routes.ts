/**
 * Alumni (directory per country, a person's programs), follow-up surveys (questions, sending,
 * the public answer page's endpoints, results per program) and privacy (erasure on request, the
 * personal-data export). Who sees what is decided in the services (docs/privacy.md).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alumniQuerySchema,
  erasureInputSchema,
  participantExportQuerySchema,
  sendDueInputSchema,
  surveyAnswerInputSchema,
} from '../domain/alumni/alumni.schema.js';
import { QUESTION_KINDS, SURVEY_MEASURES, surveyDefinitionSchema, type SurveyQuestion } from '../domain/alumni/survey.js';
import { csvRow } from '../io/csv-write.js';
import { writeXlsx } from '../io/xlsx-write.js';
import { alumniDirectory, alumnus, exportParticipants, PARTICIPANT_EXPORT_COLUMNS, scopeOf, type Alumnus } from '../services/alumni.js';
import type { Actor } from '../domain/access/actor.js';
import type { Survey } from '../services/alumni.ports.js';
import type { ServiceDeps } from '../services/deps.js';
import { eraseParticipant, erasePersonOf } from '../services/privacy.js';
import {
  answerSurvey,
  listSurveys,
  saveSurvey,
  sendDueSurveys,
  surveyByToken,
  surveyResults,
  type WaveResult,
} from '../services/surveys.js';
import { depsFor } from './auth.js';
import { pageOf } from './common.schemas.js';
import { idParams } from './http-helpers.js';
import { problemResponses } from './problem.js';
import { breakOnFailure, download, streamChunks, XLSX } from './downloads.js';

const ALUMNI = ['Alumni'];
const SURVEYS = ['Surveys'];
const PRIVACY = ['Privacy'];
const count = z.number().int();

const alumnusSchema = z
  .object({
    id: count.meta({ description: 'a participant record of the person (their latest): the address of the person’s page' }),
    fullName: z.string(),
    country: z.string(),
    organisation: z.string().nullable(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    programs: z.array(
      z.object({
        participantId: count,
        activityId: count,
        identifier: z.string(),
        titleEn: z.string().nullable(),
        titleId: z.string().nullable(),
        year: count.nullable(),
        status: z.string(),
      }),
    ),
  })
  .meta({ id: 'Alumnus' });
const alumnusOut = (a: Alumnus): z.output<typeof alumnusSchema> => ({ ...a, programs: a.programs.map((p) => ({ ...p })) });

const questionSchema = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  labelEn: z.string(),
  labelId: z.string(),
  options: z.array(z.object({ value: z.string(), labelEn: z.string(), labelId: z.string() })).optional(),
  required: z.boolean(),
  measure: z.enum(SURVEY_MEASURES).nullable(),
});
const questionOut = (q: SurveyQuestion): z.output<typeof questionSchema> => ({
  ...q,
  ...(q.options ? { options: q.options.map((o) => ({ ...o })) } : {}),
});
const surveySchema = z
  .object({
    id: count,
    code: z.string(),
    nameEn: z.string(),
    nameId: z.string(),
    monthsAfter: count,
    active: z.boolean(),
    questions: z.array(questionSchema),
    updatedAt: z.string(),
  })
  .meta({ id: 'Survey' });
const surveyOut = (s: Survey): z.output<typeof surveySchema> => ({
  id: s.id,
  code: s.code,
  nameEn: s.nameEn,
  nameId: s.nameId,
  monthsAfter: s.monthsAfter,
  active: s.active,
  questions: s.questions.map(questionOut),
  updatedAt: s.updatedAt,
});

const shareSchema = z.object({
  numerator: count,
  denominator: count,
  percent: z.string().nullable().meta({ description: 'two decimals, e.g. "80.00"; null when the denominator is 0' }),
});
const waveSchema = z.object({
  surveyId: count,
  code: z.string(),
  nameEn: z.string(),
  nameId: z.string(),
  monthsAfter: count,
  invited: count,
  answered: count,
  responseRate: shareSchema,
  measures: z.array(z.object({ measure: z.enum(SURVEY_MEASURES), questionId: z.string(), yes: shareSchema })),
  scales: z.array(
    z.object({
      questionId: z.string(),
      labelEn: z.string(),
      labelId: z.string(),
      answers: count,
      sum: count,
      average: z.string().nullable(),
      distribution: z.array(count),
    }),
  ),
});
const waveOut = (w: WaveResult): z.output<typeof waveSchema> => ({
  ...w,
  responseRate: { ...w.responseRate },
  measures: w.measures.map((m) => ({ ...m, yes: { ...m.yes } })),
  scales: w.scales.map((s) => ({ ...s, distribution: [...s.distribution] })),
});

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'is not a survey link token' }) });

const erasureSchema = z.object({
  participantId: count,
  erasedAt: z.string(),
  fields: z.array(z.string()),
  documents: count,
  certificatesRevoked: count,
  mails: count,
  surveyAnswersCleaned: count,
  auditEntriesScrubbed: count,
});

export function registerAlumniRoutes(root: FastifyInstance, deps: ServiceDeps, options: { publicUrl: string }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/alumni',
    {
      schema: {
        tags: ALUMNI,
        summary:
          'Alumni (attended or completed) as persons across programs, by country and text; each role sees the records it may (coordination team all, an agency its programs’, an embassy or focal point its nominees)',
        querystring: alumniQuerySchema,
        response: { 200: pageOf(alumnusSchema), ...problemResponses },
      },
    },
    (request, reply) =>
      request.server.answers.reply(request, reply, deps, { topics: ['alumni', 'programs'], scope: alumniScope }, async () => {
        const r = await alumniDirectory(depsFor(deps, request), request.query);
        return { ...r, items: r.items.map(alumnusOut) };
      }),
  );

  app.get(
    '/api/v1/alumni/:id',
    {
      schema: {
        tags: ALUMNI,
        summary: 'A person’s page: the programs they took part in across the years (by one of their participant ids)',
        params: idParams,
        response: { 200: alumnusSchema, ...problemResponses },
      },
    },
    async (request) => alumnusOut(await alumnus(depsFor(deps, request), request.params.id)),
  );

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        tags: SURVEYS,
        summary: 'The follow-up surveys and their questions (coordination team)',
        response: { 200: z.object({ items: z.array(surveySchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: (await listSurveys(depsFor(deps, request))).map(surveyOut) }),
  );

  app.put(
    '/api/v1/surveys',
    {
      schema: {
        tags: SURVEYS,
        summary:
          'Create or replace the survey with this code (coordination team); question ids must be unique, measures sit on yes/no questions',
        body: surveyDefinitionSchema,
        response: { 200: surveySchema, 201: surveySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { survey, created } = await saveSurvey(depsFor(deps, request), request.body);
      return reply.code(created ? 201 : 200).send(surveyOut(survey));
    },
  );

  app.post(
    '/api/v1/surveys/send-due',
    {
      schema: {
        tags: SURVEYS,
        summary:
          'Invite the alumni whose survey is due (program ended at least its months ago; with an email; not erased; not yet invited) and queue their mail',
        body: sendDueInputSchema.optional(),
        response: { 200: z.object({ invited: z.array(z.object({ code: z.string(), count })) }), ...problemResponses },
      },
    },
    async (request) => sendDueSurveys(depsFor(deps, request), { publicUrl: options.publicUrl, today: request.body?.today }),
  );

  app.get(
    '/api/v1/survey-answers/:token',
    {
      schema: {
        tags: SURVEYS,
        summary: 'Public: the survey behind an answer link (questions and the program’s title only)',
        params: tokenParams,
        response: {
          200: z.object({
            nameEn: z.string(),
            nameId: z.string(),
            program: z.object({ titleEn: z.string().nullable(), titleId: z.string().nullable() }),
            questions: z.array(questionSchema),
            answered: z.boolean(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const s = await surveyByToken(depsFor(deps, request), request.params.token);
      return { ...s, program: { ...s.program }, questions: s.questions.map(questionOut) };
    },
  );

  app.post(
    '/api/v1/survey-answers/:token',
    {
      schema: {
        tags: SURVEYS,
        summary: 'Public: answer the survey of a link, once (409 when already answered)',
        params: tokenParams,
        body: surveyAnswerInputSchema,
        response: { 201: z.object({ answeredAt: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await answerSurvey(depsFor(deps, request), request.params.token, request.body.answers)),
  );

  app.get(
    '/api/v1/activities/:id/survey-results',
    {
      schema: {
        tags: SURVEYS,
        summary:
          'A program’s follow-up survey figures per wave: invited, answered, response rate, the yes share of each measure, scale averages (coordination team, implementing agency)',
        params: idParams,
        response: { 200: z.object({ activityId: count, waves: z.array(waveSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const r = await surveyResults(depsFor(deps, request), request.params.id);
      return { activityId: r.activityId, waves: r.waves.map(waveOut) };
    },
  );

  app.post(
    '/api/v1/participants/:id/erase',
    {
      schema: {
        tags: PRIVACY,
        summary:
          'Erase a participant’s personal data on request (coordination team): name, contact, documents, mail, free-text answers and the values in the audit log go; the counts stay',
        params: idParams,
        body: erasureInputSchema,
        response: { 200: z.object({ items: z.array(erasureSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const d = depsFor(deps, request);
      const items = request.body.wholePerson
        ? await erasePersonOf(d, request.params.id, request.body.reason)
        : [await eraseParticipant(d, request.params.id, request.body.reason)];
      return { items: items.map((i) => ({ ...i, fields: [...i.fields] })) };
    },
  );

  app.get(
    '/api/v1/export/participants.csv',
    {
      schema: {
        tags: PRIVACY,
        summary: 'Participants with personal data as CSV (formulas neutralised), only the records your role may see',
        querystring: participantExportQuerySchema,
      },
    },
    async (request, reply) => {
      const pages = exportParticipants(depsFor(deps, request), request.query);
      const stream = download(reply, 'text/csv; charset=utf-8', 'participants.csv');
      async function* csv() {
        yield `\uFEFF${csvRow(PARTICIPANT_EXPORT_COLUMNS)}`;
        for await (const rows of pages) yield rows.map((r) => csvRow(r.map(String), { neutraliseFormulas: true })).join('');
      }
      streamChunks(stream, csv());
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/export/participants.xlsx',
    {
      schema: {
        tags: PRIVACY,
        summary: 'Participants with personal data as XLSX, only the records your role may see',
        querystring: participantExportQuerySchema,
      },
    },
    async (request, reply) => {
      const pages = exportParticipants(depsFor(deps, request), request.query);
      const stream = download(reply, XLSX, 'participants.xlsx');
      async function* rows() {
        for await (const page of pages) yield* page;
      }
      breakOnFailure(stream, writeXlsx(stream, [{ title: 'participants', columns: PARTICIPANT_EXPORT_COLUMNS, rows: rows() }]));
      return reply.send(stream);
    },
  );
}

/**
 * Who gets the same directory: the records each role may see (services/alumni.ts scopeOf); an
 * actor who may see none is answered by the service (403), never from the cache.
 */
function alumniScope(actor: Actor): string | null {
  try {
    const scope = scopeOf(actor);
    return scope.kind === 'all' ? 'alumni:all' : `alumni:${scope.kind}:${scope.org.toLowerCase()}`;
  } catch {
    return null;
  }
}
