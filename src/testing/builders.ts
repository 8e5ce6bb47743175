/** Builders of valid inputs for tests; each call gives fresh identifiers. */
import type { ProgramRequest } from '../domain/program/program.schema.js';
import type { OrganisationRequest } from '../domain/organisation/organisation.schema.js';
import type { ParticipantRequest } from '../domain/participant/participant.schema.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function anOrganisation(overrides: Partial<OrganisationRequest> = {}): OrganisationRequest {
  const code = `TEST-ORG-${next()}`;
  return { code, nameEn: `Test organisation ${code}`, type: '10', kind: 'provider_agency', countryCode: 'ID', ...overrides };
}

export function aProgram(overrides: Partial<ProgramRequest> = {}): ProgramRequest {
  return {
    identifier: `TEST-${next()}`,
    titleEn: 'International training on aquaculture',
    titleId: 'Pelatihan internasional budi daya perikanan',
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    cooperationType: 'bilateral',
    plannedStart: '2018-07-15',
    plannedEnd: '2018-07-21',
    venueCity: 'Banyuwangi',
    venueCountry: 'ID',
    recipients: [{ country: 'KE' }],
    participantsPlanned: 20,
    ...overrides,
  };
}

/** A participant as entered one by one (with the person's consent, which the API requires). */
export function aParticipant(overrides: Partial<ParticipantRequest> = {}): ParticipantRequest {
  return { fullName: `Participant ${next()}`, sex: 'F', country: 'KE', organisation: 'Ministry of Fisheries', consent: true, ...overrides };
}
