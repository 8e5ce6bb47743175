/**
 * Documents on real programs of 2016–2018 (docs/documents.md): what ministers and auditors ask
 * for — the evaluation report, the curriculum, the photo of the handed-over equipment — on the
 * programs of DOMAIN.md. Their files are generated when the demo loads (src/io/demo-files.ts:
 * a one-page PDF, a striped placeholder for a photo), so nothing large is committed; every one is
 * illustrative and says so in its title and description.
 */
import { programDocumentFieldsSchema, type ProgramDocumentKind } from '../../domain/program/document.js';
import type { ServiceDeps } from '../deps.js';
import type { DemoFileMaker } from '../program-documents.ports.js';
import { uploadProgramDocument } from '../program-documents.js';

interface DemoDocument {
  readonly program: string;
  readonly kind: ProgramDocumentKind;
  readonly titleEn: string;
  readonly titleId: string;
  readonly documentDate: string;
  readonly isPublic: boolean;
  readonly languages: readonly string[];
  /** The PDF's paragraphs; absent for a photo. */
  readonly text?: readonly string[];
}

const NOTE_EN = 'Illustrative document generated for the demo data: not an official record.';
const NOTE_ID = 'Dokumen ilustratif yang dibuat untuk data demo: bukan dokumen resmi.';

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    program: 'ID-KEMLU-2018-04',
    kind: 'curriculum',
    titleEn: 'Curriculum: aquaculture training for African countries (illustrative)',
    titleId: 'Kurikulum: pelatihan budi daya perikanan bagi negara-negara Afrika (ilustratif)',
    documentDate: '2018-06-20',
    isPublic: true,
    languages: ['en'],
    text: [
      'Day 1: hatchery management of tilapia and catfish. Day 2: feed formulation from local ingredients.',
      'Days 3–4: pond construction and water quality, field visit in Banyuwangi. Day 5: fish health.',
      'Days 6–7: post-harvest handling, marketing, and the participants’ action plans.',
      NOTE_EN,
    ],
  },
  {
    program: 'ID-KEMLU-2018-04',
    kind: 'participant_list',
    titleEn: 'Participant list (illustrative)',
    titleId: 'Daftar peserta (ilustratif)',
    documentDate: '2018-07-15',
    isPublic: false,
    languages: ['en'],
    text: ['24 participants from eight African countries, listed by country and institution.', NOTE_EN],
  },
  {
    program: 'ID-KEMLU-2018-04',
    kind: 'evaluation_report',
    titleEn: 'Evaluation report: aquaculture training (illustrative)',
    titleId: 'Laporan evaluasi: pelatihan budi daya perikanan (ilustratif)',
    documentDate: '2018-08-31',
    isPublic: true,
    languages: ['en', 'id'],
    text: [
      'Participants rated the training 4.5 of 5; the hatchery sessions were rated highest.',
      'Recommendation: a follow-up course on feed production for the same institutions.',
      NOTE_EN,
      NOTE_ID,
    ],
  },
  {
    program: 'ID-KEMLU-2018-11',
    kind: 'handover_certificate',
    titleEn: 'Handover certificate of medical equipment, Dili (illustrative)',
    titleId: 'Berita acara serah terima peralatan medis, Dili (ilustratif)',
    documentDate: '2018-11-22',
    isPublic: true,
    languages: ['id', 'en'],
    text: ['Handed over to the Ministry of Health of Timor-Leste: examination beds, patient monitors and consumables.', NOTE_EN, NOTE_ID],
  },
  {
    program: 'ID-KEMLU-2018-11',
    kind: 'photo',
    titleEn: 'Photo of the handed-over equipment (illustrative placeholder)',
    titleId: 'Foto peralatan yang diserahterimakan (pengganti ilustratif)',
    documentDate: '2018-11-22',
    isPublic: true,
    languages: [],
  },
  {
    program: 'ID-KEMENSETNEG-2016-02',
    kind: 'completion_report',
    titleEn: 'Completion report: Entrepreneurship Boot Camp (illustrative)',
    titleId: 'Laporan penyelesaian: Entrepreneurship Boot Camp (ilustratif)',
    documentDate: '2016-12-15',
    isPublic: true,
    languages: ['en'],
    text: ['27 participants from nine Asia-Pacific countries completed the boot camp.', NOTE_EN],
  },
  {
    program: 'ID-KEMENSETNEG-2016-02',
    kind: 'terms_of_reference',
    titleEn: 'Terms of reference (illustrative)',
    titleId: 'Kerangka acuan kerja (ilustratif)',
    documentDate: '2016-08-01',
    isPublic: false,
    languages: ['id'],
    text: ['Latar belakang, tujuan, peserta, jadwal dan anggaran Entrepreneurship Boot Camp.', NOTE_ID],
  },
];

/** Uploads the demo documents to the demo programs present (as the system); returns how many were stored. */
export async function loadDemoDocuments(deps: ServiceDeps, files: DemoFileMaker): Promise<number> {
  let stored = 0;
  for (const [i, d] of DEMO_DOCUMENTS.entries()) {
    const program = await deps.store.repos.programs.findByIdentifier(d.program);
    if (!program) continue;
    const bytes = d.text ? await files.pdf(d.titleEn, d.text) : files.placeholderPhoto(i);
    const fileName = `${d.kind.replace(/_/g, '-')}-${d.program.toLowerCase()}.${d.text ? 'pdf' : 'png'}`;
    await uploadProgramDocument(
      deps,
      program.id,
      programDocumentFieldsSchema.parse({
        kind: d.kind,
        titleEn: d.titleEn,
        titleId: d.titleId,
        languages: d.languages,
        documentDate: d.documentDate,
        description: d.text ? NOTE_EN : 'Illustrative placeholder generated for the demo data, standing for a photo.',
        isPublic: d.isPublic,
      }),
      { fileName, bytes },
      { maxBytes: 5 * 1024 * 1024, makeThumbnail: files.makeThumbnail },
    );
    stored++;
  }
  return stored;
}
