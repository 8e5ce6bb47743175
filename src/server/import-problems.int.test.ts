/**
 * One upload shows every problem: each import validates every row and every field in one pass
 * and lists all problems (line, column, value, code, reason), counted and worded in the
 * request's language.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';
import { TEN_PROBLEMS, TEN_PROBLEM_COLUMNS } from '../testing/import-problems.js';

interface ReportError {
  line: number;
  column: string | null;
  value?: string;
  code: string;
  message: string;
  record?: string;
}

describeEachEngine('import problems, all in one pass', (app) => {
  const server = useServer(app);
  const post = (kind: string, body: string, query = '', headers: Record<string, string> = {}) =>
    server().inject({
      method: 'POST',
      url: `/api/v1/imports/${kind}${query}`,
      payload: body,
      headers: {
        'content-type': kind === 'iati' ? 'application/xml' : 'text/csv',
        'x-file-name': `${kind}.${kind === 'iati' ? 'xml' : 'csv'}`,
        ...headers,
      },
    });
  const errorsOf = (res: { json(): unknown }) => (res.json() as { report: { errors: ReportError[] } }).report.errors;

  it('lists all ten problems of one program row, each on its column with a code', async () => {
    const res = await post('activities', TEN_PROBLEMS, '?dryRun=true');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.report).toMatchObject({ status: 'rejected', errorCount: 10, rejectedRows: 1 });
    const errors = errorsOf(res);
    expect(errors.map((e) => e.column).sort()).toEqual([...TEN_PROBLEM_COLUMNS].sort());
    expect(errors.every((e) => e.line === 2 && e.code !== '' && e.message !== '')).toBe(true);
    expect(errors.find((e) => e.column === 'modality')).toMatchObject({ value: 'cooking', code: 'unknown_code' });
    expect(errors.find((e) => e.column === 'end_date')).toMatchObject({ value: '2024-04-01', code: 'date_order' });
    expect(errors.find((e) => e.column === 'partners')).toMatchObject({ code: 'triangular_partner_required' });
    expect(errors.find((e) => e.column === 'participants_planned')).toMatchObject({ value: 'many', code: 'not_a_whole_number' });
    expect(errors.find((e) => e.column === 'budget_currency')).toMatchObject({ code: 'required' });
    expect(body.detail).toBe('10 errors in 1 row of activities.csv: nothing was written');
  });

  it('words the problems and the count in Indonesian when asked (lang, else Accept-Language)', async () => {
    const asks: { query: string; headers: Record<string, string> }[] = [
      { query: '?lang=id', headers: {} },
      { query: '', headers: { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' } },
    ];
    for (const ask of asks) {
      const res = await post('activities', TEN_PROBLEMS, ask.query, ask.headers);
      const body = res.json();
      expect(body.report.errorCount).toBe(10);
      expect(body.detail).toBe('10 kesalahan pada 1 baris activities.csv: tidak ada yang ditulis');
      const modality = errorsOf(res).find((e) => e.column === 'modality');
      expect(modality?.message).toMatch(/^modalitas "cooking" tidak dikenal/);
      const order = errorsOf(res).find((e) => e.column === 'end_date');
      expect(order?.message).toBe('tidak boleh sebelum tanggal mulai (2024-05-01)');
    }
    const english = await post('activities', TEN_PROBLEMS, '', { 'accept-language': 'fr-FR,en;q=0.8' });
    expect(errorsOf(english).find((e) => e.column === 'end_date')?.message).toBe('must not be before the start (2024-05-01)');
  });

  it('words the problems of the file itself in Indonesian too (its header, its CSV syntax)', async () => {
    const header = await post('activities', 'title_en\nNo identifier column\n', '?lang=id');
    expect(errorsOf(header)).toEqual([
      expect.objectContaining({ line: 1, column: 'identifier', code: 'missing_column', message: 'kolom wajib "identifier" tidak ada' }),
    ]);
    const syntax = await post('activities', 'identifier,title_en\nX-1,"not closed\n', '?lang=id');
    expect(errorsOf(syntax)).toEqual([
      expect.objectContaining({ code: 'import.file_syntax', message: expect.stringMatching(/^CSV tidak dapat dibaca: line 2: /) }),
    ]);
  });

  it('says "1 error" for one problem', async () => {
    const res = await post('activities', 'identifier,title_en,modality\nONE-1,One,dancing\n');
    expect(res.json()).toMatchObject({ detail: '1 error in 1 row of activities.csv: nothing was written', report: { errorCount: 1 } });
    const id = await post('activities', 'identifier,title_en,modality\nONE-1,One,dancing\n', '?lang=id');
    expect(id.json().detail).toBe('1 kesalahan pada 1 baris activities.csv: tidak ada yang ditulis');
  });

  it('lists all four problems of one participant row, the recipient check included', async () => {
    const program = 'identifier,title_en,recipient_countries,start_date\nPRB-P-1,Participants here,KE,2024-01-10\n';
    expect((await post('activities', program)).statusCode).toBe(200);
    const csv = ['activity_identifier,full_name,sex,country,email', 'PRB-P-1,,Q,Fiji,not-an-email'].join('\n');
    const res = await post('participants', csv);
    expect(res.json().report).toMatchObject({ errorCount: 4, rejectedRows: 1 });
    expect(errorsOf(res).map((e) => [e.column, e.code])).toEqual([
      ['full_name', 'required'],
      ['sex', 'unknown_code'],
      ['country', 'not_a_recipient'],
      ['email', 'invalid_email'],
    ]);
    // X is a sex code (not recorded / unknown), like a blank cell: accepted, not a problem.
    const ok = await post('participants', ['activity_identifier,full_name,sex,country', 'PRB-P-1,Ana Lopes,X,Kenya'].join('\n'));
    expect(ok.json()).toMatchObject({ status: 'committed', inserted: 1 });
    // Re-importing the program: its stored fields and participants are checked beside the cells.
    const update = await post(
      'activities',
      'identifier,title_en,modality,end_date,recipient_countries\nPRB-P-1,Renamed,dancing,2023-01-01,Fiji\n',
    );
    expect(errorsOf(update).map((e) => [e.column, e.code])).toEqual([
      ['modality', 'unknown_code'],
      ['recipient_countries', 'participants_from_country'],
      ['end_date', 'date_order'],
    ]);
  });

  it('lists the problems of every exchange-rate row and field', async () => {
    const csv = ['currency,date,units_per_usd', 'XYZ,2024-02-30,abc', 'IDR,2024-01-01,15000', 'IDR,2024-01-01,-1'].join('\n');
    const res = await post('rates', csv);
    expect(res.json().report).toMatchObject({ errorCount: 5, rejectedRows: 2 });
    expect(errorsOf(res).map((e) => [e.line, e.column])).toEqual([
      [2, 'currency'],
      [2, 'date'],
      [2, 'units_per_usd'],
      [4, 'units_per_usd'],
      [4, 'date'],
    ]);
  });

  it('lists every problem of an IATI activity: the mapping, the rules and the registry', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>XM-PRB-1</iati-identifier>
    <reporting-org ref="XM-PRB" type="10"><narrative>Publisher</narrative></reporting-org>
    <title><narrative>Several problems</narrative></title>
    <activity-status code="9"/>
    <activity-date iso-date="2019-05-10" type="1"/>
    <activity-date iso-date="2019-05-01" type="3"/>
    <activity-date iso-date="2019-13-01" type="2"/>
    <recipient-country code="TL" percentage="60"/>
    <recipient-country code="KE" percentage="60"/>
    <budget type="1" status="1">
      <period-start iso-date="2019-01-01"/>
      <period-end iso-date="2019-06-30"/>
      <value value-date="2019-01-01">lots</value>
    </budget>
  </iati-activity>
</iati-activities>`;
    // What Mitra cannot represent refuses the activity; the rules it breaks alone would be warnings.
    const res = await post('iati', xml, '?allOrNothing=true');
    expect(res.statusCode).toBe(422);
    const errors = errorsOf(res);
    expect(errors.map((e) => e.column)).toEqual(['activity-status', 'activity-date type 2', 'budget 1 / value']);
    expect(errors.every((e) => e.record === 'XM-PRB-1' && e.code !== '')).toBe(true);
    expect(res.json().report).toMatchObject({ errorCount: 3, rejectedRows: 1 });
    const warned = await post('iati', xml.replace('code="9"', 'code="2"').replace('2019-13-01', '2019-05-02').replace('lots', '100'));
    expect(warned.statusCode).toBe(200);
    expect(warned.json()).toMatchObject({ status: 'committed', inserted: 1, errorCount: 0 });
    const rules = warned.json().warningDetails.filter((w: { code: string }) => w.code === 'iati_activity_warning');
    expect(rules.map((w: { params: { field: string; rule: string } }) => [w.params.field, w.params.rule])).toEqual([
      ['activity-date type 3', '11.1.2'],
      ['recipient-country', '3.1.2'],
    ]);
  });
});
