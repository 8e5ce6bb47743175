/** Rows of the access matrix (fixtures.ts): programs' completion and evaluation records (issue 25). */
import { aCompletion, anEvaluation, recordCompletion } from '../../testing/completion.js';
import { coordination, everyone, hidden, OTHER, OWN, ownAgency, type Matrix, type Row } from './fixtures.js';

export const completionRows = (m: Matrix): readonly Row[] => [
  {
    route: 'GET /api/v1/activities/:id/completion',
    name: 'of a published program',
    call: async () => ({ url: `/api/v1/activities/${m.own.evaluated}/completion` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/:id/completion',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}/completion` }),
    expect: hidden(200),
  },
  {
    route: 'PUT /api/v1/activities/:id/completion',
    name: 'of the own agency’s program in implementation',
    call: async () => ({
      method: 'PUT',
      url: `/api/v1/activities/${(await m.program('implementation')).id}/completion`,
      payload: aCompletion(),
    }),
    expect: ownAgency(200),
  },
  {
    route: 'PUT /api/v1/activities/:id/completion',
    name: 'of another agency’s program',
    call: async () => ({
      method: 'PUT',
      url: `/api/v1/activities/${(await m.program('implementation', OTHER)).id}/completion`,
      payload: aCompletion(),
    }),
    expect: coordination(200),
  },
  {
    route: 'PUT /api/v1/activities/:id/completion',
    name: 'of the own agency’s evaluated program',
    call: async () => ({
      method: 'PUT',
      url: `/api/v1/activities/${(await m.program('evaluated')).id}/completion`,
      payload: aCompletion(),
    }),
    expect: coordination(200),
  },
  {
    route: 'GET /api/v1/activities/:id/evaluation',
    name: 'of a published program',
    call: async () => ({ url: `/api/v1/activities/${m.own.evaluated}/evaluation` }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/activities/:id/evaluation',
    name: 'of a request',
    call: async () => ({ url: `/api/v1/activities/${m.own.request}/evaluation` }),
    expect: hidden(200),
  },
  {
    route: 'PUT /api/v1/activities/:id/evaluation',
    name: 'of the own agency’s completed program',
    call: async () => {
      const { id } = await m.program('completed');
      await recordCompletion(m.app(), id);
      return { method: 'PUT', url: `/api/v1/activities/${id}/evaluation`, payload: anEvaluation(OWN) };
    },
    expect: coordination(200),
  },
];
