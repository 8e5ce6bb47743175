/** Halaman publik data IATI yang diterbitkan. */
import type { iati as en } from '../en/iati.js';

export const iati: typeof en = {
  nav: 'Data IATI',
  title: 'Data IATI yang diterbitkan',
  intro:
    'Program kami yang diterbitkan dalam Standar IATI (versi 2.03), berkas yang dirujuk oleh IATI Registry. Setiap berkas memuat kegiatan secara utuh dan tetap di bawah batas ukuran: per tahun, dan tahun yang besar dibagi beberapa bagian.',
  none: 'Belum ada data IATI yang diterbitkan.',
  publisher: 'Penerbit: {{name}} ({{ref}}).',
  manifest: 'Daftar berkas (JSON)',
  caption: 'Berkas yang diterbitkan',
  dataset: 'Berkas',
  holds: 'Isi',
  activities: 'Kegiatan',
  size: 'Ukuran',
  lastUpdated: 'Terakhir diperbarui',
  mb: '{{n}} MB',
  kb: '{{n}} kB',
  kinds: {
    all: 'Semua kegiatan',
    year: 'Kegiatan tahun {{year}}',
    yearPart: 'Kegiatan tahun {{year}}, bagian {{part}}',
    organisation: 'Berkas organisasi',
    other: 'Kegiatan',
  },
};
