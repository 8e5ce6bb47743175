/**
 * The register of processing activities (UU PDP, UU No. 27/2022: the controller keeps a record of
 * its processing of personal data; docs/privacy.md), generated from the data model: every
 * personal column of the schema (PERSONAL_COLUMNS; a test compares it with the database's
 * columns, so a new personal field cannot be left out), why it is processed and on which legal
 * basis (the bases of UU PDP Art. 20), who sees it (read off the access policy for each role), and how long it
 * is kept (the retention rules).
 */
import { roles, type Actor, type Role } from '../access/actor.js';
import {
  authorizeAuditSearch,
  canManageProgramDocuments,
  canReadInternal,
  canReadPartnerships,
  canSeePersonalData,
} from '../access/policy.js';
import { keysOf } from '../guards.js';
import { personalDataCategories, type PersonalDataCategory } from './categories.js';
import { isOneOf } from '../guards.js';
import { RETENTION_CATEGORIES, type RetentionRule } from './retention.js';

/** Each personal column of the schema, table by table, with its category. */
export const PERSONAL_COLUMNS = {
  participants: {
    full_name: 'identity',
    sex: 'identity',
    country_code: 'identity',
    organisation: 'identity',
    position: 'identity',
    person_key: 'identity',
    email: 'contact',
    phone: 'contact',
    consent_at: 'consent',
    nominated_at: 'consent',
    nominated_by: 'consent',
    status: 'selection',
    review_note: 'selection',
    reserve_rank: 'selection',
    status_changed_at: 'selection',
  },
  participant_events: { from_status: 'selection', to_status: 'selection', note: 'selection', at: 'selection' },
  participant_documents: { file_name: ['cv', 'letter'], content: ['cv', 'letter'] },
  attendance: { day: 'attendance', present: 'attendance' },
  certificates: { number: 'certificates', verify_token: 'certificates', issued_at: 'certificates' },
  mail_outbox: { to_address: 'mail', subject: 'mail', body_text: 'mail' },
  survey_invitations: { answers: 'survey_text', token: 'survey_text' },
  partner_contacts: { name: 'partner_contacts', position: 'partner_contacts', email: 'partner_contacts', phone: 'partner_contacts' },
  // A participant list or a photo names or shows people (docs/documents.md); the uploader is an account's label, as for nominations' documents.
  program_document_versions: { content: 'program_documents', thumbnail: 'program_documents' },
  users: { email: 'accounts', name: 'accounts', last_login_at: 'accounts' },
  login_failures: { email: 'accounts', ip: 'accounts' },
  user_identities: { subject: 'accounts', last_login_at: 'accounts' },
  user_second_factors: { secret: 'accounts' },
  api_token_uses: { ip: 'accounts' },
  sessions: { last_seen_at: 'accounts' },
  audit_log: { actor_label: 'audit', changes: 'audit', entity_label: 'audit', comment: 'audit' },
  // Issue 25: who evaluated a program (a name; the organisation is not personal), and who last saved it.
  activity_evaluations: { evaluator_name: 'evaluators', updated_by: 'evaluators' },
  activity_completions: { updated_by: 'evaluators' },
} as const satisfies Record<string, Record<string, PersonalDataCategory | readonly PersonalDataCategory[]>>;

/** Columns of the tables above that hold no personal data (keys, bookkeeping, codes). */
export const NON_PERSONAL_COLUMNS: Readonly<Record<keyof typeof PERSONAL_COLUMNS, readonly string[]>> = {
  participants: ['id', 'activity_id', 'illustrative', 'import_batch_id', 'created_at', 'updated_at', 'erased_at', 'version'],
  participant_events: ['id', 'participant_id', 'by_label'],
  participant_documents: ['id', 'participant_id', 'kind', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'created_at'],
  attendance: ['participant_id', 'recorded_by', 'recorded_at'],
  certificates: ['id', 'participant_id', 'revoked_at'],
  mail_outbox: ['id', 'kind', 'participant_id', 'created_at', 'sent_at', 'attempts', 'last_error', 'claimed_until'],
  survey_invitations: ['id', 'survey_id', 'participant_id', 'due_on', 'sent_at', 'answered_at'],
  partner_contacts: ['id', 'org_id', 'sort_order'],
  program_document_versions: [
    'id',
    'document_id',
    'version_no',
    'file_name',
    'content_type',
    'size_bytes',
    'sha256',
    'uploaded_by',
    'uploaded_at',
  ],
  users: ['id', 'role', 'org_code', 'password_hash', 'disabled', 'created_at', 'updated_at', 'password_changed_at', 'version'],
  login_failures: ['id', 'at'],
  user_identities: ['id', 'user_id', 'issuer', 'created_at'],
  user_second_factors: ['user_id', 'created_at', 'confirmed_at', 'last_used_step'],
  // A machine client's address (a ministry's system), kept as an account's sign-in address is.
  api_token_uses: ['id', 'token_id', 'at', 'method', 'route', 'status'],
  sessions: ['id', 'user_id', 'csrf_token', 'created_at', 'expires_at', 'pending_factor'],
  audit_log: ['id', 'at', 'actor_user_id', 'action', 'entity', 'entity_id', 'entity_version'],
  activity_evaluations: [
    'activity_id',
    'evaluator_org',
    'evaluator_kind',
    'evaluated_on',
    'scale',
    'criteria',
    'findings',
    'recommendations',
    'illustrative',
    'version',
    'created_at',
    'updated_at',
  ],
  activity_completions: [
    'activity_id',
    'actual_start',
    'actual_end',
    'no_cost',
    'no_cost_reason',
    'report_en',
    'report_id',
    'illustrative',
    'version',
    'created_at',
    'updated_at',
  ],
};

/** Column names that say "a person's data" wherever they appear: a column so named in any table must be classified. */
export const PERSONAL_NAME_PATTERN = /(^|_)(full_name|email|phone|position|birth|passport|address|ip|person)(_|$)/;

/** Legal bases of processing listed by UU PDP Art. 20. */
export const LEGAL_BASES = {
  consent: {
    en: 'Explicit consent of the data subject (UU PDP Art. 20)',
    id: 'Persetujuan eksplisit Subjek Data Pribadi (UU PDP Pasal 20)',
  },
  contract: { en: 'Performance of an agreement with the data subject (UU PDP Art. 20)', id: 'Pemenuhan perjanjian (UU PDP Pasal 20)' },
  legal_obligation: { en: 'Legal obligation of the controller (UU PDP Art. 20)', id: 'Kewajiban hukum Pengendali (UU PDP Pasal 20)' },
  public_task: { en: 'Public task or official authority (UU PDP Art. 20)', id: 'Tugas kepentingan umum atau kewenangan (UU PDP Pasal 20)' },
  legitimate_interest: { en: 'Legitimate interest (UU PDP Art. 20)', id: 'Kepentingan yang sah (UU PDP Pasal 20)' },
} as const;
export type LegalBasis = keyof typeof LEGAL_BASES;

/** Which policy decides who sees a category. */
type Access = 'participant' | 'partnerships' | 'program_documents' | 'accounts' | 'audit' | 'programs';

const PURPOSES: Readonly<Record<PersonalDataCategory, { en: string; id: string; basis: LegalBasis; access: Access }>> = {
  identity: {
    en: 'Run programs: select, host and count participants',
    id: 'Menyelenggarakan program: seleksi, penerimaan dan penghitungan peserta',
    basis: 'consent',
    access: 'participant',
  },
  contact: {
    en: 'Tell candidates and alumni about selection, the program and follow-up surveys',
    id: 'Menghubungi kandidat dan alumni tentang seleksi, program dan survei',
    basis: 'consent',
    access: 'participant',
  },
  consent: {
    en: 'Show that and when consent was given, and who nominated',
    id: 'Membuktikan persetujuan dan pihak yang menominasikan',
    basis: 'legal_obligation',
    access: 'participant',
  },
  selection: {
    en: 'Select candidates within quotas and keep the history of decisions',
    id: 'Menyeleksi kandidat sesuai kuota dan menyimpan riwayat keputusan',
    basis: 'consent',
    access: 'participant',
  },
  cv: { en: 'Assess a nomination', id: 'Menilai nominasi', basis: 'consent', access: 'participant' },
  letter: {
    en: 'Show the nominating government’s endorsement',
    id: 'Membuktikan dukungan pemerintah yang menominasikan',
    basis: 'consent',
    access: 'participant',
  },
  attendance: {
    en: 'Decide completion and certificates',
    id: 'Menentukan kelulusan dan sertifikat',
    basis: 'consent',
    access: 'participant',
  },
  certificates: {
    en: 'Issue and verify certificates of completion',
    id: 'Menerbitkan dan memverifikasi sertifikat',
    basis: 'consent',
    access: 'participant',
  },
  mail: {
    en: 'Send the notices of the nomination and selection process',
    id: 'Mengirim pemberitahuan proses nominasi dan seleksi',
    basis: 'consent',
    access: 'participant',
  },
  survey_text: {
    en: 'Evaluate programs with follow-up surveys',
    id: 'Mengevaluasi program melalui survei lanjutan',
    basis: 'consent',
    access: 'participant',
  },
  partner_contacts: {
    en: 'Keep in touch with partner institutions',
    id: 'Berkomunikasi dengan lembaga mitra',
    basis: 'legitimate_interest',
    access: 'partnerships',
  },
  program_documents: {
    en: 'Report and account for programs (participant lists, completion and evaluation reports, photos of what was handed over)',
    id: 'Melaporkan dan mempertanggungjawabkan program (daftar peserta, laporan penyelesaian dan evaluasi, foto serah terima)',
    basis: 'public_task',
    access: 'program_documents',
  },
  evaluators: {
    en: 'Account for who evaluated a program and who recorded its completion and evaluation',
    id: 'Mencatat siapa yang mengevaluasi program serta mencatat penyelesaian dan evaluasinya',
    basis: 'public_task',
    access: 'programs',
  },
  accounts: {
    en: 'Sign users in and protect the accounts',
    id: 'Autentikasi pengguna dan perlindungan akun',
    basis: 'contract',
    access: 'accounts',
  },
  audit: {
    en: 'Account for every change (who, what, when)',
    id: 'Mempertanggungjawabkan setiap perubahan',
    basis: 'legal_obligation',
    access: 'audit',
  },
};

export type Visibility = 'all' | 'own' | 'none';

const OWN = 'ORG-OWN';
const OTHER = 'ORG-OTHER';

const passes = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch {
    // The policy refused: this role does not see it.
    return false;
  }
};

/** What a role sees of a category, read off the access policy with an actor of that role. */
export function visibilityOf(access: Access, role: Role): Visibility {
  const actor: Actor = { kind: 'user', userId: 1, role, orgCode: OWN, label: role };
  switch (access) {
    case 'participant':
      if (canSeePersonalData(actor, { implementingOrg: OTHER }, OTHER)) return 'all';
      return canSeePersonalData(actor, { implementingOrg: OWN }, null) || canSeePersonalData(actor, { implementingOrg: OTHER }, OWN)
        ? 'own'
        : 'none';
    case 'partnerships':
      return canReadPartnerships(actor) ? 'all' : 'none';
    case 'program_documents':
      // Private documents: the coordination team, and an agency for its own programs (public ones are published on purpose).
      if (canManageProgramDocuments(actor, { implementingOrg: OTHER })) return 'all';
      return canManageProgramDocuments(actor, { implementingOrg: OWN }) ? 'own' : 'none';
    case 'programs':
      // Evaluators' names: every signed-in reader of programs (the public sees the evaluator's organisation only).
      return canReadInternal(actor) ? 'all' : 'none';
    case 'accounts':
    case 'audit':
      // Accounts and the whole log: administrators (a program's own history holds no participant entries).
      return passes(() => authorizeAuditSearch(actor)) ? 'all' : 'none';
  }
}

export interface RegisterEntry {
  readonly category: PersonalDataCategory;
  readonly labelEn: string;
  readonly labelId: string;
  /** "table.column" of every personal column of the category. */
  readonly fields: readonly string[];
  readonly purposeEn: string;
  readonly purposeId: string;
  readonly legalBasis: LegalBasis;
  readonly legalBasisEn: string;
  readonly legalBasisId: string;
  readonly seenBy: readonly { readonly role: Role; readonly sees: Visibility }[];
  /** The retention rule of the category, when it has one. */
  readonly retention: { readonly months: number; readonly enabled: boolean } | null;
}

/** Every "table.column" the register names. */
export function personalFields(): string[] {
  return keysOf(PERSONAL_COLUMNS).flatMap((t) => Object.keys(PERSONAL_COLUMNS[t]).map((c) => `${t}.${c}`));
}

export function buildRegister(rules: readonly RetentionRule[]): RegisterEntry[] {
  const columns: [string, PersonalDataCategory][] = keysOf(PERSONAL_COLUMNS).flatMap((t) =>
    Object.entries<PersonalDataCategory | readonly PersonalDataCategory[]>(PERSONAL_COLUMNS[t]).flatMap(([c, cats]) =>
      (typeof cats === 'string' ? [cats] : cats).map((cat): [string, PersonalDataCategory] => [`${t}.${c}`, cat]),
    ),
  );
  return personalDataCategories.codes.map((category) => {
    const p = PURPOSES[category];
    const rule = isOneOf(RETENTION_CATEGORIES, category) ? rules.find((r) => r.category === category) : undefined;
    return {
      category,
      labelEn: personalDataCategories.label(category, 'en'),
      labelId: personalDataCategories.label(category, 'id'),
      fields: columns.filter(([, c]) => c === category).map(([f]) => f),
      purposeEn: p.en,
      purposeId: p.id,
      legalBasis: p.basis,
      legalBasisEn: LEGAL_BASES[p.basis].en,
      legalBasisId: LEGAL_BASES[p.basis].id,
      seenBy: roles.codes.map((role) => ({ role, sees: visibilityOf(p.access, role) })),
      retention: rule ? { months: rule.months, enabled: rule.enabled } : null,
    };
  });
}
