#!/usr/bin/env node
// Entry point of the `mitra` command: runs the compiled CLI (built by `npm install`'s prepare step).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
