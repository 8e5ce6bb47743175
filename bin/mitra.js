#!/usr/bin/env node
// Entry point of the `mitra` command: runs the bundled CLI (dist/bundle, built by `npm install`'s
// prepare step; vite.cli.config.ts).
import { runCli } from '../dist/bundle/mitra.mjs';

process.exitCode = await runCli(process.argv.slice(2));
