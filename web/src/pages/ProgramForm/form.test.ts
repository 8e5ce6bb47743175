import { describe, expect, it } from 'vitest';
import { programFormOf, toProgramBody, validateProgramForm, type ProgramFormState } from './program-form.js';

const base = (): ProgramFormState => ({
  ...programFormOf({
    id: 1,
    identifier: 'X-1',
    titleEn: 'Training',
    titleId: null,
    descriptionEn: null,
    descriptionId: null,
    modality: 'training',
    flagshipArea: 'DEV-AGR',
    cooperationType: 'bilateral',
    activityStatus: 'pipeline',
    lifecycleStage: 'request',
    plannedStart: '2019-01-01',
    plannedEnd: '2019-01-05',
    actualStart: null,
    actualEnd: null,
    year: 2019,
    venueCity: null,
    venueCountry: null,
    implementingOrg: null,
    fundingSource: null,
    participantsPlanned: 10,
    illustrative: false,
    updatedAt: '',
    createdAt: '',
    version: 1,
    recipients: [{ country: 'KE', percentage: null }],
    partners: [],
    sectors: [],
    sdgs: [{ goal: 8, target: '8.3' }],
    budgets: [
      { type: 1, status: 1, periodStart: '2019-01-01', periodEnd: '2019-12-31', amount: '1000.00', currency: 'IDR', valueDate: null },
    ],
    transactions: [],
  }),
});

describe('program form', () => {
  it('turns a stored program back into the same request', () => {
    const request = toProgramBody(base());
    expect(request).toMatchObject({
      identifier: 'X-1',
      titleEn: 'Training',
      titleId: null,
      participantsPlanned: 10,
      sdgs: ['8.3'],
      recipients: [{ country: 'KE', percentage: null }],
    });
    expect(validateProgramForm(base()).size).toBe(0);
  });

  it('finds the errors the API would, on the same fields', () => {
    const state = { ...base(), identifier: 'has space', plannedEnd: '2018-12-31', titleEn: '', sdgs: '8.3, 99' };
    const errors = validateProgramForm(state);
    expect(errors.get('identifier')).toBeDefined();
    expect(errors.get('sdgs.1')?.code).toBe('unknown_sdg');
    const rules = validateProgramForm({ ...base(), plannedEnd: '2018-12-31', titleEn: '' });
    expect(rules.get('plannedEnd')?.code).toBe('date_order');
    expect(rules.get('titleEn')?.code).toBe('title_required');
  });

  it('checks percentages and triangular partners like the API', () => {
    const pct = validateProgramForm({
      ...base(),
      recipients: [
        { country: 'KE', percentage: '60' },
        { country: 'TZ', percentage: '30' },
      ],
    });
    expect(pct.get('recipients')?.code).toBe('percentage_sum');
    expect(validateProgramForm({ ...base(), cooperationType: 'triangular' }).get('partners')?.code).toBe('triangular_partner_required');
  });
});
