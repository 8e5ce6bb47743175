import type { OrganisationKind } from '../codes.js';

export interface OrganisationData {
  readonly code: string;
  readonly nameEn: string;
  readonly nameId: string | null;
  readonly acronym: string | null;
  /** IATI OrganisationType code ("10" government, "40" multilateral, …). */
  readonly type: string;
  readonly countryCode: string | null;
  readonly kind: OrganisationKind;
  readonly illustrative: boolean;
}

export interface Organisation extends OrganisationData {
  readonly id: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
