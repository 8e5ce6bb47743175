import type { participants as en } from '../en/participants.js';

/** Peserta suatu program yang dicatat satu per satu di halamannya: formulir, menu baris, penghapusan dan cakupan unggahan. */
export const participants: typeof en = {
  add: 'Tambah peserta',
  form: {
    addTitle: 'Tambah peserta',
    editTitle: 'Ubah {{name}}',
    fullName: 'Nama lengkap',
    sex: 'Jenis kelamin',
    country: 'Negara',
    countryHint: 'Salah satu negara penerima program ini.',
    chooseCountry: 'Pilih negara…',
    organisation: 'Instansi',
    position: 'Jabatan',
    email: 'Surel',
    status: 'Status',
    consentTitle: 'Persetujuan',
    consentText:
      'Peserta menyetujui bahwa Mitra menyimpan data yang diisikan di sini (nama, jenis kelamin, negara, instansi, jabatan dan surel) untuk menyelenggarakan program, melaporkannya dan melakukan tindak lanjut sesudahnya; bahwa instansi pelaksana dan tim koordinasi dapat melihatnya; dan bahwa peserta dapat meminta datanya dihapus.',
    consentLater:
      'Belum ada persetujuan yang tercatat untuk orang ini (data impor atau data lama). Centang kotak ini bila ia kini telah menyetujui bahwa Mitra menyimpan datanya untuk menyelenggarakan program, melaporkannya dan melakukan tindak lanjut, serta bahwa ia dapat meminta datanya dihapus.',
    consent: 'Peserta telah memberikan persetujuan ini.',
    consentRecorded: 'Persetujuan tercatat pada {{date}}.',
    consentRequired: 'Peserta harus menyetujui pemrosesan datanya.',
    duplicate: 'Orang ini sudah menjadi peserta program ini.',
    emailInvalid: 'Masukkan alamat surel, misalnya nama@contoh.go.id.',
    add: 'Tambah peserta',
    save: 'Simpan perubahan',
    saving: 'Menyimpan…',
  },
  menu: {
    label: 'Tindakan lain untuk {{name}}',
    edit: 'Ubah',
    remove: 'Hapus',
  },
  remove: {
    title: 'Hapus {{name}} dari program ini?',
    explain:
      'Catatan ini beserta hitungannya dalam angka program akan dihapus. Tindakan ini tidak dapat dibatalkan di sini; log audit tetap menyimpan isi catatan. Untuk menyimpan catatan tetapi menghapus data pribadi orang tersebut, gunakan “Hapus data pribadi”.',
    confirm: 'Hapus peserta',
  },
  importScope:
    'Instansi Anda mengunggah peserta program-programnya sendiri: setiap baris menyebut salah satu program itu pada kolom activity_identifier. Baris yang menyebut program organisasi lain ditolak, dan bersama itu seluruh berkas.',
};
