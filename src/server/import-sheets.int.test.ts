import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, signIn, useServer } from '../testing/server.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const AGENCY = 'ID-KEMENKES-SHEET';

/** A ministry's workbook: a cover sheet first, the programs on the second (a blank row above the header). */
async function twoSheetWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Catatan & Sampul').addRow(['Laporan kerja sama', '2019']);
  const ws = wb.addWorksheet('Daftar Program');
  ws.addRow([]);
  ws.addRow(['Kode Program', 'Judul Program', 'Negara Penerima', 'Tanggal Mulai']);
  ws.addRow(['SHEET-1', 'Pelatihan irigasi', 'Fiji', '2019-07-15']);
  ws.addRow(['SHEET-2', 'Pelatihan air', 'Fiji', '2019-02-30']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PROGRAM_MAPPING = {
  'Kode Program': 'identifier',
  'Judul Program': 'title_id',
  'Negara Penerima': 'recipient_countries',
  'Tanggal Mulai': 'start_date',
};

describeEachEngine('import sheets, mappings saved for an agency, warnings in the reader’s language', (app) => {
  // A coordinator of the secretariat without an organisation of its own.
  const server = useServer(app, { as: 'coordinator' });
  const upload = (as: FastifyInstance, url: string, body: Buffer, name = 'program.xlsx', type = XLSX) =>
    as.inject({ method: 'POST', url, payload: body, headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) } });
  let workbook: Buffer;

  beforeAll(async () => {
    workbook = await twoSheetWorkbook();
    await ensureOrg(app(), AGENCY);
  });

  it('names the workbook’s sheets and the one read; ?sheet= reads another, and its rows are named in the preview', async () => {
    const first = (await upload(server(), '/api/v1/imports/activities/columns', workbook)).json();
    expect(first).toMatchObject({ sheets: ['Catatan & Sampul', 'Daftar Program'], sheet: 'Catatan & Sampul', headerLine: 1 });
    const second = (
      await upload(server(), `/api/v1/imports/activities/columns?sheet=${encodeURIComponent('daftar program')}`, workbook)
    ).json();
    expect(second).toMatchObject({ sheets: ['Catatan & Sampul', 'Daftar Program'], sheet: 'Daftar Program', headerLine: 2 });
    expect(second.columns.map((c: { header: string }) => c.header)).toEqual(Object.keys(PROGRAM_MAPPING));
    const mapping = encodeURIComponent(JSON.stringify(PROGRAM_MAPPING));
    const preview = await upload(server(), `/api/v1/imports/activities?dryRun=true&sheet=Daftar%20Program&mapping=${mapping}`, workbook);
    expect(preview.statusCode).toBe(422);
    expect(preview.json().report.errors).toEqual([expect.objectContaining({ line: 4, column: 'start_date', value: '2019-02-30' })]);
    const missing = await upload(server(), `/api/v1/imports/activities/columns?sheet=Anggaran`, workbook);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toMatch(/no sheet named "Anggaran" \(its sheets: Catatan & Sampul, Daftar Program\)/);
    // A CSV file has no sheets.
    const csv = (
      await upload(server(), '/api/v1/imports/activities/columns', Buffer.from('identifier,title_en\n'), 'p.csv', 'text/csv')
    ).json();
    expect(csv).toMatchObject({ sheets: [], sheet: null });
  });

  it('lets a coordinator without an organisation save a mapping for an agency, find it by ?org=, list and delete it', async () => {
    const headers = Object.keys(PROGRAM_MAPPING);
    const withoutOrg = await server().inject({
      method: 'PUT',
      url: '/api/v1/import-mappings',
      payload: { kind: 'activities', headers, mapping: PROGRAM_MAPPING },
    });
    expect(withoutOrg.statusCode).toBe(422);
    const saved = await server().inject({
      method: 'PUT',
      url: '/api/v1/import-mappings',
      payload: { org: AGENCY, kind: 'activities', headers, mapping: PROGRAM_MAPPING },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ org: AGENCY, kind: 'activities', headers });
    const columns = (await upload(server(), `/api/v1/imports/activities/columns?sheet=Daftar%20Program&org=${AGENCY}`, workbook)).json();
    expect(columns.saved).toMatchObject({ id: saved.json().id, org: AGENCY });
    expect((await upload(server(), '/api/v1/imports/activities/columns?sheet=Daftar%20Program', workbook)).json().saved).toBeNull();
    const list = (await server().inject(`/api/v1/import-mappings?org=${AGENCY}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: saved.json().id, headers, updatedByName: 'Test coordinator' })]);
    // The agency's own officer sees it too, and may not see another agency's.
    const officer = asSession(server(), await signIn(server(), app(), 'agency', AGENCY));
    expect((await officer.inject('/api/v1/import-mappings')).json().items).toHaveLength(1);
    const deleted = await server().inject({ method: 'DELETE', url: `/api/v1/import-mappings/${saved.json().id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await server().inject(`/api/v1/import-mappings?org=${AGENCY}`)).json().items).toEqual([]);
    const admin = asSession(server(), await signIn(server(), app(), 'admin'));
    const log = (await admin.inject('/api/v1/audit?entity=import_mapping')).json();
    expect(log.items.map((e: { action: string; entityLabel: string }) => [e.action, e.entityLabel.split(' ')[0]])).toEqual([
      ['delete', AGENCY],
      ['create', AGENCY],
    ]);
  });

  it('gives warnings a code and params, in the request’s language', async () => {
    const csv = Buffer.from(
      'identifier,title_en,recipient_countries,start_date,Warna,titel_id\nWARN-1,Warned training,Fiji,2019-05-01,merah,x\n',
    );
    const id = await upload(server(), '/api/v1/imports/activities?dryRun=true&lang=id', csv, 'p.csv', 'text/csv');
    expect(id.statusCode).toBe(200);
    expect(id.json().warnings).toEqual([
      'kolom "Warna" tidak dikenal dan diabaikan',
      'kolom "titel_id" tidak dikenal dan diabaikan (mungkin maksud Anda "title_id"?)',
    ]);
    expect(id.json().warningDetails).toEqual([
      { code: 'unknown_column', params: { column: 'Warna' }, message: 'kolom "Warna" tidak dikenal dan diabaikan' },
      expect.objectContaining({ code: 'unknown_column', params: { column: 'titel_id', suggestion: 'title_id' } }),
    ]);
    const en = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/activities?dryRun=true',
      payload: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': 'en-GB,id;q=0.5' },
    });
    expect(en.json().warnings).toEqual([
      'unknown column "Warna" is ignored',
      'unknown column "titel_id" is ignored (did you mean "title_id"?)',
    ]);
    const byHeader = await server().inject({
      method: 'POST',
      url: '/api/v1/imports/activities?dryRun=true',
      payload: csv,
      headers: { 'content-type': 'text/csv', 'accept-language': 'id-ID' },
    });
    expect(byHeader.json().warningDetails[0].message).toBe('kolom "Warna" tidak dikenal dan diabaikan');
  });

  it('renders unknown IATI codes and the IATI version in Indonesian', async () => {
    const xml = `<?xml version="1.0"?>
<iati-activities version="2.04">
  <iati-activity>
    <iati-identifier>ID-TEST-WARN-IATI-1</iati-identifier>
    <reporting-org ref="ID-TEST" type="10"><narrative>Test</narrative></reporting-org>
    <title><narrative>Warned IATI program</narrative></title>
    <activity-status code="2"/>
    <activity-date type="2" iso-date="2019-01-01"/>
    <recipient-country code="FJ"/>
    <sector vocabulary="1" code="99999"/>
  </iati-activity>
</iati-activities>`;
    const res = await upload(server(), '/api/v1/imports/iati?dryRun=true&lang=id', Buffer.from(xml), 'a.xml', 'application/xml');
    expect(res.statusCode).toBe(200);
    const details: { code: string; message: string }[] = res.json().warningDetails;
    expect(details.map((w) => w.code)).toContain('iati_version');
    expect(res.json().warnings).toContain(
      'berkas menyatakan IATI versi 2.04 yang tidak dikenal Mitra: dibaca sebagai 2.03 (Mitra membaca versi 1.01 sampai 2.03)',
    );
    expect(details.map((w) => w.code)).toContain('unknown_iati_code');
    expect(details.find((w) => w.code === 'unknown_iati_code')?.message).toMatch(/"99999" tidak ada dalam daftar Mitra/);
  });
});
