import { describe, expect, it } from 'vitest';
import { errorsFromIssues } from '../../components/field-errors.js';
import {
  emptyEngagementForm,
  emptyFollowUp,
  emptyItem,
  fieldsOf,
  toEngagementBody,
  toFollowUpBody,
  toItemBody,
  toPatchBody,
  validateEngagementFields,
  validateEngagementForm,
  validateFollowUp,
  validateItem,
} from './engagement-form.js';
import type { Engagement } from '../../api/partnership-queries.js';

const visit = () => ({
  ...emptyEngagementForm(),
  title: 'Visit to AMEXCID',
  startsOn: '2017-05-28',
  endsOn: '2017-05-30',
  country: 'MX',
  partnerOrg: 'AMEXCID',
});

describe('the new-engagement form', () => {
  it('sends empty fields as null, its items and follow-ups, and the owner only when the user chooses it', () => {
    const s = {
      ...visit(),
      ownerOrg: 'ID-KEMLU',
      titleId: ' Kunjungan ke AMEXCID ',
      items: [{ ...emptyItem(), description: ' Cooperation on dengue prevention ', flagshipArea: 'OTHER', country: 'TL' }],
      followUps: [{ action: 'Propose dates', actionId: 'Usulkan tanggal', owner: 'ID-KEMENKES', dueOn: '' }],
    };
    const body = toEngagementBody(s, true);
    expect(body).toEqual({
      kind: 'visit',
      title: 'Visit to AMEXCID',
      titleId: 'Kunjungan ke AMEXCID',
      startsOn: '2017-05-28',
      endsOn: '2017-05-30',
      place: null,
      country: 'MX',
      partnerOrg: 'AMEXCID',
      counterpart: null,
      delegation: null,
      purpose: null,
      purposeId: null,
      outcome: null,
      ownerOrg: 'ID-KEMLU',
      items: [
        {
          side: 'theirs',
          kind: 'offer',
          description: 'Cooperation on dengue prevention',
          descriptionId: null,
          flagshipArea: 'OTHER',
          country: 'TL',
        },
      ],
      followUps: [{ action: 'Propose dates', actionId: 'Usulkan tanggal', owner: 'ID-KEMENKES', dueOn: null }],
    });
    expect(toEngagementBody(s, false)).not.toHaveProperty('ownerOrg');
    expect(validateEngagementForm(s, true).size).toBe(0);
  });

  it('names the fields the server would refuse, with its paths and codes', () => {
    const errors = validateEngagementForm(
      {
        ...emptyEngagementForm(),
        endsOn: '2017-02-30',
        items: [emptyItem()],
        followUps: [{ ...emptyFollowUp(), action: 'Send the outline' }],
      },
      true,
    );
    expect(Object.fromEntries([...errors].map(([k, v]) => [k, v.code]))).toEqual({
      title: 'required',
      startsOn: 'required',
      endsOn: 'invalid_date',
      'items.0.description': 'required',
      'followUps.0.owner': 'owner_required',
    });
  });

  it('refuses an engagement that ends before it starts', () => {
    expect(validateEngagementForm({ ...visit(), endsOn: '2017-05-27' }, true).get('endsOn')?.code).toBe('date_order');
  });
});

describe('items and follow-ups added on the engagement page', () => {
  it('checks an item and a follow-up without a prefix', () => {
    expect([...validateItem({ ...emptyItem(), description: 'x', country: 'ZZ' }).keys()]).toEqual(['country']);
    expect([...validateFollowUp(emptyFollowUp()).keys()].sort()).toEqual(['action', 'owner']);
    expect(validateFollowUp({ action: 'Call', actionId: '', owner: 'someone@example.org', dueOn: '2026-12-01' }).size).toBe(0);
  });

  it('sends an item’s and a follow-up’s Indonesian text trimmed, an empty one as null', () => {
    const item = { ...emptyItem(), description: 'Training on dengue', descriptionId: ' Pelatihan tentang demam berdarah ' };
    expect(toItemBody(item)).toMatchObject({ description: 'Training on dengue', descriptionId: 'Pelatihan tentang demam berdarah' });
    expect(toItemBody({ ...item, descriptionId: '  ' }).descriptionId).toBeNull();
    expect(validateItem(item).size).toBe(0);
    const followUp = { action: 'Call', actionId: 'Telepon mitra', owner: 'ID-BNPB', dueOn: '' };
    expect(toFollowUpBody(followUp)).toEqual({ action: 'Call', actionId: 'Telepon mitra', owner: 'ID-BNPB', dueOn: null });
    expect(toFollowUpBody({ ...followUp, actionId: '' }).actionId).toBeNull();
    // Beyond the API's limit: at the Indonesian field, as the server would name it.
    expect(validateFollowUp({ ...followUp, actionId: 'x'.repeat(4001) }).get('actionId')?.code).toBe('too_big');
  });

  it('shows the server’s issues at their fields, the first one of a field winning', () => {
    const errors = errorsFromIssues([
      { path: 'owner', code: 'owner_required', message: 'a follow-up needs an owner who answers for it' },
      { path: 'owner', message: 'second' },
    ]);
    expect(errors.get('owner')).toEqual({ code: 'owner_required', message: 'a follow-up needs an owner who answers for it' });
  });
});

describe('the edit form', () => {
  const stored = {
    kind: 'meeting',
    title: 'Meeting',
    titleId: 'Pertemuan',
    startsOn: '2026-01-05',
    endsOn: null,
    place: 'Jakarta',
    country: 'ID',
    partnerOrg: null,
    counterpart: null,
    delegation: null,
    purpose: 'Talk',
    purposeId: null,
    outcome: null,
    ownerOrg: 'ID-BNPB',
  } as unknown as Engagement; // the fields the form reads; the rest does not matter here

  it('starts from the stored engagement and sends every field back', () => {
    const fields = fieldsOf(stored);
    expect(fields).toMatchObject({ endsOn: '', titleId: 'Pertemuan', purposeId: '' });
    expect(toPatchBody({ ...fields, outcome: 'Agreed' }, false)).toEqual({
      kind: 'meeting',
      title: 'Meeting',
      titleId: 'Pertemuan',
      startsOn: '2026-01-05',
      endsOn: null,
      place: 'Jakarta',
      country: 'ID',
      partnerOrg: null,
      counterpart: null,
      delegation: null,
      purpose: 'Talk',
      purposeId: null,
      outcome: 'Agreed',
    });
  });

  it('keeps the Indonesian title when only the English one is edited, and clears it only when emptied', () => {
    // The server drops a stored variant when its text changes without it: the form always sends the variant it shows.
    const fields = fieldsOf(stored);
    expect(toPatchBody({ ...fields, title: 'Meeting on disaster relief' }, false)).toMatchObject({
      title: 'Meeting on disaster relief',
      titleId: 'Pertemuan',
    });
    expect(toPatchBody({ ...fields, titleId: ' ' }, false)).toMatchObject({ title: 'Meeting', titleId: null });
    expect(validateEngagementFields({ ...fields, purposeId: 'Membahas bantuan bencana' }, false).size).toBe(0);
  });
});
