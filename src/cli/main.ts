/**
 * The `mitra` command. Commands call the services in-process (never over HTTP); they parse
 * their input with the domain schemas and map domain errors to exit codes (failure.ts).
 *
 * Start-up loads commander and the command definitions (`*.commands.ts`: names, options, help)
 * only. Each command's implementation (`*.actions.ts`), and with it the services, the database
 * drivers and the file formats (ExcelJS, pdfmake, …), loads when that command runs, so that
 * `mitra --help` or `mitra report summary` does not pay for the libraries of other commands.
 * src/cli/startup.int.test.ts checks what `mitra --version` loads.
 */
import { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import type { CliContext } from './context.js';
import { registerProgramCommands } from './program.commands.js';
import { registerDbCommands } from './db.commands.js';
import { registerGenerateCommand } from './generate.command.js';
import { registerImportCommands } from './import.commands.js';
import { registerReportCommands } from './report.commands.js';
import { registerOrganisationCommands } from './organisation.commands.js';
import { registerReferenceCommands } from './reference.commands.js';
import { registerServeCommand } from './serve.command.js';
import { registerUserCommands } from './users.commands.js';
import { registerTokenCommands } from './tokens.commands.js';
import { registerExportCommands } from './export.commands.js';
import { registerMoneyCommands } from './money.commands.js';
import { registerAnalyticsCommands } from './analytics.commands.js';
import { registerOfferCommands } from './offer.commands.js';
import { registerAttendanceCommands } from './attendance.commands.js';
import { registerRequestCommands } from './request.commands.js';
import { registerAlumniCommands } from './alumni.commands.js';
import { registerPartnershipCommands } from './partnership.commands.js';
import { registerOtherProviderCommands } from './other-providers.commands.js';
import { registerIatiCommands } from './iati.commands.js';
import { registerEditionCommands } from './editions.commands.js';
import { registerRoundCommands } from './rounds.commands.js';
import { registerQualityCommands } from './quality.commands.js';
import { registerPersonalDataCommands } from './personal-data.commands.js';

export const VERSION = '0.1.0';

function buildProgram(ctx: CliContext): Command {
  const program = new Command('mitra')
    .description('Mitra: registry and reports of South-South and Triangular Cooperation')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride()
    // Subcommands created after this inherit exitOverride and the output settings.
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) });
  registerServeCommand(program, ctx);
  registerDbCommands(program, ctx);
  registerProgramCommands(program, ctx);
  registerOrganisationCommands(program, ctx);
  registerReferenceCommands(program, ctx);
  registerImportCommands(program, ctx);
  registerReportCommands(program, ctx);
  registerGenerateCommand(program, ctx);
  registerUserCommands(program, ctx);
  registerTokenCommands(program, ctx);
  registerExportCommands(program, ctx);
  registerMoneyCommands(program, ctx);
  registerAnalyticsCommands(program, ctx);
  registerOfferCommands(program, ctx);
  registerAttendanceCommands(program, ctx);
  registerRequestCommands(program, ctx);
  registerAlumniCommands(program, ctx);
  registerPartnershipCommands(program, ctx);
  registerOtherProviderCommands(program, ctx);
  registerIatiCommands(program, ctx);
  registerEditionCommands(program, ctx);
  registerRoundCommands(program, ctx);
  registerQualityCommands(program, ctx);
  registerPersonalDataCommands(program, ctx);
  return program;
}

/** Runs the CLI with the given arguments; resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const ctx: CliContext = {
    io,
    version: VERSION,
    setExitCode: (code) => {
      exitCode = code;
    },
    withApp: async (work, options) => {
      const [{ loadConfig }, { openApp }] = await Promise.all([import('../config.js'), import('../main.js')]);
      const app = await openApp(loadConfig(io.env), options);
      try {
        return await work(app);
      } finally {
        await app.close();
      }
    },
  };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version print and exit 0; unknown commands and options are usage errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { describeError, exitCodeFor } = await import('./failure.js');
    for (const line of describeError(error)) io.err(line);
    return exitCodeFor(error);
  }
}
