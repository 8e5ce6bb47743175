import { describe, expect, it } from 'vitest';
import type { Agreement, AgreementDocument } from '../../api/partnership-queries.js';
import {
  agreementFormOf,
  emptyAgreementForm,
  emptyParty,
  groupDocuments,
  stepDates,
  stepFormOf,
  toAgreementBody,
  toAgreementPatch,
  toStepBody,
  validateAgreementForm,
  validateAgreementPatch,
  validateStep,
  type AgreementFormState,
} from './agreement-form.js';

const filled = (patch: Partial<AgreementFormState> = {}): AgreementFormState => ({
  ...emptyAgreementForm(),
  kind: 'mou',
  titleEn: 'MoU on disaster risk management',
  parties: [{ type: 'country', org: '', country: 'FJ' }],
  ...patch,
});

const agreement = (patch: Partial<Agreement> = {}): Agreement => ({
  id: 7,
  reference: 'AGR-2019-0007',
  kind: 'mou',
  titleEn: 'MoU',
  titleId: null,
  subject: null,
  subjectId: null,
  status: 'draft',
  signedOn: null,
  validFrom: null,
  validUntil: null,
  ownerOrg: 'ID-KEMLU',
  parties: [
    { org: 'MX-AMEXCID', orgName: 'AMEXCID', country: null },
    { org: null, orgName: null, country: 'FJ' },
  ],
  areas: ['DEV-DRM'],
  illustrative: false,
  programCount: 0,
  documentCount: 0,
  renewal: { daysLeft: null, remindersDue: [], nextReminder: null, expiringSoon: false, overdue: false },
  createdBy: 'a@b.id',
  createdAt: '2019-01-01T00:00:00Z',
  updatedAt: '2019-01-01T00:00:00Z',
  version: 3,
  ...patch,
});

const doc = (id: number, title: string, versionNo: number, createdAt: string): AgreementDocument => ({
  id,
  agreementId: 7,
  title,
  versionNo,
  fileName: `${title}.pdf`,
  contentType: 'application/pdf',
  sizeBytes: 100,
  sha256: 'x',
  isPublic: false,
  uploadedBy: 'a@b.id',
  createdAt,
});

describe('toAgreementBody', () => {
  it('sends parties as organisations or countries, empty texts as null, and the owner only when asked', () => {
    const s = filled({
      parties: [
        { type: 'org', org: ' MX-AMEXCID ', country: 'FJ' },
        { type: 'country', org: 'X', country: 'FJ' },
      ],
      ownerOrg: 'ID-KEMLU',
      subject: '  ',
    });
    const body = toAgreementBody(s, false);
    expect(body.parties).toEqual([{ org: 'MX-AMEXCID' }, { country: 'FJ' }]);
    expect(body.subject).toBeNull();
    expect(body.status).toBe('draft');
    expect('ownerOrg' in body).toBe(false);
    expect(toAgreementBody(s, true).ownerOrg).toBe('ID-KEMLU');
  });

  it('leaves the status out of a patch', () => {
    expect('status' in toAgreementPatch(filled({ status: 'signed' }), false)).toBe(false);
  });

  it('sends the subject with its Indonesian variant, an empty one as null', () => {
    const s = filled({ subject: 'Disaster risk management', subjectId: ' Penanggulangan bencana ' });
    expect(toAgreementBody(s, false)).toMatchObject({ subject: 'Disaster risk management', subjectId: 'Penanggulangan bencana' });
    expect(toAgreementBody({ ...s, subjectId: '' }, false).subjectId).toBeNull();
    expect(validateAgreementForm(s, false).size).toBe(0);
    expect(validateAgreementForm({ ...s, subjectId: 'x'.repeat(4001) }, false).get('subjectId')?.code).toBe('too_big');
  });

  it('keeps the stored Indonesian subject when only the English one is edited, and clears it only when emptied', () => {
    // The server drops a stored variant when the subject changes without it: the patch always carries the one shown.
    const form = agreementFormOf(agreement({ subject: 'Disaster risk management', subjectId: 'Penanggulangan bencana' }));
    expect(form).toMatchObject({ subject: 'Disaster risk management', subjectId: 'Penanggulangan bencana' });
    expect(toAgreementPatch({ ...form, subject: 'Disaster risk management and relief' }, false)).toMatchObject({
      subject: 'Disaster risk management and relief',
      subjectId: 'Penanggulangan bencana',
    });
    expect(toAgreementPatch({ ...form, subjectId: '' }, false).subjectId).toBeNull();
    expect(agreementFormOf(agreement()).subjectId).toBe('');
  });
});

describe('validateAgreementForm', () => {
  it('accepts a complete draft', () => {
    expect(validateAgreementForm(filled(), false).size).toBe(0);
  });

  it('asks for the kind, the English title and each party at its field', () => {
    const errors = validateAgreementForm({ ...emptyAgreementForm(), parties: [emptyParty('org'), emptyParty('country')] }, false);
    expect(errors.get('kind')?.code).toBe('required');
    expect(errors.get('titleEn')?.code).toBe('required');
    expect(errors.get('parties.0.org')?.code).toBe('required');
    expect(errors.get('parties.1.country')?.code).toBe('required');
    expect(errors.has('parties.0')).toBe(false);
  });

  it('refuses a signed agreement without its signature date and a validity ending before the signature', () => {
    expect(validateAgreementForm(filled({ status: 'in_force' }), false).get('signedOn')?.code).toBe('required_when_signed');
    expect(
      validateAgreementForm(filled({ status: 'signed', signedOn: '2020-05-01', validUntil: '2020-04-30' }), false).get('validUntil')?.code,
    ).toBe('before_signature');
    expect(validateAgreementForm(filled({ validFrom: '2021-01-01', validUntil: '2020-12-31' }), false).get('validUntil')?.code).toBe(
      'date_order',
    );
  });

  it('checks an edit against the current status', () => {
    const s = agreementFormOf(agreement({ status: 'signed', signedOn: '2020-05-01' }));
    expect(validateAgreementPatch({ ...s, signedOn: '' }, 'signed', false).get('signedOn')?.code).toBe('required_when_signed');
    expect(validateAgreementPatch(s, 'signed', false).size).toBe(0);
  });
});

describe('agreementFormOf', () => {
  it('takes the stored parties as organisations and countries', () => {
    expect(agreementFormOf(agreement()).parties).toEqual([
      { type: 'org', org: 'MX-AMEXCID', country: '' },
      { type: 'country', org: '', country: 'FJ' },
    ]);
  });
});

describe('status steps', () => {
  it('asks the signature and validity when signing, the validity when entering into force, nothing when terminating', () => {
    expect(stepDates('signed')).toEqual(['signedOn', 'validFrom', 'validUntil']);
    expect(stepDates('in_force')).toEqual(['validFrom', 'validUntil']);
    expect(stepDates('terminated')).toEqual([]);
  });

  it('starts entering into force on the signature day and sends only the dates asked', () => {
    const a = agreement({ status: 'signed', signedOn: '2020-05-01' });
    const s = stepFormOf(a, 'in_force');
    expect(s.validFrom).toBe('2020-05-01');
    expect(toStepBody('in_force', { ...s, validUntil: '', note: ' ratified ' })).toEqual({
      to: 'in_force',
      validFrom: '2020-05-01',
      validUntil: null,
      note: 'ratified',
    });
    expect(toStepBody('terminated', { ...s, note: '' })).toEqual({ to: 'terminated' });
  });

  it('refuses signing without a signature date before sending', () => {
    const a = agreement({ status: 'negotiation' });
    expect(validateStep(a, 'signed', stepFormOf(a, 'signed')).get('signedOn')?.code).toBe('required_when_signed');
    expect(validateStep(a, 'signed', { ...stepFormOf(a, 'signed'), signedOn: '2020-01-10' }).size).toBe(0);
  });
});

describe('groupDocuments', () => {
  it('groups versions by title, latest version first, the group with the latest upload first', () => {
    const groups = groupDocuments([
      doc(1, 'Signed text', 1, '2019-02-01T10:00:00Z'),
      doc(2, 'Annex', 1, '2019-03-01T10:00:00Z'),
      doc(3, 'Signed text', 2, '2019-04-01T10:00:00Z'),
      doc(4, 'Signed text', 3, '2019-05-01T10:00:00Z'),
    ]);
    expect(groups.map((g) => [g.title, g.versions.map((d) => d.versionNo)])).toEqual([
      ['Signed text', [3, 2, 1]],
      ['Annex', [1]],
    ]);
  });
});
