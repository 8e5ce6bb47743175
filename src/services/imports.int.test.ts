import { expect, it } from 'vitest';
import { describeCliOnEachEngine, runMitra } from '../testing/cli.js';

const ACTIVITIES_OK = [
  '\uFEFFIdentifier;TITLE_EN;Judul;Modality;flagship_area;Status;start_date;end_date;Location;recipient_countries;implementing_agency;partners;budget_amount;budget_currency;participants_planned;sdgs;cooperation_type;Colour',
  'IMP-001;Aquaculture training;Pelatihan budi daya;pelatihan;DEV-AGR;selesai;2018-07-15;2018-07-21;Banyuwangi;"Kenya; Tanzania ";Kementerian Kelautan dan Perikanan;;450000000;IDR;24;14.7;;blue',
  'IMP-002;"Seminar on microfinance; Palestine";;seminar;ECO-MICRO;completed;2018-03-25;2018-03-29;"Amman, Jordan";Palestina;Ministry of Foreign Affairs;;;;30;8.10;;',
  'IMP-003;DRM training with JICA;;training;DEV-DRM;ongoing;2018-10-01;2018-10-20;Jakarta;"Fiji;Papua Nugini";BNPB;JICA;85000;usd;;11.5;triangular;',
].join('\r\n');

const ACTIVITIES_BAD = [
  'identifier,title_en,modality,start_date,end_date,recipient_countries,budget_amount,budget_currency,participants_planned',
  'BAD-1,Good row,training,2018-01-10,2018-01-12,KE,,,10',
  'BAD-2,Unknown country,training,2018-01-10,2018-01-12,Narnia,,,10',
  'BAD-3,Unknown modality,dancing,2018-01-10,2018-01-12,KE,,,10',
  'BAD-4,Impossible date,training,2018-02-30,2018-03-02,KE,,,10',
  'BAD-5,End before start,training,2018-05-10,2018-05-01,KE,,,10',
  'BAD-6,Negative budget,training,2018-01-10,2018-01-12,KE,-5,IDR,10',
  'BAD-1,Duplicate identifier,training,2018-01-10,2018-01-12,KE,,,10',
  ',No identifier,training,2018-01-10,2018-01-12,KE,,,10',
  'BAD-9,,training,2018-01-10,2018-01-12,KE,,,ten',
].join('\n');

describeCliOnEachEngine(
  'CSV import',
  (mitra, env) => {
    const total = async () => JSON.parse((await mitra(['activities', 'list', '--json', '--page-size', '1'])).out).total as number;

    it('reads the lifecycle stage from a stage column, else from the status for new programs, and keeps it on re-import', async () => {
      const csv = [
        'identifier,title_en,status,stage,start_date,end_date,recipient_countries',
        'STG-1,Done last year,closed,,2031-01-10,2031-01-12,KE',
        'STG-2,Running,ongoing,,2031-02-10,2031-02-12,KE',
        'STG-3,Planned,planned,,2031-02-10,2031-02-12,KE',
        'STG-4,Approved plan,planned,disetujui,2031-03-10,2031-03-12,KE',
        'STG-5,Bad stage,planned,dreaming,2031-03-10,2031-03-12,KE',
      ].join('\n');
      const rejected = JSON.parse((await mitra(['import', 'activities', 's.csv', '--json'], { 's.csv': csv })).out);
      expect(rejected.errors).toEqual([expect.objectContaining({ line: 6, column: 'stage', value: 'dreaming' })]);
      const ok = csv.split('\n').slice(0, 5).join('\n');
      expect((await mitra(['import', 'activities', 's.csv'], { 's.csv': ok })).code).toBe(0);
      const stage = async (id: string) => JSON.parse((await mitra(['activities', 'show', id, '--json'])).out).lifecycleStage;
      // The status gives the stage whose status it is: closed → evaluated (issue 21).
      expect([await stage('STG-1'), await stage('STG-2'), await stage('STG-3'), await stage('STG-4')]).toEqual([
        'evaluated',
        'implementation',
        'request',
        'approved',
      ]);
      // A re-import without the stage column does not move programs back to "request".
      const again = ['identifier,title_en,status', 'STG-4,Approved plan (renamed),planned'].join('\n');
      expect((await mitra(['import', 'activities', 's2.csv'], { 's2.csv': again })).code).toBe(0);
      expect(await stage('STG-4')).toBe('approved');
      // Nor does a status move it on: one that contradicts the stage is refused, naming the column.
      const ahead = ['identifier,title_en,status', 'STG-4,Approved plan (renamed),ongoing'].join('\n');
      const refused = JSON.parse((await mitra(['import', 'activities', 's3.csv', '--json'], { 's3.csv': ahead })).out);
      expect(refused.errors).toEqual([
        expect.objectContaining({ line: 2, column: 'status', message: expect.stringContaining('stage "approved" has status "pipeline"') }),
      ]);
      expect(await stage('STG-4')).toBe('approved');
    });

    it('imports activities written the way spreadsheets are (BOM, semicolons, any header case and order, Indonesian words)', async () => {
      const run = await mitra(['import', 'activities', 'a.csv', '--json'], { 'a.csv': ACTIVITIES_OK });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out);
      expect(report).toMatchObject({ status: 'committed', rows: 3, inserted: 3, updated: 0, errorCount: 0 });
      expect(report.warnings).toEqual(['unknown column "Colour" is ignored']);
      expect(report.createdOrganisations.map((o: { code: string }) => o.code).sort()).toEqual([
        'ID-BNPB',
        'ID-KEMENTERIAN-KELAUTAN-DAN-PERIKANAN',
        'ID-MINISTRY-OF-FOREIGN-AFFAIRS',
      ]);
      const one = JSON.parse((await mitra(['activities', 'show', 'IMP-001', '--json'])).out);
      expect(one).toMatchObject({
        titleEn: 'Aquaculture training',
        titleId: 'Pelatihan budi daya',
        modality: 'training',
        activityStatus: 'closed',
        actualStart: '2018-07-15',
        actualEnd: '2018-07-21',
        recipients: [{ country: 'KE' }, { country: 'TZ' }],
        budgets: [{ amount: '450000000.00', currency: 'IDR', periodStart: '2018-07-15', periodEnd: '2018-07-21' }],
        participantsPlanned: 24,
        sdgs: [{ goal: 14, target: '14.7' }],
      });
      const two = JSON.parse((await mitra(['activities', 'show', 'IMP-002', '--json'])).out);
      expect(two).toMatchObject({
        titleEn: 'Seminar on microfinance; Palestine',
        venueCity: 'Amman',
        venueCountry: 'JO',
        recipients: [{ country: 'PS' }],
      });
      const three = JSON.parse((await mitra(['activities', 'show', 'IMP-003', '--json'])).out);
      expect(three).toMatchObject({
        cooperationType: 'triangular',
        activityStatus: 'implementation',
        actualStart: '2018-10-01',
        actualEnd: null,
        implementingOrg: 'ID-BNPB',
        partners: [{ org: 'JICA', iatiRole: 1, sscRole: 'second_provider' }],
        recipients: [{ country: 'FJ' }, { country: 'PG' }],
      });
    });

    it('updates instead of duplicating on re-import, changing only the columns in the file', async () => {
      const before = await total();
      const csv = 'identifier,title_en,participants_planned\nIMP-001,Aquaculture training (revised),26\n';
      const report = JSON.parse((await mitra(['import', 'activities', 'u.csv', '--json'], { 'u.csv': csv })).out);
      expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 1 });
      expect(await total()).toBe(before);
      const one = JSON.parse((await mitra(['activities', 'show', 'IMP-001', '--json'])).out);
      expect(one).toMatchObject({
        titleEn: 'Aquaculture training (revised)',
        titleId: 'Pelatihan budi daya',
        participantsPlanned: 26,
        version: 2,
      });
      expect(one.recipients).toHaveLength(2);
    });

    it('rejects a file with bad rows, listing every one with line, column and reason, and writes nothing', async () => {
      const before = await total();
      const run = await mitra(['import', 'activities', 'bad.csv'], { 'bad.csv': ACTIVITIES_BAD });
      expect(run.code).toBe(3);
      const err = run.err;
      expect(err).toMatch(/REJECTED \(nothing written\)/);
      expect(err).toMatch(/line 3, recipient_countries \("Narnia"\): unknown country "Narnia"/);
      expect(err).toMatch(/line 4, modality \("dancing"\): unknown modality "dancing"/);
      expect(err).toMatch(/line 5, start_date \("2018-02-30"\): must be a real calendar day/);
      expect(err).toMatch(/line 6, end_date \("2018-05-01"\): must not be before the start \(2018-05-10\) \[date_order\]/);
      expect(err).toMatch(/line 7, budget_amount \("-5"\): must not be negative/);
      expect(err).toMatch(/line 8, identifier \("BAD-1"\): "BAD-1" already appears on line 2 of this file/);
      expect(err).toMatch(/line 9, identifier: is required/);
      expect(err).toMatch(/line 10, participants_planned \("ten"\): "ten" is not a whole number/);
      // Every problem of a row at once: line 10 also lacks a title.
      expect(err).toMatch(/line 10, title_en: a title in English \(title_en\) or Indonesian \(title_id\) is required/);
      expect(err).toMatch(/^9 errors in 8 rows:$/m);
      const json = JSON.parse((await mitra(['import', 'activities', 'bad.csv', '--json'], { 'bad.csv': ACTIVITIES_BAD })).out);
      expect(json).toMatchObject({ status: 'rejected', rows: 9, rejectedRows: 8, errorCount: 9, inserted: 1 });
      expect(await total()).toBe(before);
      expect((await mitra(['activities', 'show', 'BAD-1'])).code).toBe(4);
    });

    it('checks only, writing nothing, on a dry run', async () => {
      const before = await total();
      const csv = 'identifier,title_en,recipient_countries,implementing_agency\nDRY-1,Dry run,KE,Brand New Agency\n';
      const report = JSON.parse((await mitra(['import', 'activities', 'd.csv', '--dry-run', '--json'], { 'd.csv': csv })).out);
      expect(report).toMatchObject({ status: 'dry_run', inserted: 1, createdOrganisations: [{ code: 'ID-BRAND-NEW-AGENCY' }] });
      expect(await total()).toBe(before);
      expect((await mitra(['orgs', 'show', 'ID-BRAND-NEW-AGENCY'])).code).toBe(4);
    });

    it('refuses files it cannot read: no header, wrong encoding, UTF-16, binary, too large', async () => {
      const missing = await mitra(['import', 'activities', 'h.csv', '--json'], { 'h.csv': 'title_en,modality\nX,training\n' });
      expect(JSON.parse(missing.out).errors[0]).toMatchObject({ line: 1, message: 'the required column "identifier" is missing' });
      const latin1 = new Uint8Array([...new TextEncoder().encode('identifier,title_en\nX-1,C'), 0xf4, ...new TextEncoder().encode('te\n')]);
      const enc = JSON.parse((await mitra(['import', 'activities', 'l.csv', '--json'], { 'l.csv': latin1 })).out);
      expect(enc.errors[0].message).toMatch(/not valid UTF-8 text; save it as "CSV UTF-8"/);
      const utf16 = JSON.parse(
        (await mitra(['import', 'activities', 'u16.csv', '--json'], { 'u16.csv': new Uint8Array([0xff, 0xfe, 0x69, 0]) })).out,
      );
      expect(utf16.errors[0].message).toMatch(/UTF-16/);
      const binary = JSON.parse(
        (await mitra(['import', 'activities', 'b.csv', '--json'], { 'b.csv': new Uint8Array([0x47, 0x49, 0x46, 0x38, 0, 0]) })).out,
      );
      expect(binary.errors[0].message).toMatch(/NUL bytes/);
      const big = 'identifier,title_en\n' + Array.from({ length: 200 }, (_, i) => `BIG-${i},Title ${i}`).join('\n');
      const tooLarge = await runMitra(
        ['import', 'activities', 'big.csv', '--json'],
        { ...env(), MITRA_IMPORT_MAX_BYTES: '2048' },
        { 'big.csv': big },
      );
      expect(tooLarge.code).toBe(3);
      expect(JSON.parse(tooLarge.out).errors[0].message).toMatch(/larger than the import limit/);
      const empty = JSON.parse((await mitra(['import', 'activities', 'e.csv', '--json'], { 'e.csv': '' })).out);
      expect(empty.errors[0].message).toMatch(/empty/);
      const unclosed = JSON.parse(
        (await mitra(['import', 'activities', 'q.csv', '--json'], { 'q.csv': 'identifier,title_en\nQ-1,"open\n' })).out,
      );
      expect(unclosed.errors[0].message).toMatch(/line 2: a quoted field is not closed/);
    });

    it('imports participants, upserting by person, and rejects bad rows', async () => {
      const ok = [
        'activity_identifier,full_name,sex,country,organisation,position,email',
        'IMP-002,Mariam Noori,P,Palestina,Ministry of Finance,Director,mariam@example.org',
        'IMP-002,Ahmad Rahimi,L,PS,Ministry of Finance,Officer,',
        'IMP-001,Grace Mwale,female,Tanzania,,,grace@example.org',
      ].join('\n');
      const first = JSON.parse((await mitra(['import', 'participants', 'p.csv', '--json'], { 'p.csv': ok })).out);
      expect(first).toMatchObject({ status: 'committed', inserted: 3, updated: 0 });
      const again = JSON.parse(
        (await mitra(['import', 'participants', 'p.csv', '--json'], { 'p.csv': ok.replace('Director', 'Head') })).out,
      );
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 3 });
      const list = JSON.parse((await mitra(['participants', 'list', 'IMP-002', '--json'])).out);
      expect(list.map((p: { position: string }) => p.position).sort()).toEqual(['Head', 'Officer']);

      const bad = [
        'activity_identifier,full_name,sex,country,email',
        'IMP-002,Someone,F,Egypt,',
        'NOPE-1,Someone,F,PS,',
        'IMP-002,Mariam Twice,F,PS,twice@example.org',
        'IMP-002,Mariam Twice,F,PS,twice@example.org',
        'IMP-002,Bad Email,F,PS,not-an-email',
        'IMP-002,Bad Sex,Q,PS,',
      ].join('\n');
      const run = await mitra(['import', 'participants', 'bad.csv'], { 'bad.csv': bad });
      expect(run.code).toBe(3);
      expect(run.err).toMatch(/line 2, country \("Egypt"\): EG is not a recipient country of this program/);
      expect(run.err).toMatch(/line 3, activity_identifier \("NOPE-1"\): no program with identifier "NOPE-1"/);
      expect(run.err).toMatch(/line 5, email: the same person is already on line 4 for this program/);
      expect(run.err).toMatch(/line 6, email \("not-an-email"\): must be an email address/);
      expect(run.err).toMatch(/line 7, sex \("Q"\): unknown sex "Q"/);
      const list2 = JSON.parse((await mitra(['participants', 'list', 'IMP-002', '--json'])).out);
      expect(list2).toHaveLength(2);
    });

    it('counts imported participants in the report, and converts with imported rates', async () => {
      const rates = 'currency,date,units_per_usd,source\nIDR,2018-01-01,14236.94,World Bank\nJPY,2018-01-01,110.42,\n';
      const r = JSON.parse((await mitra(['import', 'rates', 'r.csv', '--json'], { 'r.csv': rates })).out);
      expect(r).toMatchObject({ status: 'committed', inserted: 2 });
      const badRates = await mitra(['import', 'rates', 'r2.csv'], {
        'r2.csv': 'currency,date,units_per_usd\nXYZ,2018-01-01,1\nIDR,2018-13-01,14000\nIDR,2018-02-01,-3\n',
      });
      expect(badRates.code).toBe(3);
      expect(badRates.err).toMatch(/line 2, currency \("XYZ"\)/);
      expect(badRates.err).toMatch(/line 3, date/);
      expect(badRates.err).toMatch(/line 4, units_per_usd/);
      const summary = JSON.parse((await mitra(['report', 'summary', '--year', '2018', '--json'])).out);
      // IMP-001: 1 participant record (TZ); IMP-002: 2 records (PS); IMP-003: no figure.
      expect(summary).toMatchObject({ programs: 3, countries: 5, participants: 3 });
      expect(summary.participantSources).toEqual({
        records: { programs: 2, participants: 3 },
        totals: { programs: 0, participants: 0, splitAcrossCountries: 0 },
        none: { programs: 1 },
      });
      const text = await mitra(['report', 'summary', '--year', '2018', '--lang', 'id']);
      expect(text.out).toMatch(/Ringkasan tahunan 2018/);
      expect(text.out).toMatch(/Amerika dan Karibia/);
    });

    it('records every import as a batch, rejected ones included', async () => {
      const run = await mitra(['import', 'activities', 'x.csv', '--json'], { 'x.csv': 'identifier,title_en\nBATCH-1,Batch test\n' });
      const report = JSON.parse(run.out);
      expect(report.batchId).toBeGreaterThan(1);
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    });
  },
  async (mitra) => {
    expect((await mitra(['db', 'migrate'])).code).toBe(0);
    await mitra(['orgs', 'create', '--file', 'o.json'], {
      'o.json': JSON.stringify({
        code: 'JICA',
        acronym: 'JICA',
        nameEn: 'Japan International Cooperation Agency',
        type: '10',
        kind: 'partner',
        countryCode: 'JP',
      }),
    });
  },
);
