import { describe, expect, it } from 'vitest';
import { emptyRequestForm, toRequestBody, validateRequestForm } from './request-form.js';

describe('the new-request form', () => {
  it('sends empty fields as null and leaves out an empty relay', () => {
    const s = { ...emptyRequestForm('2026-11-29', 'FJ'), topic: 'Disaster risk management training', flagshipArea: 'DEV-DRM' };
    expect(toRequestBody(s)).toEqual({ country: 'FJ', topic: 'Disaster risk management training', description: null, flagshipArea: 'DEV-DRM', sectorCode: null, modality: null, periodFrom: null, periodTo: null, receivedOn: '2026-11-29' });
    expect(validateRequestForm(s).size).toBe(0);
  });

  it('names the fields the API would refuse', () => {
    const errors = validateRequestForm({ ...emptyRequestForm('2026-11-29'), sectorCode: '123', periodFrom: '2027-02-02', periodTo: '2027-02-01' });
    expect([...errors.keys()].sort()).toEqual(['country', 'sectorCode', 'topic']);
    expect(errors.get('country')?.code).toBe('required');
    expect(errors.get('topic')).toEqual({ code: 'required', message: 'is required' });
    const order = validateRequestForm({ ...emptyRequestForm('2026-11-29', 'FJ'), topic: 'x', periodFrom: '2027-02-02', periodTo: '2027-02-01' });
    expect(order.get('periodTo')).toEqual({ code: 'date_order', message: 'must not be before periodFrom (2027-02-02)' });
  });
});
