/**
 * Time to make the annual report PDF, warm: the summary query, the render (pdfmake + ECharts SVG
 * + the world map) and both together, in English and Indonesian.
 *   npx tsx bench/annual-pdf.ts [--year 2018] [--runs 20]
 * Without DATABASE_URL it loads the demo data set into a temporary SQLite database; with it, it
 * reads that database as it is (e.g. one filled by `mitra generate` + `mitra import`).
 * Prints the first (cold) report of the process, then min / median / max over the runs after two
 * warm-up runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openApp } from '../src/main.js';
import { loadDemoData } from '../src/services/demo/load-demo.js';
import { annualReport } from '../src/services/reports.js';
import { timeWarm } from './timing.js';

const { values } = parseArgs({ options: { year: { type: 'string', default: '2018' }, runs: { type: 'string', default: '20' } } });
const year = Number(values.year);
const runs = Number(values.runs);
const tempDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'mitra-bench-pdf-'));
const app = await openApp(
  loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...(tempDir ? { DATABASE_URL: `file:${join(tempDir, 'demo.sqlite')}` } : {}) }),
);
if (tempDir) await loadDemoData(app.deps);

const time = (label: string, work: () => Promise<unknown>) => timeWarm(label, runs, work);

try {
  const report = await annualReport(app.deps, year);
  const s = report.summary;
  console.log(
    `${app.database.engine}${tempDir ? ' (demo data)' : ''}, ${year}: ${s.programs} programs, ${s.countries} countries, ${s.participants} participants`,
  );
  // Loaded here, as the API and the CLI load it (on the first report), so the cold figure includes it.
  const loadStart = performance.now();
  const { renderAnnualReportPdf } = await import('../src/io/pdf/annual-report.js');
  const loaded = performance.now() - loadStart;
  const pdf = await renderAnnualReportPdf(s, 'en', report);
  const cold = performance.now() - loadStart;
  console.log(
    `first report in the process: ${cold.toFixed(0)} ms (loading pdfmake and ECharts ${loaded.toFixed(0)} ms, then fonts, map projection, first layout), ${Math.round(pdf.length / 1024)} KB`,
  );
  await time('summary query', () => annualReport(app.deps, year));
  await time('render en', () => renderAnnualReportPdf(s, 'en', report));
  await time('render id', () => renderAnnualReportPdf(s, 'id', report));
  await time('summary + render id', async () => {
    const r = await annualReport(app.deps, year);
    return renderAnnualReportPdf(r.summary, 'id', r);
  });
} finally {
  await app.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
