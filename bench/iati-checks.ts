/**
 * The IATI ruleset and codelist checks (domain/iati/rulesets/) over many activities: the demo's
 * programs exported as activity nodes (exactly as published), repeated with fresh identifiers to
 * `--activities` nodes, checked with checkIatiNode. Pure CPU: no database in the timed part.
 *
 *   npx tsx bench/iati-checks.ts [--activities 10000] [--runs 5] [--service 10000]
 *
 * With --service N, also N generated programs (`mitra generate`'s data) imported into a fresh
 * SQLite database and checked through the service, page by page, as `mitra iati check` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { checkIatiNode, compileIatiChecks } from '../src/domain/iati/rulesets/evaluate.js';
import type { XmlNode } from '../src/domain/iati/xml-node.js';
import { programListQuerySchema } from '../src/domain/program/program-query.js';
import { openApp } from '../src/main.js';
import { loadDemoData } from '../src/services/demo/load-demo.js';
import { exportIati } from '../src/services/iati-export.js';
import { summarizeIatiChecks } from '../src/services/iati-checks.js';
import { importGeneratedPrograms } from '../src/testing/generated-programs.js';
import { timeWarm } from './timing.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const count = Number(arg('activities', '10000'));
const runs = Number(arg('runs', '5'));
const service = Number(arg('service', '0'));

const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-checks-'));
const app = await openApp(loadConfig({ DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`, LOG_LEVEL: 'silent' }));
await loadDemoData(app.deps);
const { page: _p, pageSize: _s, ...query } = programListQuerySchema.parse({ sort: 'identifier' });
const exported = await exportIati(app.deps, query, loadConfig({}).iatiPublisher);
const demo: XmlNode[] = [];
for await (const page of exported.activities) demo.push(...page);
await app.close();
rmSync(dir, { recursive: true, force: true });

/** The demo's activities again and again, each a deep copy (no shared subtree) with its own identifier. */
const nodes: XmlNode[] = Array.from({ length: count }, (_, i) => {
  const base = structuredClone(demo[i % demo.length] as XmlNode); // demo is not empty: the demo data has 34 dated programs
  return {
    ...base,
    children: (base.children ?? []).map((c) => (c && c.name === 'iati-identifier' ? { ...c, text: `${String(c.text)}-${i}` } : c)),
  };
});

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let start = performance.now();
const compiled = compileIatiChecks();
console.log(`compile: ${(performance.now() - start).toFixed(1)} ms`);
start = performance.now();
let findings = 0;
for (const node of nodes) findings += checkIatiNode(node, '2026-12-07T00:00:00Z', compiled).length;
console.log(`first pass (cold): ${(performance.now() - start).toFixed(0)} ms, ${findings} findings on ${count} activities`);
const median = await timeWarm(`check ${count} activities`, runs, async () => {
  for (const node of nodes) checkIatiNode(node, '2026-12-07T00:00:00Z', compiled);
});
console.log(`per activity: ${((median * 1000) / count).toFixed(1)} µs; load average after: ${loadavg()[0]?.toFixed(2)}`);

if (service > 0) {
  const serviceDir = mkdtempSync(join(tmpdir(), 'mitra-iati-checks-service-'));
  const serviceApp = await openApp(loadConfig({ DATABASE_URL: `file:${join(serviceDir, 'bench.sqlite')}`, LOG_LEVEL: 'silent' }));
  await importGeneratedPrograms(serviceApp, {
    activities: service,
    participants: 0,
    fromYear: 2015,
    toYear: 2024,
    seed: 1,
    currentYear: 2026,
  });
  await timeWarm(`service: summary of ${service} generated programs (SQLite, read 500 at a time)`, Math.min(runs, 3), async () => {
    const summary = await summarizeIatiChecks(serviceApp.deps, query, loadConfig({}).iatiPublisher);
    if (summary.programs !== service) throw new Error(`checked ${summary.programs} of ${service} programs`);
  });
  const summary = await summarizeIatiChecks(serviceApp.deps, query, loadConfig({}).iatiPublisher);
  const rules = new Map<string, number>();
  for (const a of summary.agencies) for (const r of a.topRules) rules.set(r.ruleId, (rules.get(r.ruleId) ?? 0) + r.programs);
  console.log(
    `${summary.withErrors} with errors, ${summary.withWarnings} with warnings; rules: ${[...rules].map(([id, n]) => `${id} ${n}`).join(', ')}`,
  );
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; load average after: ${loadavg()[0]?.toFixed(2)}`);
  await serviceApp.close();
  rmSync(serviceDir, { recursive: true, force: true });
}
