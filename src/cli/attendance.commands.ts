/**
 * `mitra attendance show|record|close --program ID` and `mitra certificates
 * issue|pdf|revoke|verify`: the operator's side of attendance sheets and certificates.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { attendanceInputSchema } from '../domain/attendance/attendance.schema.js';
import { attendanceSheet, certificateDocument, closeAttendance, issueCertificates, recordAttendance, revokeCertificate, verifyCertificate, type AttendanceSheet } from '../services/attendance.js';
import { CliInputError } from './exit-codes.js';
import { json, table } from './format.js';
import { parseInput } from './input.js';
import type { CliContext } from './main.js';

function idOf(value: string, option: string): number {
  if (!/^\d{1,10}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 2_147_483_647) throw new CliInputError(`${option} must be a record id such as 12 (got "${value}")`);
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
  return [`${s.program.identifier}: ${s.days.length} course days; completion at ${s.completionPercent}% = at least ${s.requiredDays} day(s)`, table(head, rows)].join('\n');
}

export function registerAttendanceCommands(program: Command, ctx: CliContext): void {
  const attendance = program.command('attendance').description('daily attendance of a course and the completion rule');

  attendance
    .command('show')
    .description('the attendance sheet of a program: participants with a place × course days')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => {
      const id = idOf(opts.program, '--program');
      await ctx.withApp(async (app) => {
        const sheet = await attendanceSheet(app.deps, id);
        ctx.io.out(opts.json ? json(sheet) : sheetTable(sheet));
      });
    });

  attendance
    .command('record')
    .description('record one course day: who was present and who was absent (a mark given again replaces the earlier one)')
    .requiredOption('--program <id>', 'program id')
    .requiredOption('--day <YYYY-MM-DD>', 'the course day')
    .option('--present <ids>', 'participant ids present, comma-separated')
    .option('--absent <ids>', 'participant ids absent, comma-separated')
    .action(async (opts: { program: string; day: string; present?: string; absent?: string }) => {
      const id = idOf(opts.program, '--program');
      const present = idsOf(opts.present, '--present');
      const absent = idsOf(opts.absent, '--absent');
      if (present.length + absent.length === 0) throw new CliInputError('say who was there: --present IDS and/or --absent IDS');
      const input = parseInput(
        attendanceInputSchema,
        { marks: [...present.map((p) => ({ participantId: p, day: opts.day, present: true })), ...absent.map((p) => ({ participantId: p, day: opts.day, present: false }))] },
        'options',
      );
      await ctx.withApp(async (app) => {
        const sheet = await recordAttendance(app.deps, id, input.marks);
        ctx.io.err(`recorded ${present.length} present and ${absent.length} absent on ${opts.day}`);
        ctx.io.out(sheetTable(sheet));
      });
    });

  attendance
    .command('close')
    .description('apply the completion rule once the course is over: present at least once → attended; on enough days → completed')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => {
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
    });

  const certificates = program.command('certificates').description('certificates of completion and their verification');

  certificates
    .command('issue')
    .description('issue certificates to the completed participants of a program who have none yet')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => {
      const id = idOf(opts.program, '--program');
      await ctx.withApp(async (app) => {
        const r = await issueCertificates(app.deps, id);
        if (opts.json) return ctx.io.out(json(r));
        ctx.io.out(table(['certificate', 'participant', 'number'], r.issued.map((c) => [c.id, c.participantId, c.number])));
        ctx.io.err(`issued ${r.issued.length}; ${r.existing} already had one${r.erased ? `; ${r.erased} erased (none issued)` : ''}`);
      });
    });

  certificates
    .command('pdf')
    .description('write a participant’s certificate as a bilingual PDF with its verification QR code')
    .requiredOption('--participant <id>', 'participant id')
    .requiredOption('--out <file>', 'the PDF file to write')
    .action(async (opts: { participant: string; out: string }) => {
      const id = idOf(opts.participant, '--participant');
      await ctx.withApp(async (app) => {
        const doc = await certificateDocument(app.deps, id);
        const { renderCertificatePdf, verifyUrlOf } = await import('../io/pdf/certificate.js');
        await ctx.io.writeFile(opts.out, await renderCertificatePdf(doc, verifyUrlOf(app.config.publicUrl, doc.verifyToken)));
        ctx.io.err(`wrote certificate ${doc.number} to ${opts.out}`);
      });
    });

  certificates
    .command('revoke')
    .description('revoke a certificate issued in error')
    .argument('<id>', 'certificate id')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action(async (certificateId: string, opts: { reason?: string }) => {
      const id = idOf(certificateId, 'the certificate id');
      const reason = parseInput(z.string().trim().max(500).optional(), opts.reason, '--reason') ?? null;
      await ctx.withApp(async (app) => {
        const c = await revokeCertificate(app.deps, id, reason);
        ctx.io.out(`revoked ${c.number}`);
      });
    });

  certificates
    .command('verify')
    .description('check a certificate by the code of its verification address (what the public page shows)')
    .argument('<token>', 'the code after /verify/ in the QR address (or the whole address)')
    .option('--json', 'print JSON')
    .action(async (token: string, opts: { json?: boolean }) => {
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
    });
}
