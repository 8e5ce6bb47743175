/**
 * Partnerships (partner contacts, agreements, engagements with their items and follow-ups) and
 * partner governments' cooperation requests. Conventions: ../schema.ts.
 */
import type { Generated, GeneratedAlways } from 'kysely';
import type { FlagshipArea, Modality } from '../../domain/codes.js';
import type { AgreementKind, AgreementStatus } from '../../domain/partnership/agreement.js';
import type { EngagementKind, FollowUpStatus, ItemKind, ItemSide } from '../../domain/partnership/engagement.js';
import type { RequestStatus } from '../../domain/request/request.js';

export interface PartnerContactsTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  sort_order: number;
}

export interface AgreementsTable {
  id: Generated<number>;
  reference: string;
  kind: AgreementKind;
  title_en: string;
  title_id: string | null;
  subject: string | null;
  /** The subject in Indonesian, when given. */
  subject_id: string | null;
  status: AgreementStatus;
  signed_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  owner_org_id: number | null;
  illustrative: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** Generated: coalesce(signed_on, the day created), the list's order. */
  sort_on: GeneratedAlways<string>;
}

export interface AgreementPartiesTable {
  agreement_id: number;
  sort_order: number;
  org_id: number | null;
  country_code: string | null;
}

export interface AgreementAreasTable {
  agreement_id: number;
  area: FlagshipArea;
}

export interface AgreementProgramsTable {
  agreement_id: number;
  activity_id: number;
}

export interface AgreementDocumentsTable {
  id: Generated<number>;
  agreement_id: number;
  title: string;
  title_key: string;
  version_no: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
  is_public: number;
  uploaded_by: string;
  created_at: string;
}

export interface AgreementRemindersTable {
  agreement_id: number;
  valid_until: string;
  days_before: number;
  sent_at: string;
}

export interface EngagementsTable {
  id: Generated<number>;
  reference: string;
  kind: EngagementKind;
  title: string;
  /** The title and purpose in Indonesian, when given. */
  title_id: string | null;
  purpose_id: string | null;
  starts_on: string;
  ends_on: string | null;
  place: string | null;
  country_code: string | null;
  partner_org_id: number | null;
  counterpart: string | null;
  delegation: string | null;
  purpose: string | null;
  outcome: string | null;
  owner_org_id: number | null;
  illustrative: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EngagementItemsTable {
  id: Generated<number>;
  engagement_id: number;
  side: ItemSide;
  kind: ItemKind;
  description: string;
  /** The description in Indonesian, when given. */
  description_id: string | null;
  flagship_area: FlagshipArea | null;
  country_code: string | null;
  illustrative: number;
  activity_id: number | null;
  sort_order: number;
}

export interface FollowUpsTable {
  id: Generated<number>;
  /** The engagement it came from, or null for a follow-up of a program's evaluation (`activity_id`); exactly one is set. */
  engagement_id: number | null;
  activity_id: number | null;
  action: string;
  /** The action in Indonesian, when given (the interface shows it in Indonesian). */
  action_id: string | null;
  owner: string;
  due_on: string | null;
  status: FollowUpStatus;
  done_on: string | null;
  created_at: string;
  updated_at: string;
  /** Generated: coalesce(due_on, '9999-12-31'), the list's order (no due day last). */
  sort_due: GeneratedAlways<string>;
}

export interface CooperationRequestsTable {
  id: Generated<number>;
  reference: string;
  country_code: string;
  topic: string;
  description: string | null;
  /** The topic and description in Indonesian, when given. */
  topic_id: string | null;
  description_id: string | null;
  flagship_area: FlagshipArea | null;
  sector_code: string | null;
  modality: Modality | null;
  period_from: string | null;
  period_to: string | null;
  received_on: string;
  relayed_by: string | null;
  /** registered, assessment, accepted, declined. */
  status: RequestStatus;
  assessment_note: string | null;
  /** The note in Indonesian, when given. */
  assessment_note_id: string | null;
  activity_id: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}
