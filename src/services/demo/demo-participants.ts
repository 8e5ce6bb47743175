/** Participants of the demo data set: the one program whose participants are recorded person by person. */
import type { ParticipantRequest } from '../../domain/participant/participant.schema.js';
import { cycle } from '../synthetic.js';

/**
 * Illustrative participant records for the 2018 infrastructure seminar for Afghanistan, so that
 * the demo has one program whose participants are recorded one by one (20, as planned).
 */
const AFGHAN_GIVEN = ['Ahmad', 'Farid', 'Mariam', 'Nasrin', 'Habib', 'Zahra', 'Karim', 'Laila', 'Jawad', 'Fatima'];
const AFGHAN_FAMILY = ['Rahimi', 'Noori', 'Sultani', 'Haidari', 'Wardak', 'Popal', 'Amiri', 'Karimi', 'Stanikzai', 'Sadat'];
const FEMALE = new Set(['Mariam', 'Nasrin', 'Zahra', 'Laila', 'Fatima']);

export const DEMO_PARTICIPANTS: { readonly activityIdentifier: string; readonly participants: readonly ParticipantRequest[] } = {
  activityIdentifier: 'ID-KEMLU-2018-06',
  participants: Array.from({ length: 20 }, (_, i) => {
    const given = cycle(AFGHAN_GIVEN, i);
    const family = cycle(AFGHAN_FAMILY, i * 3 + Math.floor(i / 10));
    return {
      fullName: `${given} ${family}`,
      sex: FEMALE.has(given) ? ('F' as const) : ('M' as const),
      country: 'AF',
      organisation: i % 2 === 0 ? 'Ministry of Public Works' : 'Ministry of Urban Development and Land',
      position: i % 4 === 0 ? 'Director' : 'Engineer',
      email: null,
      status: 'completed' as const,
      illustrative: true,
    };
  }),
};
