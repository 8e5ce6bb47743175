/**
 * Serving a ministry network at once (issue 19): throughput and latency of the program list
 * under wrk, side by side with a bare Fastify route sending a body of the same size (this
 * machine's ceiling), on SQLite and PostgreSQL; a nomination season on PostgreSQL with
 * `--workers 2`; and PostgreSQL stopped for 10 s while wrk runs.
 *
 *   npx tsx bench/serve-load.ts [--sqlite FILE] [--pg URL] [--engines sqlite,postgres]
 *       [--parts lists,season,outage] [--duration 15] [--rounds 2] [--season-seconds 60] [--no-build]
 *
 * The databases are those of the report benchmark (100,000 programs and 1,000,000 participants,
 * `bench/import-and-report.ts` or `bench/import-once.mjs`), used as they are: accounts, offers
 * and nominations are added to them. wrk runs `-t2 -c32 -d15s` per target (lists), each target
 * once per round with the order reversed in the second round; the load average is read before
 * each run. The outage stops the machine's PostgreSQL cluster (pg_ctlcluster): run it on a
 * machine where nothing else uses it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openApp, type AppContext } from '../src/main.js';
import { userInputSchema } from '../src/domain/account/user.js';
import { offerInputSchema } from '../src/domain/offer/offer.js';
import { organisationInputSchema } from '../src/domain/organisation/organisation.schema.js';
import { createOrganisation } from '../src/services/organisations.js';
import { saveOffer } from '../src/services/offers.js';
import { createUser } from '../src/services/users.js';
import { arg, root } from './generated.js';

const sqliteFile = arg('sqlite', join(root, 'bench/.data/100000-1000000/list.sqlite'));
const pgUrl = arg('pg', 'postgres://postgres@127.0.0.1/mitra_bench');
const engines = arg('engines', 'sqlite,postgres').split(',');
/** Another checkout whose server to measure (its public list only, on databases of its own schema). */
const beforeDir = arg('before', '');
const sqliteBefore = arg('sqlite-before', join(root, 'bench/.data/100000-1000000/base.sqlite'));
const pgBefore = arg('pg-before', 'postgres://postgres@127.0.0.1/mitra_bench_v0');
const parts = arg('parts', 'lists,season,outage').split(',');
const duration = Number(arg('duration', '15'));
const rounds = Number(arg('rounds', '2'));
const seasonSeconds = Number(arg('season-seconds', '60'));
/** A simulated user's pause between two actions, in ms (0.5 to 1.5 times it). */
const thinkMs = Number(arg('think-ms', '1000'));
const WRK_DIR = join(root, 'bench/wrk');
const PASSWORD = 'benchmark passphrase 19';
const work = mkdtempSync(join(tmpdir(), 'mitra-serve-load-'));

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
// `wrk -v` prints its version and exits 1.
const wrkVersion = spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${wrkVersion}`);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WrkResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  socketErrors: number;
  non2xx: number;
  statuses: Record<string, number>;
  seconds?: { at: number; statuses: Record<string, number> }[];
}

async function wrk(
  url: string,
  options: { script: string; connections?: number; seconds?: number; headers?: string[]; env?: Record<string, string> },
): Promise<WrkResult> {
  const args = [
    '-t2',
    `-c${options.connections ?? 32}`,
    `-d${options.seconds ?? duration}s`,
    '--timeout',
    '10s',
    '-s',
    join(WRK_DIR, options.script),
  ];
  for (const h of options.headers ?? []) args.push('-H', h);
  args.push(url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { env: { ...process.env, WRK_DIR, ...options.env } });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const result = JSON.parse(line.slice('RESULT '.length)) as WrkResult;
  result.seconds = out
    .split('\n')
    .filter((l) => l.startsWith('SECOND '))
    .map((l) => JSON.parse(l.slice('SECOND '.length)) as { at: number; statuses: Record<string, number> });
  return result;
}

let started = 0;
/** A process of the benchmark; its output goes to a log file of the run's folder. */
function start(args: string[], env: Record<string, string>): ChildProcess {
  const log = createWriteStream(join(work, `process-${++started}-${args[1] ?? ''}.log`));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  console.log(`  (${args.join(' ')}: output in ${log.path.toString()})`);
  return child;
}

async function waitFor(url: string, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Accounts of the benchmark (created once, kept in the database). */
async function ensureAccount(app: AppContext, role: 'viewer' | 'agency' | 'embassy', email: string, org: string | null): Promise<void> {
  if (await app.deps.store.repos.users.findByEmail(email)) return;
  if (org && !(await app.deps.store.repos.organisations.findByCode(org))) {
    await createOrganisation(
      app.deps,
      organisationInputSchema.parse({ code: org, nameEn: `Benchmark ${org}`, type: '10', countryCode: 'ID', kind: 'provider_agency' }),
    );
  }
  await createUser(app.deps, userInputSchema.parse({ email, name: `Benchmark ${role}`, role, orgCode: org, password: PASSWORD }));
}

async function login(base: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const fmt = (r: WrkResult) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)}  p99 ${r.p99.toFixed(1).padStart(6)}  max ${r.max.toFixed(0).padStart(5)}  non-2xx ${r.non2xx}  socket errors ${r.socketErrors}`;

async function lists(engine: string, url: string, serverDir = root): Promise<void> {
  const signedIn = serverDir === root;
  if (signedIn) {
    const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
    await ensureAccount(app, 'viewer', 'bench.viewer@mitra.bench', null);
    await ensureAccount(app, 'agency', 'bench.agency@mitra.bench', 'ID-MINISTRY-OF-HEALTH');
    await app.close();
  }
  const port = engine === 'sqlite' ? 3811 : 3812;
  const base = `http://127.0.0.1:${port}`;
  const server = start([join(serverDir, 'bin/mitra.js'), 'serve', '--no-demo', '--port', String(port)], { DATABASE_URL: url });
  const bare = { child: undefined as ChildProcess | undefined };
  try {
    await waitFor(`${base}/api/health`);
    const first = await (await fetch(`${base}/api/v1/activities`)).text();
    const bodyFile = join(work, `${engine}-body.json`);
    writeFileSync(bodyFile, first);
    bare.child = start(['bench/bare-server.mjs', String(port + 100), bodyFile], {});
    await waitFor(`http://127.0.0.1:${port + 100}/`);
    const viewer = signedIn ? await login(base, 'bench.viewer@mitra.bench') : null;
    const agency = signedIn ? await login(base, 'bench.agency@mitra.bench') : null;
    const heavy = '/api/v1/activities?year=2018&region=asia&modality=training&q=training&sort=title';
    const targets: { name: string; url: string; script: string; headers?: string[] }[] = [
      { name: 'bare Fastify route, same body', url: `http://127.0.0.1:${port + 100}/`, script: 'fixed.lua' },
      { name: 'public list, first page, default sort', url: `${base}/api/v1/activities`, script: 'fixed.lua' },
      { name: '  the same, uncached (a new URL each time)', url: `${base}/api/v1/activities`, script: 'uncached.lua' },
      { name: 'heaviest filter (year+region+modality+text, by title)', url: `${base}${heavy}`, script: 'fixed.lua' },
      { name: '  the same, uncached', url: `${base}${heavy}`, script: 'uncached.lua' },
      ...(viewer && agency
        ? [
            {
              name: 'signed-in list, viewer',
              url: `${base}/api/v1/activities`,
              script: 'fixed.lua',
              headers: [`Cookie: ${viewer.cookie}`],
            },
            {
              name: 'signed-in list, agency',
              url: `${base}/api/v1/activities`,
              script: 'fixed.lua',
              headers: [`Cookie: ${agency.cookie}`],
            },
            { name: '  agency, uncached', url: `${base}/api/v1/activities`, script: 'uncached.lua', headers: [`Cookie: ${agency.cookie}`] },
          ]
        : []),
    ];
    const label = signedIn ? engine : `${engine}, before`;
    console.log(`\n[${label}] server ${serverDir}; list answer ${Buffer.byteLength(first)} bytes; wrk -t2 -c32 -d${duration}s`);
    const results = new Map<string, WrkResult[]>();
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const before = load();
        const r = await wrk(t.url, { script: t.script, ...(t.headers ? { headers: t.headers } : {}) });
        console.log(`[${label}] round ${round + 1} ${t.name.padEnd(56)} ${fmt(r)}  (load ${before})`);
        results.set(t.name, [...(results.get(t.name) ?? []), r]);
      }
    }
    console.log(`\n[${label}] best of ${rounds} rounds:`);
    const ceiling = Math.max(...(results.get(targets[0]?.name ?? '') ?? []).map((r) => r.rps));
    for (const t of targets) {
      const rs = results.get(t.name) ?? [];
      const best = rs.reduce((a, b) => (b.rps > a.rps ? b : a));
      console.log(`[${label}] ${t.name.padEnd(56)} ${fmt(best)}  ${((100 * best.rps) / ceiling).toFixed(0)} % of the bare route`);
    }
  } finally {
    if (bare.child) await stop(bare.child);
    await stop(server);
  }
}

/** A 1 MB PDF whose bytes the upload check accepts (a PDF header, no active content). */
function cvFile(): string {
  const file = join(work, 'cv.pdf');
  const filler = Buffer.alloc(1024 * 1024 - 64, 'A');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'), filler, Buffer.from('\n%%EOF\n')]));
  return file;
}

async function season(url: string): Promise<void> {
  const app = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  const embassies = Array.from({ length: 10 }, (_, i) => `bench.embassy.${i + 1}@mitra.bench`);
  for (const email of embassies) await ensureAccount(app, 'embassy', email, 'ID-EMB-BENCH');
  const db = app.database.db;
  const programs = await db
    .selectFrom('activities as a')
    .innerJoin('activity_recipients as r', 'r.activity_id', 'a.id')
    .leftJoin('course_offers as o', 'o.activity_id', 'a.id')
    .select('a.id')
    .where('r.country_code', '=', 'KE')
    .where('a.lifecycle_stage', 'in', ['approved', 'funded', 'implementation', 'completed'])
    .where('o.id', 'is', null)
    .orderBy('a.id', 'desc')
    .limit(20)
    .execute();
  const offers: number[] = [];
  for (const p of programs) {
    const offer = await saveOffer(
      app.deps,
      p.id,
      offerInputSchema.parse({ deadline: '2027-12-31T00:00:00Z', quotaDefault: 100_000, quotas: [], status: 'open' }),
    );
    offers.push(offer.id);
  }
  const highest = (
    await db
      .selectFrom('activities')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow()
  ).m;
  await app.close();
  const port = 3813;
  const base = `http://127.0.0.1:${port}`;
  const server = start(['bin/mitra.js', 'serve', '--no-demo', '--workers', '2', '--port', String(port)], { DATABASE_URL: url });
  try {
    await waitFor(`${base}/api/health`);
    await sleep(2000);
    const sessions = await Promise.all(embassies.map((e) => login(base, e)));
    const before = load();
    const r = await wrk(base, {
      script: 'season.lua',
      connections: 200,
      seconds: seasonSeconds,
      env: {
        SEASON_SESSIONS: sessions.map((s) => `${s.cookie}|${s.csrf}`).join(','),
        SEASON_OFFERS: offers.join(','),
        SEASON_COUNTRY: 'KE',
        SEASON_PROGRAMS: String(highest),
        SEASON_CV: cvFile(),
        SEASON_THINK_MS: String(thinkMs),
      },
    });
    console.log(
      `\n[postgres, --workers 2] nomination season, 200 users, think time ${thinkMs} ms (0.5–1.5×), ${seasonSeconds} s: ${fmt(r)}  statuses ${JSON.stringify(r.statuses)}  (load ${before})`,
    );
    const app2 = await openApp(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { migrate: false });
    const nominated = await app2.database.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(
        'activity_id',
        'in',
        programs.map((p) => p.id),
      )
      .executeTakeFirstOrThrow();
    const documents = await app2.database.db
      .selectFrom('participant_documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `[postgres] nominations stored in the season's offers: ${String(nominated.n)}; documents stored in all: ${String(documents.n)}`,
    );
    await app2.close();
  } finally {
    await stop(server);
  }
}

function cluster(action: 'stop' | 'start'): void {
  const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n').sort().pop() ?? '15';
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], {
    stdio: 'inherit',
  });
}

async function outage(url: string): Promise<void> {
  const port = 3814;
  const base = `http://127.0.0.1:${port}`;
  const server = start(['bin/mitra.js', 'serve', '--no-demo', '--port', String(port)], { DATABASE_URL: url });
  try {
    await waitFor(`${base}/api/health`);
    const started = Date.now();
    // wrk runs 30 s; the database stops at 10 s and starts again 10 s later.
    const timer = (async () => {
      await sleep(10_000);
      cluster('stop');
      const stopped = Date.now();
      await sleep(10_000);
      cluster('start');
      return { stoppedAt: (stopped - started) / 1000, startedAt: (Date.now() - started) / 1000 };
    })();
    const run = wrk(`${base}/api/v1/activities`, { script: 'outage.lua', seconds: 30 });
    const [r, times] = await Promise.all([run, timer]);
    console.log(`\n[postgres] outage: stopped at ${times.stoppedAt.toFixed(1)} s, started at ${times.startedAt.toFixed(1)} s; ${fmt(r)}`);
    const t0 = r.seconds?.[0]?.at ?? 0;
    for (const s of r.seconds ?? []) console.log(`[postgres]   second ${String(s.at - t0).padStart(2)}: ${JSON.stringify(s.statuses)}`);
    const health = await fetch(`${base}/api/health`);
    console.log(
      `[postgres] after the outage: server ${server.exitCode === null ? 'alive' : `exited (${server.exitCode})`}, /api/health ${health.status} ${await health.text()}`,
    );
  } finally {
    await stop(server);
  }
}

for (const engine of engines) {
  const url = engine === 'sqlite' ? `file:${sqliteFile}` : pgUrl;
  if (parts.includes('lists') && beforeDir) await lists(engine, engine === 'sqlite' ? `file:${sqliteBefore}` : pgBefore, beforeDir);
  if (parts.includes('lists')) await lists(engine, url);
}
if (engines.includes('postgres') && parts.includes('season')) await season(pgUrl);
if (engines.includes('postgres') && parts.includes('outage')) await outage(pgUrl);
