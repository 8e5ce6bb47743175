/** The attendance and certificate commands (attendance.commands.ts). */
import { z } from 'zod';
import { attendanceInputSchema } from '../domain/attendance/attendance.schema.js';
import { attendanceSheet, closeAttendance, recordAttendance, type AttendanceSheet } from '../services/attendance.js';
import { certificateDocument, issueCertificates, revokeCertificate, verifyCertificate } from '../services/certificates.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext } from './context.js';

function idOf(value: string, option: string): number {
  if (!/^\d{1,10}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 2_147_483_647)
    throw new CliInputError(`${option} must be a record id such as 12 (got "${value}")`);
  return Number(value);
}

/** "3,4,7" → [3, 4, 7]; empty → []. */
export function idsOf(value: string | undefined, option: string): number[] {
  if (!value || value.trim() === '') return [];
  return value.split(',').map((v) => idOf(v, option));
}

/** The sheet as a terminal table: one column per course day (x present, . absent, blank not recorded). */
export function sheetTable(s: AttendanceSheet): string {
  const head = ['id', 'name', 'status', ...s.days.map((d) => d.slice(5)), 'days', 'completes', 'certificate'];
  const rows = s.rows.map((r) => [
    r.participantId,
    r.fullName ?? '(erased)',
    r.status,
    ...r.marks.map((m) => (m === null ? '' : m ? 'x' : '.')),
    `${r.daysPresent}/${s.days.length}`,
    r.completes ? 'yes' : 'no',
    r.certificate ? `${r.certificate.number}${r.certificate.revokedAt ? ' (revoked)' : ''}` : '',
  ]);
  return [
    `${s.program.identifier}: ${s.days.length} course days; completion at ${s.completionPercent}% = at least ${s.requiredDays} day(s)`,
    table(head, rows),
  ].join('\n');
}

export async function attendanceShow(ctx: CliContext, opts: { program: string; json?: boolean }): Promise<void> {
  const id = idOf(opts.program, '--program');
  await ctx.withApp(async (app) => {
    const sheet = await attendanceSheet(app.deps, id);
    ctx.io.out(opts.json ? json(sheet) : sheetTable(sheet));
  });
}

export async function attendanceRecord(
  ctx: CliContext,
  opts: { program: string; day: string; present?: string; absent?: string },
): Promise<void> {
  const id = idOf(opts.program, '--program');
  const present = idsOf(opts.present, '--present');
  const absent = idsOf(opts.absent, '--absent');
  if (present.length + absent.length === 0) throw new CliInputError('say who was there: --present IDS and/or --absent IDS');
  const input = parseInput(
    attendanceInputSchema,
    {
      marks: [
        ...present.map((p) => ({ participantId: p, day: opts.day, present: true })),
        ...absent.map((p) => ({ participantId: p, day: opts.day, present: false })),
      ],
    },
    'options',
  );
  await ctx.withApp(async (app) => {
    const sheet = await recordAttendance(app.deps, id, input.marks);
    ctx.io.err(`recorded ${present.length} present and ${absent.length} absent on ${opts.day}`);
    ctx.io.out(sheetTable(sheet));
  });
}

export async function attendanceClose(ctx: CliContext, opts: { program: string; json?: boolean }): Promise<void> {
  const id = idOf(opts.program, '--program');
  await ctx.withApp(async (app) => {
    const r = await closeAttendance(app.deps, id);
    if (opts.json) return ctx.io.out(json(r));
    ctx.io.out(
      [
        `${r.courseDays} course days; completion at ${r.completionPercent}% = at least ${r.requiredDays} day(s)`,
        `now attended: ${r.attended}`,
        `now completed: ${r.completed}`,
        `attended on too few days: ${r.belowRule}`,
        `never present: ${r.noShow}`,
      ].join('\n'),
    );
  });
}

export async function certificatesIssue(ctx: CliContext, opts: { program: string; json?: boolean }): Promise<void> {
  const id = idOf(opts.program, '--program');
  await ctx.withApp(async (app) => {
    const r = await issueCertificates(app.deps, id);
    if (opts.json) return ctx.io.out(json(r));
    ctx.io.out(
      table(
        ['certificate', 'participant', 'number'],
        r.issued.map((c) => [c.id, c.participantId, c.number]),
      ),
    );
    ctx.io.err(`issued ${r.issued.length}; ${r.existing} already had one${r.erased ? `; ${r.erased} erased (none issued)` : ''}`);
  });
}

export async function certificatesPdf(ctx: CliContext, opts: { participant: string; out: string }): Promise<void> {
  const id = idOf(opts.participant, '--participant');
  await ctx.withApp(async (app) => {
    const doc = await certificateDocument(app.deps, id);
    const { renderCertificatePdf, verifyUrlOf } = await import('../io/pdf/certificate.js');
    await ctx.io.writeFile(opts.out, await renderCertificatePdf(doc, verifyUrlOf(app.config.publicUrl, doc.verifyToken)));
    ctx.io.err(`wrote certificate ${doc.number} to ${opts.out}`);
  });
}

export async function certificatesRevoke(ctx: CliContext, certificateId: string, opts: { reason?: string }): Promise<void> {
  const id = idOf(certificateId, 'the certificate id');
  const reason = parseInput(z.string().trim().max(500).optional(), opts.reason, '--reason') ?? null;
  await ctx.withApp(async (app) => {
    const c = await revokeCertificate(app.deps, id, reason);
    ctx.io.out(`revoked ${c.number}`);
  });
}

export async function certificatesVerify(ctx: CliContext, token: string, opts: { json?: boolean }): Promise<void> {
  const code = token.trim().replace(/^.*\/verify\//, '');
  await ctx.withApp(async (app) => {
    const v = await verifyCertificate(app.deps, code);
    if (opts.json) return ctx.io.out(json(v));
    ctx.io.out(
      [
        `status: ${v.status}`,
        `number: ${v.number}`,
        `name: ${v.fullName ?? '—'}`,
        `program: ${v.programTitleEn ?? '—'} / ${v.programTitleId ?? '—'}`,
        `dates: ${v.startDate ?? '—'} – ${v.endDate ?? '—'}`,
      ].join('\n'),
    );
  });
}
