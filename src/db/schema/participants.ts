/**
 * Participants and their journey: course offers and quotas, nominations' documents, status events,
 * mail, attendance, certificates and follow-up surveys. Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';
import type { ParticipantStatus, Sex } from '../../domain/codes.js';
import type { DocumentKind } from '../../domain/offer/documents.js';
import type { OfferStatus } from '../../domain/offer/offer.js';

export interface ParticipantsTable {
  id: Generated<number>;
  activity_id: number;
  full_name: string;
  sex: Sex;
  country_code: string;
  organisation: string | null;
  position: string | null;
  email: string | null;
  status: ParticipantStatus;
  person_key: string;
  illustrative: number;
  import_batch_id: number | null;
  /** The organisation (an embassy) that nominated the participant, when one did. */
  nominated_by: string | null;
  created_at: string;
  updated_at: string;
  phone: string | null;
  /** When the nomination was made (null for records entered or imported directly). */
  nominated_at: string | null;
  /** When the candidate's consent to the processing of their data was recorded. */
  consent_at: string | null;
  /** Order among the reserves (1 first), null unless the status is reserve. */
  reserve_rank: number | null;
  /** The implementing agency's note on its selection. */
  review_note: string | null;
  status_changed_at: string | null;
  /** Set when the personal data was erased on request (the counts are kept). */
  erased_at: string | null;
  /** Moved on by a trigger at every update of the row (If-Match). */
  version: Generated<number>;
}

export interface CourseOffersTable {
  id: Generated<number>;
  activity_id: number;
  /** draft, open, closed. */
  status: OfferStatus;
  summary_en: string | null;
  summary_id: string | null;
  eligibility_en: string | null;
  eligibility_id: string | null;
  /** ISO 8601 instant (UTC). */
  deadline: string;
  quota_default: number | null;
  quota_total: number | null;
  completion_percent: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OfferQuotasTable {
  offer_id: number;
  country_code: string;
  quota: number;
}

export interface ParticipantDocumentsTable {
  id: Generated<number>;
  participant_id: number;
  /** cv, letter. */
  kind: DocumentKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
  uploaded_by: string;
  created_at: string;
}

export interface ParticipantEventsTable {
  id: Generated<number>;
  participant_id: number;
  from_status: ParticipantStatus | null;
  to_status: ParticipantStatus;
  at: string;
  by_label: string;
  note: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  participant_id: number | null;
  created_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Claimed by a sending process until this instant (migration 20261129160000_mail_claims). */
  claimed_until: string | null;
}

export interface AttendanceTable {
  participant_id: number;
  day: string;
  present: number;
  recorded_by: string;
  recorded_at: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  participant_id: number;
  number: string;
  verify_token: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface SurveysTable {
  id: Generated<number>;
  code: string;
  name_en: string;
  name_id: string;
  months_after: number;
  /** JSON (domain/alumni/survey.ts). */
  questions: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SurveyInvitationsTable {
  id: Generated<number>;
  survey_id: number;
  participant_id: number;
  token: string;
  due_on: string;
  sent_at: string | null;
  answered_at: string | null;
  /** JSON: question id → answer. */
  answers: string | null;
}
