/**
 * `mitra attendance show|record|close --program ID` and `mitra certificates
 * issue|pdf|revoke|verify`: the operator's side of attendance sheets and certificates.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';

// The implementations load when a command runs (main.ts).
const actions = () => import('./attendance.actions.js');

export function registerAttendanceCommands(program: Command, ctx: CliContext): void {
  const attendance = program.command('attendance').description('daily attendance of a course and the completion rule');

  attendance
    .command('show')
    .description('the attendance sheet of a program: participants with a place × course days')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => (await actions()).attendanceShow(ctx, opts));

  attendance
    .command('record')
    .description('record one course day: who was present and who was absent (a mark given again replaces the earlier one)')
    .requiredOption('--program <id>', 'program id')
    .requiredOption('--day <YYYY-MM-DD>', 'the course day')
    .option('--present <ids>', 'participant ids present, comma-separated')
    .option('--absent <ids>', 'participant ids absent, comma-separated')
    .action(async (opts: { program: string; day: string; present?: string; absent?: string }) =>
      (await actions()).attendanceRecord(ctx, opts),
    );

  attendance
    .command('close')
    .description('apply the completion rule once the course is over: present at least once → attended; on enough days → completed')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => (await actions()).attendanceClose(ctx, opts));

  const certificates = program.command('certificates').description('certificates of completion and their verification');

  certificates
    .command('issue')
    .description('issue certificates to the completed participants of a program who have none yet')
    .requiredOption('--program <id>', 'program id')
    .option('--json', 'print JSON')
    .action(async (opts: { program: string; json?: boolean }) => (await actions()).certificatesIssue(ctx, opts));

  certificates
    .command('pdf')
    .description('write a participant’s certificate as a bilingual PDF with its verification QR code')
    .requiredOption('--participant <id>', 'participant id')
    .requiredOption('--out <file>', 'the PDF file to write')
    .action(async (opts: { participant: string; out: string }) => (await actions()).certificatesPdf(ctx, opts));

  certificates
    .command('revoke')
    .description('revoke a certificate issued in error')
    .argument('<id>', 'certificate id')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action(async (certificateId: string, opts: { reason?: string }) => (await actions()).certificatesRevoke(ctx, certificateId, opts));

  certificates
    .command('verify')
    .description('check a certificate by the code of its verification address (what the public page shows)')
    .argument('<token>', 'the code after /verify/ in the QR address (or the whole address)')
    .option('--json', 'print JSON')
    .action(async (token: string, opts: { json?: boolean }) => (await actions()).certificatesVerify(ctx, token, opts));
}
