import { describe, expect, it } from 'vitest';
import { errorsFromIssues } from '../../components/field-errors.js';
import {
  emptyEngagementForm,
  emptyFollowUp,
  emptyItem,
  fieldsOf,
  toEngagementBody,
  toPatchBody,
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
      items: [{ ...emptyItem(), description: ' Cooperation on dengue prevention ', flagshipArea: 'OTHER', country: 'TL' }],
      followUps: [{ action: 'Propose dates', owner: 'ID-KEMENKES', dueOn: '' }],
    };
    const body = toEngagementBody(s, true);
    expect(body).toEqual({
      kind: 'visit',
      title: 'Visit to AMEXCID',
      startsOn: '2017-05-28',
      endsOn: '2017-05-30',
      place: null,
      country: 'MX',
      partnerOrg: 'AMEXCID',
      counterpart: null,
      delegation: null,
      purpose: null,
      outcome: null,
      ownerOrg: 'ID-KEMLU',
      items: [{ side: 'theirs', kind: 'offer', description: 'Cooperation on dengue prevention', flagshipArea: 'OTHER', country: 'TL' }],
      followUps: [{ action: 'Propose dates', owner: 'ID-KEMENKES', dueOn: null }],
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
    expect(validateFollowUp({ action: 'Call', owner: 'someone@example.org', dueOn: '2026-12-01' }).size).toBe(0);
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
  it('starts from the stored engagement and sends every field back', () => {
    const stored = {
      kind: 'meeting',
      title: 'Meeting',
      startsOn: '2026-01-05',
      endsOn: null,
      place: 'Jakarta',
      country: 'ID',
      partnerOrg: null,
      counterpart: null,
      delegation: null,
      purpose: 'Talk',
      outcome: null,
      ownerOrg: 'ID-BNPB',
    } as unknown as Engagement; // the fields the form reads; the rest does not matter here
    const fields = fieldsOf(stored);
    expect(fields.endsOn).toBe('');
    expect(toPatchBody({ ...fields, outcome: 'Agreed' }, false)).toEqual({
      kind: 'meeting',
      title: 'Meeting',
      startsOn: '2026-01-05',
      endsOn: null,
      place: 'Jakarta',
      country: 'ID',
      partnerOrg: null,
      counterpart: null,
      delegation: null,
      purpose: 'Talk',
      outcome: 'Agreed',
    });
  });
});
