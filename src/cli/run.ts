// Runs the CLI from source (development and benchmarks): `tsx src/cli/run.ts <command>`.
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
