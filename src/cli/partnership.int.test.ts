/**
 * `mitra partners|agreements|engagements|follow-ups` on both engines. The CLI runs on the real
 * clock, so the data that depends on today (validity, due days) is written relative to it; the
 * renewal reminders go through a local fake SMTP server.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { userInputSchema } from '../domain/account/user.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { addDays } from '../domain/dates.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { agreementInputSchema, engagementInputSchema } from '../domain/partnership/partnership.schema.js';
import { openApp } from '../main.js';
import { createProgram } from '../services/programs.js';
import { createOrganisation } from '../services/organisations.js';
import { createAgreement } from '../services/agreements.js';
import { createEngagement } from '../services/engagements.js';
import { createUser } from '../services/users.js';
import { aProgram } from '../testing/builders.js';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';

const ABC = 'BR-CLI-ABC';
const AMEXCID = 'MX-CLI-AMEXCID';
const AGENCY = 'ID-CLI-AGENCY';
const OWNER = 'owner@agency.test';
const COORDINATOR = 'coordinator@mitra.test';

interface SmtpMessage {
  readonly to: string[];
  readonly data: string;
}

/** Just enough of an SMTP server (RFC 5321, no TLS, no auth) to receive what nodemailer sends. */
async function fakeSmtp(): Promise<{ url: string; messages: SmtpMessage[]; close: () => Promise<void> }> {
  const messages: SmtpMessage[] = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let data: string[] | null = null;
    let to: string[] = [];
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== '.') data.push(line.startsWith('..') ? line.slice(1) : line);
          else {
            messages.push({ to, data: data.join('\n') });
            [data, to] = [null, []];
            socket.write('250 queued\r\n');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT') to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        if (verb === 'DATA') {
          data = [];
          socket.write('354 end with <CRLF>.<CRLF>\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(['EHLO', 'HELO', 'MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb) ? '250 ok\r\n' : '502 not implemented\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => addDays(today, n);

describeCliOnEachEngine('mitra partnerships', (mitra, env) => {
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await fakeSmtp();
    const app = await openApp(loadConfig({ ...env(), LOG_LEVEL: 'silent' }));
    try {
      const deps = app.deps;
      await createOrganisation(
        deps,
        organisationInputSchema.parse({
          code: ABC,
          nameEn: 'Brazilian Cooperation Agency',
          acronym: 'ABC',
          type: '10',
          countryCode: 'BR',
          kind: 'partner',
        }),
      );
      await createOrganisation(
        deps,
        organisationInputSchema.parse({
          code: AMEXCID,
          nameEn: 'Mexican Agency for International Development Cooperation',
          acronym: 'AMEXCID',
          type: '10',
          countryCode: 'MX',
          kind: 'partner',
        }),
      );
      await createOrganisation(
        deps,
        organisationInputSchema.parse({
          code: AGENCY,
          nameEn: 'Ministry of Agriculture',
          type: '10',
          countryCode: 'ID',
          kind: 'provider_agency',
        }),
      );
      await createUser(
        deps,
        userInputSchema.parse({
          email: OWNER,
          name: 'Agency owner',
          role: 'agency',
          orgCode: AGENCY,
          password: 'correct horse battery staple',
        }),
      );
      await createUser(
        deps,
        userInputSchema.parse({ email: COORDINATOR, name: 'Coordinator', role: 'coordinator', password: 'correct horse battery staple' }),
      );
      // Triangular programs: with ABC in 2015, 2016 ×2, 2017, and with ABC and AMEXCID in 2017;
      // with AMEXCID alone in 2016; ABC also in a bilateral 2016 one and a 2017 request (not counted).
      const program = (year: number, partners: string[], extra: Record<string, unknown> = {}) =>
        createProgram(
          deps,
          programInputSchema.parse(
            aProgram({
              cooperationType: 'triangular',
              plannedStart: `${year}-05-01`,
              plannedEnd: `${year}-05-10`,
              lifecycleStage: 'completed',
              activityStatus: 'finalisation',
              partners: partners.map((org) => ({ org, iatiRole: 1, sscRole: 'second_provider' })),
              ...extra,
            }),
          ),
        );
      for (const year of [2015, 2016, 2016, 2017]) await program(year, [ABC]);
      await program(2017, [ABC, AMEXCID]);
      await program(2016, [AMEXCID]);
      await program(2016, [ABC], { cooperationType: 'bilateral' });
      await program(2017, [ABC], { lifecycleStage: 'request', activityStatus: 'pipeline' });

      const agreement = async (key: string, input: Record<string, unknown>) => {
        refs[key] = (await createAgreement(deps, agreementInputSchema.parse({ ownerOrg: AGENCY, ...input }))).reference;
      };
      await agreement('A1', {
        kind: 'technical_cooperation',
        titleEn: 'Brazil technical cooperation',
        parties: [{ org: ABC }],
        status: 'in_force',
        signedOn: inDays(-300),
        validUntil: inDays(60),
      });
      await agreement('A2', {
        kind: 'mou',
        titleEn: 'Mexico MoU',
        parties: [{ org: AMEXCID }],
        status: 'signed',
        signedOn: inDays(-10),
        validUntil: inDays(400),
      });
      await agreement('A3', { kind: 'work_plan', titleEn: '=SUM(A1:A2) work plan', parties: [{ org: ABC }] });

      const engagement = async (key: string, input: Record<string, unknown>) => {
        refs[key] = (await createEngagement(deps, engagementInputSchema.parse({ ownerOrg: AGENCY, ...input }))).reference;
      };
      await engagement('E1', {
        kind: 'visit',
        title: 'Visit to Brazil',
        startsOn: '2017-05-24',
        endsOn: '2017-05-26',
        country: 'BR',
        partnerOrg: ABC,
        items: [{ side: 'theirs', kind: 'offer', description: "Farmers' training centres in Tanzania", country: 'TZ' }],
        followUps: [
          { action: 'Send comments on the draft agreement', owner: ABC, dueOn: '2017-06-30' },
          { action: 'Prepare the curriculum', owner: OWNER, dueOn: inDays(30) },
        ],
      });
      await engagement('E2', {
        kind: 'meeting',
        title: 'Meeting with AMEXCID',
        startsOn: '2018-03-01',
        country: 'MX',
        partnerOrg: AMEXCID,
        followUps: [
          { action: 'Answer the proposal', owner: AMEXCID, dueOn: inDays(-1) },
          { action: 'Plan the next visit', owner: AMEXCID },
        ],
      });
    } finally {
      await app.close();
    }
  });
  afterAll(() => smtp?.close());

  it('lists partners with their triangular programs, in all and in the years asked, and the total of the range', async () => {
    const r = await mitra(['partners', 'list', '--since', '2016', '--up-to', '2017']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^code\s+acronym\s+country\s+programs\s+triangular\s+triangular 2016–2017\s+agreements\s+engagements\s+last engagement\s+name$/m,
    );
    // ABC: 6 published programs, 5 triangular, 4 of them in 2016–2017; 2 agreements, 1 engagement.
    expect(r.out).toMatch(new RegExp(`^${ABC}\\s+ABC\\s+BR\\s+6\\s+5\\s+4\\s+2\\s+1\\s+2017-05-24\\s+Brazilian Cooperation Agency$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^${AMEXCID}\\s+AMEXCID\\s+MX\\s+2\\s+2\\s+2\\s+1\\s+1\\s+2018-03-01\\s+Mexican Agency`, 'm'));
    // 2016: 3 (two with ABC, one with AMEXCID), 2017: 2 (the one with both partners counted once).
    expect(r.out).toMatch(/^2 partner\(s\); triangular programs in 2016–2017: 5 /m);
    const since = await mitra(['partners', 'list', '--since', '2017', '--q', 'abc']);
    expect(since.out).toMatch(new RegExp(`^${ABC}\\s+ABC\\s+BR\\s+6\\s+5\\s+2\\s`, 'm'));
    expect(since.out).toMatch(/^1 partner\(s\); triangular programs in 2017 onwards: 2 /m);
    const asJson = JSON.parse((await mitra(['partners', 'list', '--format', 'json', '--up-to', '2015'])).out);
    expect(asJson).toMatchObject({ triangularInRange: 1, since: null, upTo: 2015 });
    const csv = await mitra(['partners', 'list', '--format', 'csv', '--since', '2016']);
    expect(csv.out.split('\r\n')[0]).toBe(
      'code,acronym,name,kind,country,programs,triangular,triangular_2016_all,agreements,engagements,last_engagement',
    );
    expect(csv.out).toContain(`${ABC},ABC,Brazilian Cooperation Agency,Partner`);
    const bad = await mitra(['partners', 'list', '--since', '1800']);
    expect([bad.code, bad.err]).toEqual([3, expect.stringMatching(/since: /)]);
  });

  it('lists agreements with their filters and writes the same CSV and XLSX as the API', async () => {
    const all = await mitra(['agreements', 'list']);
    expect(all.code, all.err).toBe(0);
    // Latest signed first; the draft counts from the day it was recorded (today).
    expect([...all.out.matchAll(/^(AGR-\d{4}-\d{4})\s/gm)].map((m) => m[1])).toEqual([refs.A3, refs.A2, refs.A1]);
    expect(all.out).toMatch(
      new RegExp(
        `^${refs.A1}\\s+technical_cooperation\\s+in_force\\s+${ABC}\\s+${inDays(-300)}\\s+${inDays(60)}\\s+60\\s+${AGENCY}\\s+Brazil technical cooperation$`,
        'm',
      ),
    );
    expect(all.out).toMatch(/^3 agreement\(s\)$/m);
    expect((await mitra(['agreements', 'list', '--status', 'in_force'])).out).toMatch(
      new RegExp(`^${refs.A1}\\s[^]*^1 agreement\\(s\\)$`, 'm'),
    );
    expect((await mitra(['agreements', 'list', '--partner', AMEXCID.toLowerCase()])).out).toMatch(
      new RegExp(`^${refs.A2}\\s[^]*^1 agreement\\(s\\)$`, 'm'),
    );
    expect((await mitra(['agreements', 'list', '--expiring-within', '60'])).out).toMatch(
      new RegExp(`^${refs.A1}\\s[^]*^1 agreement\\(s\\)$`, 'm'),
    );
    expect((await mitra(['agreements', 'list', '--expiring-within', '59'])).out).toMatch(/^0 agreement\(s\)$/m);
    const badStatus = await mitra(['agreements', 'list', '--status', 'signed,lost']);
    expect([badStatus.code, badStatus.err]).toEqual([3, expect.stringContaining('unknown agreement status "lost"')]);

    const files: Record<string, string | Uint8Array> = {};
    const csv = await mitra(['agreements', 'list', '--format', 'csv', '--out', 'agreements.csv', '--lang', 'id'], files);
    expect([csv.code, csv.err]).toEqual([0, 'wrote 3 agreement(s) to agreements.csv\n']);
    const bytes = files['agreements.csv'] as Uint8Array;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'reference,kind,title,status,parties,flagship_areas,signed_on,valid_from,valid_until,days_left,owner,programs,documents,illustrative',
    );
    expect(lines[1]).toBe(`${refs.A3},Rencana kerja tahunan,'=SUM(A1:A2) work plan,Rancangan,${ABC},,,,,,${AGENCY},0,0,tidak`);
    expect(lines[3]).toBe(
      `${refs.A1},Perjanjian kerja sama teknik,Brazil technical cooperation,Berlaku,${ABC},,${inDays(-300)},,${inDays(60)},60,${AGENCY},0,0,tidak`,
    );
    const xlsx = await mitra(['agreements', 'list', '--format', 'xlsx', '--out', 'agreements.xlsx'], files);
    expect(xlsx.code, xlsx.err).toBe(0);
    expect(
      Buffer.from(files['agreements.xlsx'] as Uint8Array)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('PK\u0003\u0004');
    const stdout = await mitra(['agreements', 'list', '--format', 'csv', '--status', 'signed']);
    expect(stdout.out).toBe(
      `${lines[0]}\r\n${refs.A2},Memorandum of understanding,Mexico MoU,Signed,${AMEXCID},,${inDays(-10)},,${inDays(400)},400,${AGENCY},0,0,no\n`,
    );
    expect((await mitra(['agreements', 'list', '--format', 'xlsx'])).code).toBe(3);
    expect((await mitra(['agreements', 'list', '--format', 'pdf'])).code).toBe(3);
  });

  it('lists engagements and follow-ups with their filters', async () => {
    const all = await mitra(['engagements', 'list']);
    expect(all.code, all.err).toBe(0);
    expect([...all.out.matchAll(/^(ENG-\d{4}-\d{4})\s/gm)].map((m) => m[1])).toEqual([refs.E2, refs.E1]);
    expect(all.out).toMatch(
      new RegExp(`^${refs.E1}\\s+visit\\s+2017-05-24\\s+2017-05-26\\s+BR\\s+${ABC}\\s+1\\s+0\\s+2\\s+1\\s+Visit to Brazil$`, 'm'),
    );
    const ids = async (args: string[]) =>
      [...(await mitra(['engagements', 'list', ...args])).out.matchAll(/^(ENG-\d{4}-\d{4})\s/gm)].map((m) => m[1]);
    expect(await ids(['--partner', ABC])).toEqual([refs.E1]);
    expect(await ids(['--country', 'Mexico'])).toEqual([refs.E2]);
    expect(await ids(['--country', 'TZ'])).toEqual([refs.E1]);
    expect(await ids(['--from', '2017-05-26', '--to', '2017-12-31'])).toEqual([refs.E1]);
    expect(await ids(['--from', '2017-05-27'])).toEqual([refs.E2]);
    expect((await mitra(['engagements', 'list', '--from', '2017-02-30'])).code).toBe(3);
    const files: Record<string, string | Uint8Array> = {};
    expect((await mitra(['engagements', 'list', '--format', 'xlsx', '--out', 'e.xlsx', '--partner', ABC], files)).err).toBe(
      'wrote 1 engagement(s) to e.xlsx\n',
    );
    const csv = await mitra(['engagements', 'list', '--format', 'csv', '--partner', AMEXCID]);
    expect(csv.out.trimEnd().split('\r\n')[1]).toBe(
      `${refs.E2},Meeting,Meeting with AMEXCID,2018-03-01,,,MX,${AMEXCID},,,,,,2,1,${AGENCY},no`,
    );

    const followUps = await mitra(['follow-ups', 'list']);
    expect(followUps.code, followUps.err).toBe(0);
    expect([...followUps.out.matchAll(/^\d+\s+ENG-\d{4}-\d{4}\s+(\S+)?\s*(open)\s+(OVERDUE)?\s*(\S+)\s+(.+)$/gm)].map((m) => m[5])).toEqual(
      ['Send comments on the draft agreement', 'Answer the proposal', 'Prepare the curriculum', 'Plan the next visit'],
    );
    expect(followUps.out).toMatch(/^4 follow-up\(s\), 2 overdue$/m);
    const overdue = await mitra(['follow-ups', 'list', '--overdue']);
    expect(overdue.out).toMatch(
      new RegExp(`^\\d+\\s+${refs.E1}\\s+2017-06-30\\s+open\\s+OVERDUE\\s+${ABC}\\s+Send comments on the draft agreement$`, 'm'),
    );
    expect(overdue.out).toMatch(
      new RegExp(`^\\d+\\s+${refs.E2}\\s+${inDays(-1)}\\s+open\\s+OVERDUE\\s+${AMEXCID}\\s+Answer the proposal$`, 'm'),
    );
    expect(overdue.out).toMatch(/^2 follow-up\(s\), 2 overdue$/m);
    const mine = await mitra(['follow-ups', 'list', '--owner', OWNER.toUpperCase(), '--format', 'json']);
    expect(JSON.parse(mine.out).items.map((f: { action: string; overdue: boolean }) => [f.action, f.overdue])).toEqual([
      ['Prepare the curriculum', false],
    ]);
  });

  it('queues the due renewal reminders once and sends them', async () => {
    const queued = await mitra(['agreements', 'remind']);
    expect(queued.code, queued.err).toBe(0);
    // 60 days left: the 180- and 90-day reminders are due; one mail (the 90-day one) to the owning agency's account and the coordinator.
    expect(queued.out).toContain(`${refs.A1}: valid until ${inDays(60)}, 60 day(s) left: 90-day reminder queued for 2 recipient(s)\n`);
    // Without SMTP the mail stays queued.
    expect(queued.out).toMatch(
      new RegExp(
        `^\\(not sent: no MITRA_SMTP_URL\\) queued #\\d+ to ${COORDINATOR}: \\[Mitra\\] ${refs.A1}: berakhir ${inDays(60)} / ends ${inDays(60)} \\(60 hari / days\\)$`,
        'm',
      ),
    );
    expect(queued.out).toMatch(new RegExp(`^\\(not sent: no MITRA_SMTP_URL\\) queued #\\d+ to ${OWNER}: `, 'm'));
    expect(smtp.messages).toEqual([]);

    const withSmtp = (args: string[]) => runMitra(args, { ...env(), MITRA_SMTP_URL: smtp.url });
    const delivered = await withSmtp(['agreements', 'remind']);
    expect(delivered.code, delivered.err).toBe(0);
    expect(delivered.out).toBe(`no renewal reminder is due\nsent 2, failed 0 (through ${smtp.url})\n`);
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([[COORDINATOR], [OWNER]]);
    // Header lines are folded (RFC 5322 §2.2.3): unfold before reading the subject.
    expect(smtp.messages[0]?.data.replace(/\n(?=[ \t])/g, '')).toContain(
      `Subject: [Mitra] ${refs.A1}: berakhir ${inDays(60)} / ends ${inDays(60)} (60 hari / days)`,
    );
    expect((await withSmtp(['agreements', 'remind'])).out).toBe(`no renewal reminder is due\nsent 0, failed 0 (through ${smtp.url})\n`);
    expect(smtp.messages).toHaveLength(2);
  });
});
