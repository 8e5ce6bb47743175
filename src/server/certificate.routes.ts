/**
 * Attendance sheets, the completion rule, certificates (PDF) and their public verification.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attendanceInputSchema, revokeInputSchema } from '../domain/attendance/attendance.schema.js';
import { participantStatuses } from '../domain/codes.js';
import { attendanceSheet, closeAttendance, recordAttendance, type AttendanceSheet } from '../services/attendance.js';
import { certificateDocument, issueCertificates, revokeCertificate, verifyCertificate } from '../services/certificates.js';
import type { Certificate } from '../services/attendance.ports.js';
import type { ServiceDeps } from '../services/deps.js';
import { asAttachment } from './downloads.js';
import { idParams } from './http-helpers.js';
import { problemResponses, problemSchema } from './problem.js';
import { depsFor } from './auth.js';

const ATTENDANCE = ['Attendance'];
const CERTIFICATES = ['Certificates'];
const count = z.number().int();
const day = z.string().meta({ format: 'date' });

const certificateRef = z
  .object({ id: count, number: z.string(), issuedAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: 'CertificateRef' });

const sheetSchema = z
  .object({
    program: z.object({
      id: count,
      identifier: z.string(),
      titleEn: z.string().nullable(),
      titleId: z.string().nullable(),
      implementingOrg: z.string().nullable(),
    }),
    days: z.array(day).meta({ description: 'the course days: every calendar day of the program’s dates (actual, else planned)' }),
    completionPercent: count.meta({
      description: 'share of the course days a participant must attend to complete (the course offer’s, else 80)',
    }),
    requiredDays: count.meta({ description: 'the fewest days present that complete the course' }),
    rows: z.array(
      z.object({
        participantId: count,
        fullName: z.string().nullable().meta({ description: 'null once the person’s data was erased' }),
        country: z.string(),
        status: z.enum(participantStatuses.codes),
        marks: z.array(z.boolean().nullable()).meta({ description: 'one per course day: present, absent, or not recorded (null)' }),
        daysPresent: count,
        completes: z.boolean(),
        editable: z.boolean().meta({ description: 'attendance may be recorded (selected, confirmed or attended)' }),
        certificate: certificateRef.nullable(),
      }),
    ),
  })
  .meta({ id: 'AttendanceSheet' });

const closeSchema = z
  .object({
    courseDays: count,
    completionPercent: count,
    requiredDays: count,
    attended: count,
    completed: count,
    belowRule: count,
    noShow: count,
  })
  .meta({ id: 'AttendanceCloseResult' });

export const verificationSchema = z
  .object({
    status: z.enum(['valid', 'revoked', 'invalid']).meta({ description: 'invalid: the person’s data was erased' }),
    number: z.string(),
    fullName: z.string().nullable(),
    programTitleEn: z.string().nullable(),
    programTitleId: z.string().nullable(),
    startDate: day.nullable(),
    endDate: day.nullable(),
  })
  .strict()
  .meta({ id: 'CertificateVerification' });

const sheetOut = (s: AttendanceSheet): z.output<typeof sheetSchema> => ({
  program: { ...s.program },
  days: [...s.days],
  completionPercent: s.completionPercent,
  requiredDays: s.requiredDays,
  rows: s.rows.map((r) => ({ ...r, marks: [...r.marks], certificate: r.certificate ? { ...r.certificate } : null })),
});
const refOf = (c: Certificate) => ({ id: c.id, number: c.number, issuedAt: c.issuedAt, revokedAt: c.revokedAt });

export function registerCertificateRoutes(root: FastifyInstance, deps: ServiceDeps, options: { publicUrl: string }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/activities/:id/attendance',
    {
      schema: {
        tags: ATTENDANCE,
        summary: 'The attendance sheet: participants with a place × course days (coordination team and the implementing agency)',
        params: idParams,
        response: { 200: sheetSchema, ...problemResponses },
      },
    },
    async (request) => sheetOut(await attendanceSheet(depsFor(deps, request), request.params.id)),
  );

  app.put(
    '/api/v1/activities/:id/attendance',
    {
      schema: {
        tags: ATTENDANCE,
        summary:
          'Record or correct attendance marks (course days only; selected, confirmed or attended participants only); answers the sheet',
        params: idParams,
        body: attendanceInputSchema,
        response: { 200: sheetSchema, ...problemResponses },
      },
    },
    async (request) => sheetOut(await recordAttendance(depsFor(deps, request), request.params.id, request.body.marks)),
  );

  app.post(
    '/api/v1/activities/:id/attendance/close',
    {
      schema: {
        tags: ATTENDANCE,
        summary: 'Apply the completion rule once the course is over: present at least once → attended; present on enough days → completed',
        params: idParams,
        response: { 200: closeSchema, ...problemResponses },
      },
    },
    async (request) => closeAttendance(depsFor(deps, request), request.params.id),
  );

  app.post(
    '/api/v1/activities/:id/certificates',
    {
      schema: {
        tags: CERTIFICATES,
        summary: 'Issue certificates to the completed participants who have none yet (running it again issues nothing twice)',
        params: idParams,
        response: {
          200: z.object({ issued: z.array(certificateRef), existing: count, erased: count }).meta({ id: 'CertificateIssueResult' }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const r = await issueCertificates(depsFor(deps, request), request.params.id);
      return { issued: r.issued.map(refOf), existing: r.existing, erased: r.erased };
    },
  );

  app.get(
    '/api/v1/participants/:id/certificate.pdf',
    {
      schema: {
        tags: CERTIFICATES,
        summary:
          'A participant’s certificate as a bilingual A4 PDF with its verification QR code (coordination team, implementing agency, nominating organisation)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const doc = await certificateDocument(depsFor(deps, request), request.params.id);
      // pdfmake loads with the first certificate, not at start.
      const { renderCertificatePdf, verifyUrlOf } = await import('../io/pdf/certificate.js');
      const pdf = await renderCertificatePdf(doc, verifyUrlOf(options.publicUrl, doc.verifyToken));
      return asAttachment(reply, 'application/pdf', `${doc.number}.pdf`).send(pdf);
    },
  );

  app.post(
    '/api/v1/certificates/:id/revoke',
    {
      schema: {
        tags: CERTIFICATES,
        summary: 'Revoke a certificate issued in error: its verification answers "revoked" from then on',
        params: idParams,
        body: revokeInputSchema.nullish().meta({ description: 'optional: { reason }' }),
        response: { 200: certificateRef, ...problemResponses },
      },
    },
    async (request) => refOf(await revokeCertificate(depsFor(deps, request), request.params.id, request.body?.reason ?? null)),
  );

  app.get(
    '/api/v1/verify/:token',
    {
      schema: {
        tags: CERTIFICATES,
        summary:
          'Public: check a certificate by the code of its QR; answers only the name, the program, its dates, the number and whether it is valid',
        params: z.object({ token: z.string().max(100) }),
        response: { 200: verificationSchema, 404: problemSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return verifyCertificate(depsFor(deps, request), request.params.token);
    },
  );
}
