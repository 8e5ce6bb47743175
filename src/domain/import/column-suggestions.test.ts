import { describe, expect, it } from 'vitest';
import { headerKey, normaliseHeaderName, suggestFields } from './column-suggestions.js';
import { mappedHeader, mappingProblems, withColumnMapping } from './column-mapping.js';

const fieldsOf = (kind: 'activities' | 'participants', headers: string[]) => suggestFields(kind, headers).map((s) => s.field);

describe('normaliseHeaderName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normaliseHeaderName('  Jenis Kelamin (L/P) ')).toBe('jenis kelamin l p');
    expect(normaliseHeaderName('Négara_Asal')).toBe('negara asal');
    expect(normaliseHeaderName('E-mail')).toBe('e mail');
  });
});

describe('suggestFields', () => {
  it('suggests participant fields from Indonesian headers in any order', () => {
    expect(fieldsOf('participants', ['No', 'Jabatan', 'Nama Lengkap', 'L/P', 'Negara', 'Instansi', 'Surel', 'Kode Program'])).toEqual([
      null,
      'position',
      'full_name',
      'sex',
      'country',
      'organisation',
      'email',
      'activity_identifier',
    ]);
    expect(fieldsOf('participants', ['Jenis Kelamin (L/P)', 'Kewarganegaraan', 'Nama Peserta'])).toEqual(['sex', 'country', 'full_name']);
  });

  it('suggests participant fields from English headers and Mitra’s own names', () => {
    expect(fieldsOf('participants', ['Full Name', 'Gender', 'Nationality', 'Organization', 'Job title', 'E-mail', 'Program'])).toEqual([
      'full_name',
      'sex',
      'country',
      'organisation',
      'position',
      'email',
      'activity_identifier',
    ]);
    expect(fieldsOf('participants', ['activity_identifier', 'full_name', 'status'])).toEqual([
      'activity_identifier',
      'full_name',
      'status',
    ]);
  });

  it('suggests program fields from Indonesian and English headers', () => {
    expect(
      fieldsOf('activities', [
        'Kode Program',
        'Judul Program',
        'Tanggal Mulai',
        'Tanggal Selesai',
        'Negara Penerima',
        'Anggaran',
        'Mata Uang',
        'Lokasi',
      ]),
    ).toEqual(['identifier', 'title_id', 'start_date', 'end_date', 'recipient_countries', 'budget_amount', 'budget_currency', 'location']);
    expect(fieldsOf('activities', ['Identifier', 'Title', 'Start date', 'End date', 'Implementing agency', 'Budget (USD)'])).toEqual([
      'identifier',
      'title_en',
      'start_date',
      'end_date',
      'implementing_agency',
      'budget_amount',
    ]);
  });

  it('suggests each field once (the best match, then the leftmost) and nothing for unknown headers', () => {
    expect(fieldsOf('participants', ['Nama', 'Nama Lengkap', 'Catatan'])).toEqual(['full_name', null, null]);
    expect(fieldsOf('activities', ['Tanggal Mulai Pelatihan', 'Tanggal Mulai'])).toEqual([null, 'start_date']);
    expect(fieldsOf('participants', ['Negara', 'Negara'])).toEqual(['country', null]);
    expect(fieldsOf('activities', ['Tanggal Mulai Pelatihan'])).toEqual(['start_date']);
  });
});

describe('column mappings', () => {
  const header = ['Nama Lengkap', 'Negara', 'Kode', 'Catatan'];
  const mapping = { 'Nama Lengkap': 'full_name', Negara: 'country', Kode: 'activity_identifier', Catatan: null };

  it('rewrites the header into Mitra’s columns, ignoring unmapped ones', () => {
    expect(mappedHeader('participants', header, mapping)).toEqual(['full_name', 'country', 'activity_identifier', '']);
    // A header differing only in case or spacing finds its entry.
    expect(mappedHeader('participants', ['nama  lengkap'], mapping)).toEqual(['full_name']);
  });

  it('reports required fields left unmapped, fields mapped twice and unknown fields', () => {
    expect(mappingProblems('participants', header, mapping)).toEqual([]);
    expect(mappingProblems('participants', header, { ...mapping, Negara: null })).toEqual([
      'no column is mapped to the required field "country"',
    ]);
    expect(mappingProblems('participants', header, { ...mapping, Catatan: 'full_name' })).toEqual([
      'the columns "Nama Lengkap" and "Catatan" are both mapped to "full_name"',
    ]);
    expect(mappingProblems('activities', ['Judul'], { Judul: 'judul' })).toEqual([
      'the column "Judul" is mapped to "judul", which is not a field of this import',
      'no column is mapped to the required field "identifier"',
      'no column is mapped to "title_en" or "title_id": one of them is required',
    ]);
  });

  it('maps a record source’s header and stops before any row when the mapping does not fit', async () => {
    async function* batches() {
      yield [
        { line: 2, fields: header },
        { line: 3, fields: ['Ana', 'PG', 'X-1', 'n'] },
      ];
    }
    const mapped = withColumnMapping('participants', { name: 'f.xlsx', batches: batches() }, mapping);
    const out = [];
    for await (const b of mapped.batches) out.push(...b);
    expect(out).toEqual([
      { line: 2, fields: ['full_name', 'country', 'activity_identifier', ''] },
      { line: 3, fields: ['Ana', 'PG', 'X-1', 'n'] },
    ]);
    const bad = withColumnMapping('participants', { name: 'f.xlsx', batches: batches() }, { ...mapping, Kode: null });
    await expect(
      (async () => {
        for await (const _ of bad.batches) void _;
      })(),
    ).rejects.toThrow(/line 2: no column is mapped to the required field "activity_identifier"/);
  });

  it('keys a header set by its normalised, sorted names', () => {
    expect(headerKey(['Negara', 'Nama Lengkap', ''])).toBe(headerKey([' nama lengkap', 'NEGARA']));
    expect(headerKey(['Negara'])).not.toBe(headerKey(['Negara', 'Jabatan']));
  });
});
