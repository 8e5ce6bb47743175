import type { iatiChecks as en } from '../en/iati-checks.js';

/** Pemeriksaan IATI sebelum publikasi. Pesan aturan tetap dalam bahasa Inggris (teks Standar IATI). */
export const iatiChecks: typeof en = {
  nav: 'Pemeriksaan IATI',
  section: {
    title: 'Pemeriksaan IATI',
    intro: 'Aturan dan daftar kode Standar IATI, diperiksa pada program ini sebagaimana akan dipublikasikan.',
    clean: 'Tidak ada temuan: program ini memenuhi setiap aturan IATI yang diperiksa.',
    counts: '{{errors}} galat, {{warnings}} peringatan',
    notPublishable: 'Program ini belum memiliki tanggal, sehingga tidak dimasukkan ke berkas IATI.',
  },
  severity: { error: 'Galat', warning: 'Peringatan', info: 'Catatan' },
  columns: {
    severity: 'Tingkat',
    rule: 'Aturan',
    field: 'Isian yang diperbaiki',
    message: 'Aturan IATI (bahasa Inggris)',
    hint: 'Ditemukan',
  },
  guidance: 'Panduan IATI',
  page: {
    title: 'Pemeriksaan IATI',
    intro:
      'Setiap program dalam filter diperiksa terhadap aturan Standar IATI ({{translated}} aturan) dan daftar kodenya, sebagaimana akan dipublikasikan oleh ekspor IATI.',
    year: 'Tahun',
    allYears: 'Semua tahun',
    totals: '{{programs}} program diperiksa: {{withErrors}} dengan galat, {{withWarnings}} dengan peringatan, {{undated}} tanpa tanggal.',
    agency: 'Instansi pelaksana',
    noAgency: '(tanpa instansi pelaksana)',
    programs: 'Program',
    withErrors: 'Dengan galat',
    withWarnings: 'Dengan peringatan',
    topRules: 'Aturan yang paling sering',
    failing: 'Program dengan galat',
    failingTruncated: '{{count}} program pertama dengan galat terbanyak.',
    identifier: 'Pengenal',
    errors: 'Galat',
    warnings: 'Peringatan',
    firstError: 'Galat pertama',
    none: 'Tidak ada program yang cocok dengan filter ini.',
  },
};
