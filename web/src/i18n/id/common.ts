import type * as en from '../en/common.js';

/** Bingkai aplikasi, kata umum, masalah menurut kode, pemberitahuan suntingan usang dan data pribadi, serta nama kawasan. */
export const app: typeof en.app = {
  name: 'Mitra',
  tagline: 'Registri Kerja Sama Selatan-Selatan dan Triangular',
  skip: 'Langsung ke isi',
  language: 'Bahasa',
  nav: {
    dashboard: 'Dasbor',
    programs: 'Program',
    newProgram: 'Program baru',
    import: 'Impor',
    report: 'Laporan tahunan',
    plan: 'Rencana tahunan',
    users: 'Pengguna',
    audit: 'Log audit',
    api: 'API',
  },
  footer: 'Angka dihitung dari data yang tercatat. Nilai bertanda ilustratif adalah nilai contoh yang tidak berasal dari sumber.',
};

export const common: typeof en.common = {
  loading: 'Memuat…',
  retry: 'Coba lagi',
  save: 'Simpan',
  cancel: 'Batal',
  delete: 'Hapus',
  edit: 'Ubah',
  add: 'Tambah',
  remove: 'Hapus',
  all: 'Semua',
  none: 'Tidak ada',
  yes: 'Ya',
  no: 'Tidak',
  year: 'Tahun',
  search: 'Cari',
  programs: 'Program',
  countries: 'Negara',
  participants: 'Peserta',
  participant_one: '{{count}} peserta',
  participant_other: '{{count}} peserta',
  program_one: '{{count}} program',
  program_other: '{{count}} program',
  country_one: '{{count}} negara',
  country_other: '{{count}} negara',
  illustrative: 'ilustratif',
  illustrativeHint: 'Nilai contoh yang tidak berasal dari sumber',
  notRecorded: 'Tidak dicatat',
  download: 'Unduh',
  downloadCsv: 'CSV',
  downloadXlsx: 'XLSX',
  print: 'Cetak',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  pageOf: 'Halaman {{page}} dari {{pages}}',
  close: 'Tutup',
};

export const errors: typeof en.errors = {
  'auth.required': 'Masuk untuk melakukan ini.',
  'auth.session_expired': 'Sesi Anda telah berakhir. Masuk lagi.',
  'auth.csrf': 'Halaman terlalu lama terbuka atau berada di sesi lain. Muat ulang lalu coba lagi.',
  'activity.forbidden': 'Peran Anda tidak boleh mengubah program ini.',
  'activity.not_own_agency': 'Kementerian/lembaga pelaksana hanya mendaftarkan dan mengubah program organisasinya sendiri.',
  'activity.closed': 'Program ini tertutup untuk perubahan oleh pelaksana; tim koordinasi masih dapat mengubahnya.',
  'participant.forbidden': 'Anda hanya dapat mengelola peserta program organisasi Anda sendiri.',
  'participant.not_open': 'Program ini tidak dibuka untuk nominasi.',
  'reference.forbidden': 'Hanya tim koordinasi yang mengubah organisasi dan kurs.',
  'import.forbidden': 'Hanya tim koordinasi yang mengimpor berkas.',
  'unit_cost.forbidden': 'Hanya tim koordinasi yang menetapkan biaya satuan.',
  'unit_cost.exists': 'Biaya satuan dengan jenis, kawasan, dan tanggal ini sudah ada; ubah yang itu.',
  'unit_cost.not_found': 'Biaya satuan ini sudah tidak ada.',
  'user.forbidden': 'Hanya administrator yang mengelola akun.',
  'user.email_taken': 'Akun dengan email ini sudah ada.',
  'user.self_lockout': 'Anda tidak dapat menonaktifkan akun sendiri atau mengubah peran sendiri; minta administrator lain.',
  'user.stale': 'Orang lain mengubah akun ini sementara itu. Muat ulang lalu coba lagi.',
  title: 'Terjadi kesalahan',
  network: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
  notFound: 'Halaman ini tidak ada.',
  'activity.not_found': 'Program ini tidak ada (lagi).',
  'activity.identifier_taken': 'Sudah ada program dengan kode ini.',
  'activity.stale': 'Orang lain telah mengubah program ini. Muat ulang lalu ulangi perubahan Anda.',
  'activity.invalid_transition':
    'Langkah ini tidak dapat dilakukan pada tahap program saat ini (mungkin sudah berpindah); halaman kini menampilkan tahapnya yang terbaru.',
  'activity.transition_forbidden': 'Peran Anda tidak boleh melakukan langkah ini untuk program ini.',
  'activity.comment_required': 'Berikan alasan untuk langkah ini.',
  'activity.stage_by_transition': 'Tahap hanya berubah melalui langkah proses di halaman program.',
  'activity.invalid': 'Beberapa isian tidak valid: lihat pesan di sampingnya.',
  'request.invalid': 'Beberapa isian tidak valid: lihat pesan di sampingnya.',
  'request.too_large': 'Berkas atau teks terlalu besar.',
  'import.rejected': 'Berkas mengandung kesalahan: tidak ada yang diimpor.',
  internal: 'Terjadi kesalahan tak terduga di server.',
};

export const conflict: typeof en.conflict = {
  title: 'Orang lain telah mengubah program ini',
  intro:
    'Anda mulai dari versi {{yours}}; kini program berada pada versi {{current}}. Perubahan Anda masih ada di formulir di bawah dan belum disimpan.',
  noDetails: 'Perubahan yang dibuat sementara itu tidak dapat ditampilkan.',
  choose: 'Pilih tindakan:',
  loadTheirs: 'Muat versi mereka (buang perubahan saya)',
  saveMine: 'Simpan versi saya menimpa versi mereka',
};

export const personal: typeof en.personal = {
  withheld: 'dirahasiakan',
  withheldHint: 'Data pribadi yang tidak boleh dilihat oleh peran Anda',
  email: 'Email',
  publicSummary_one: 'Nama peserta tidak dipublikasikan; hanya jumlah di atas yang dipublikasikan.',
  publicSummary_other: 'Nama {{count}} peserta tidak dipublikasikan; hanya jumlah di atas yang dipublikasikan.',
};

export const codes: typeof en.codes = {
  regions: { asia: 'Asia', oceania: 'Oseania', africa: 'Afrika', americas: 'Amerika dan Karibia', europe: 'Eropa' },
};
