import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, signIn, useServer } from '../testing/server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ORG = 'ID-KEMENLU-MAP';

/** A ministry's participant list: a blank first row, Indonesian headers in its own order, typed cells. */
async function ministryWorkbook(rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Peserta');
  ws.addRow([]);
  ws.addRow(['No', 'Jabatan', 'Nama Lengkap', 'L/P', 'Negara', 'Instansi', 'Kode Program', 'Tanggal Lahir']);
  for (const row of rows) ws.addRow([...row]);
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MAPPING = {
  No: null,
  Jabatan: 'position',
  'Nama Lengkap': 'full_name',
  'L/P': 'sex',
  Negara: 'country',
  Instansi: 'organisation',
  'Kode Program': 'activity_identifier',
  'Tanggal Lahir': null,
};

describeEachEngine('column mappings for a ministry’s own spreadsheets', (app) => {
  const server = useServer(app, { as: 'coordinator', orgCode: ORG });
  const upload = (as: FastifyInstance, url: string, body: Buffer, name = 'peserta.xlsx', type = XLSX) =>
    as.inject({ method: 'POST', url, payload: body, headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) } });
  let workbook: Buffer;

  beforeAll(async () => {
    const programs = 'identifier,title_en,recipient_countries,start_date\nMAP-1,Mapped training,Timor Leste; Fiji,2019-05-01\n';
    const res = await upload(server(), '/api/v1/imports/activities', Buffer.from(programs), 'programs.csv', 'text/csv');
    expect(res.statusCode).toBe(200);
    workbook = await ministryWorkbook([
      [
        1,
        'Staf',
        'Ana da Costa',
        'P',
        'Timor Leste',
        { richText: [{ text: 'Kementerian ' }, { text: 'Kesehatan', font: { bold: true } }] },
        'MAP-1',
        new Date(Date.UTC(1990, 0, 31)),
      ],
      [2, 'Kepala Seksi', 'Jone Tui', 'L', 'Fiji', 'Ministry of Health', 'MAP-1', new Date(Date.UTC(1985, 5, 1))],
    ]);
  });

  it('lists the columns of an XLSX file with samples and suggestions from Indonesian headers', async () => {
    const res = await upload(server(), '/api/v1/imports/participants/columns', workbook);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'participants', source: 'peserta.xlsx', headerLine: 2, saved: null });
    expect(body.columns.map((c: { header: string; suggestion: string | null }) => [c.header, c.suggestion])).toEqual([
      ['No', null],
      ['Jabatan', 'position'],
      ['Nama Lengkap', 'full_name'],
      ['L/P', 'sex'],
      ['Negara', 'country'],
      ['Instansi', 'organisation'],
      ['Kode Program', 'activity_identifier'],
      ['Tanggal Lahir', null],
    ]);
    expect(body.columns[5].samples).toEqual(['Kementerian Kesehatan', 'Ministry of Health']);
    expect(body.columns[7].samples).toEqual(['1990-01-31', '1985-06-01']);
    expect(body.required).toEqual([['activity_identifier'], ['full_name'], ['country']]);
  });

  it('previews and imports the workbook through a mapping; a required field left unmapped is a problem up front', async () => {
    const query = (mapping: object) => `mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const unmapped = await upload(server(), `/api/v1/imports/participants?dryRun=true&${query({ ...MAPPING, Negara: null })}`, workbook);
    expect(unmapped.statusCode).toBe(422);
    expect(unmapped.json().report.errors).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('no column is mapped to the required field "country"') }),
    ]);
    const dry = await upload(server(), `/api/v1/imports/participants?dryRun=true&${query(MAPPING)}`, workbook);
    expect(dry.json()).toMatchObject({ status: 'dry_run', rows: 2, inserted: 2, errorCount: 0, warnings: [] });
    const program = (await server().inject('/api/v1/activities/by-identifier/MAP-1')).json();
    expect((await server().inject(`/api/v1/activities/${program.id}/participants`)).json().items).toEqual([]);
    const real = await upload(server(), `/api/v1/imports/participants?${query(MAPPING)}`, workbook);
    expect(real.json()).toMatchObject({ status: 'committed', inserted: 2 });
    const people = (await server().inject(`/api/v1/activities/${program.id}/participants`)).json().items;
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fullName: 'Ana da Costa',
          sex: 'F',
          country: 'TL',
          organisation: 'Kementerian Kesehatan',
          position: 'Staf',
        }),
        expect.objectContaining({ fullName: 'Jone Tui', sex: 'M', country: 'FJ' }),
      ]),
    );
  });

  it('names the spreadsheet row of a bad cell', async () => {
    const bad = await ministryWorkbook([
      [1, 'Staf', 'Mele Vake', 'L', 'Fiji', 'MoH', 'MAP-1', null],
      [2, 'Staf', 'Sione Vake', 'Z', 'Fiji', 'MoH', 'MAP-1', null],
    ]);
    const res = await upload(
      server(),
      `/api/v1/imports/participants?dryRun=true&mapping=${encodeURIComponent(JSON.stringify(MAPPING))}`,
      bad,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors).toEqual([expect.objectContaining({ line: 4, column: 'sex', value: 'Z' })]);
  });

  it('imports programs from an XLSX workbook with dates and numbers in typed cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Program');
    ws.addRow(['Kode Program', 'Judul Program', 'Negara Penerima', 'Tanggal Mulai', 'Jumlah Peserta']);
    ws.addRow(['MAP-XL-1', 'Pelatihan irigasi', 'Fiji', new Date(Date.UTC(2019, 6, 15)), 20]);
    ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const columns = (await upload(server(), '/api/v1/imports/activities/columns', bytes, 'program.xlsx')).json();
    const mapping = Object.fromEntries(columns.columns.map((c: { header: string; suggestion: string | null }) => [c.header, c.suggestion]));
    expect(mapping).toEqual({
      'Kode Program': 'identifier',
      'Judul Program': 'title_id',
      'Negara Penerima': 'recipient_countries',
      'Tanggal Mulai': 'start_date',
      'Jumlah Peserta': 'participants_planned',
    });
    const res = await upload(
      server(),
      `/api/v1/imports/activities?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      bytes,
      'program.xlsx',
    );
    expect(res.json()).toMatchObject({ status: 'committed', inserted: 1 });
    const program = (await server().inject('/api/v1/activities/by-identifier/MAP-XL-1')).json();
    expect(program).toMatchObject({ titleId: 'Pelatihan irigasi', plannedStart: '2019-07-15', participantsPlanned: 20 });
  });

  it('reads the columns of a CSV body from its first rows only, and takes the mapping as a form field before the file', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `MAP-1;Orang ${i};Fiji;L`).join('\n');
    const csv = await upload(
      server(),
      '/api/v1/imports/participants/columns',
      Buffer.from(`Kode Kegiatan;Nama;Negara;JK\n${rows}\n`),
      'daftar.csv',
      'text/csv',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.json().columns.map((c: { suggestion: string | null }) => c.suggestion)).toEqual([
      'activity_identifier',
      'full_name',
      'country',
      'sex',
    ]);
    expect(csv.json().columns[1].samples).toEqual(['Orang 0', 'Orang 1', 'Orang 2']);
    const boundary = '----mitra-map';
    const mapping = JSON.stringify({ ...MAPPING, Jabatan: null });
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="mapping"\r\n\r\n${mapping}\r\n`),
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="peserta.xlsx"\r\ncontent-type: ${XLSX}\r\n\r\n`),
      workbook,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/participants?dryRun=true',
      payload: form,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.json()).toMatchObject({ status: 'dry_run', source: 'peserta.xlsx', rows: 2, errorCount: 0 });
  });

  it('refuses a file named .xlsx that is not one, naming the file', async () => {
    const res = await upload(server(), '/api/v1/imports/participants?dryRun=true', Buffer.from('nama,negara\nAna,TL\n'), 'palsu.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors[0].message).toMatch(/"palsu\.xlsx" is not an Excel workbook \(\.xlsx\)/);
  });

  it('saves the mapping for the agency, offers it for the same headers next time, and audits it', async () => {
    const headers = Object.keys(MAPPING);
    const saved = await server().inject({
      method: 'PUT',
      url: '/api/v1/import-mappings',
      payload: { kind: 'participants', headers, mapping: MAPPING },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ org: ORG, kind: 'participants', headers, mapping: MAPPING });
    // The same headers in another order (and case) find it.
    const columns = (await upload(server(), '/api/v1/imports/participants/columns', workbook)).json();
    expect(columns.saved).toMatchObject({ id: saved.json().id, mapping: MAPPING });
    // Saved again: replaced, not added.
    const again = await server().inject({
      method: 'PUT',
      url: '/api/v1/import-mappings',
      payload: { kind: 'participants', headers: [...headers].reverse(), mapping: { ...MAPPING, Jabatan: null } },
    });
    expect(again.json()).toMatchObject({ id: saved.json().id, mapping: { Jabatan: null } });
    const list = (await server().inject('/api/v1/import-mappings?kind=participants')).json();
    expect(list.items).toHaveLength(1);
    // A mapping the import would refuse is not saved.
    const bad = await server().inject({
      method: 'PUT',
      url: '/api/v1/import-mappings',
      payload: { kind: 'participants', headers, mapping: { ...MAPPING, Negara: null } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toMatch(/no column is mapped to the required field "country"/);
    const admin = asSession(server(), await signIn(server(), app(), 'admin'));
    const log = (await admin.inject('/api/v1/audit?entity=import_mapping')).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('lets only the agency’s own officers and the coordination team see and change its mappings', async () => {
    const own = asSession(server(), await signIn(server(), app(), 'agency', ORG));
    const other = asSession(server(), await signIn(server(), app(), 'agency', 'ID-OTHER-MAP'));
    const viewer = asSession(server(), await signIn(server(), app(), 'viewer'));
    const mine = (await own.inject('/api/v1/import-mappings')).json();
    expect(mine.items).toHaveLength(1);
    expect((await other.inject(`/api/v1/import-mappings?org=${ORG}`)).statusCode).toBe(403);
    expect((await other.inject('/api/v1/import-mappings')).json().items).toEqual([]);
    expect((await viewer.inject(`/api/v1/import-mappings?org=${ORG}`)).statusCode).toBe(403);
    expect((await server().inject({ url: `/api/v1/import-mappings?org=${ORG}`, headers: { cookie: '' } })).statusCode).toBe(401);
    const payload = {
      org: ORG,
      kind: 'participants',
      headers: ['Nama', 'Negara', 'Kode'],
      mapping: { Nama: 'full_name', Negara: 'country', Kode: 'activity_identifier' },
    };
    expect((await other.inject({ method: 'PUT', url: '/api/v1/import-mappings', payload })).statusCode).toBe(403);
    const made = await own.inject({ method: 'PUT', url: '/api/v1/import-mappings', payload });
    expect(made.statusCode).toBe(200);
    expect((await other.inject({ method: 'DELETE', url: `/api/v1/import-mappings/${made.json().id}` })).statusCode).toBe(404);
    expect((await own.inject({ method: 'DELETE', url: `/api/v1/import-mappings/${made.json().id}` })).statusCode).toBe(204);
    expect((await own.inject('/api/v1/import-mappings')).json().items).toHaveLength(1);
    // The coordination team names the agency; without one (and no organisation of its own) it must.
    const admin = asSession(server(), await signIn(server(), app(), 'admin'));
    expect((await admin.inject(`/api/v1/import-mappings?org=${ORG}`)).json().items).toHaveLength(1);
    expect((await admin.inject('/api/v1/import-mappings')).statusCode).toBe(422);
  });
});
