/** Rows of the access matrix (fixtures.ts): programs' results frameworks (docs/results.md). */
import { frameworkInputSchema } from '../../domain/results/framework.js';
import { replaceFramework } from '../../services/results.js';
import { coordination, everyone, hidden, OTHER, OWN, ownAgency, type Matrix, type Row } from './fixtures.js';

const FRAMEWORK = {
  results: [
    {
      type: '1',
      titleEn: 'Officers trained',
      indicators: [
        {
          measure: '1',
          titleEn: 'Officers',
          baseline: { year: 2017, value: 0 },
          periods: [{ start: '2018-01-01', end: '2018-12-31', target: { value: 20 }, actual: { value: 18 } }],
        },
      ],
    },
  ],
};

const result = { type: '2', titleEn: 'Hatcheries in use' };
const indicator = { measure: '2', titleEn: 'Share in use', baseline: { year: 2018, value: 10 } };
const period = { start: '2019-01-01', end: '2019-12-31', target: { value: 60 } };

export const resultRows = (m: Matrix): readonly Row[] => {
  /** A new program with a framework of one result, indicator and period: the ids of each. */
  const seeded = async (org = OWN, stage: 'approved' | 'evaluated' = 'approved') => {
    const p = await m.program(stage, org);
    const view = await replaceFramework(m.app().deps, p.id, frameworkInputSchema.parse(FRAMEWORK));
    const r = view.results[0];
    const i = r?.indicators[0];
    const base = `/api/v1/activities/${p.id}/results`;
    return {
      base,
      r: `${base}/${r?.id}`,
      i: `${base}/${r?.id}/indicators/${i?.id}`,
      p: `${base}/${r?.id}/indicators/${i?.id}/periods/${i?.periods[0]?.id}`,
    };
  };
  return [
    {
      route: 'GET /api/v1/activities/:id/results',
      name: 'of a published program',
      call: async () => ({ url: `/api/v1/activities/${m.own.approved}/results` }),
      expect: everyone(200),
    },
    {
      route: 'GET /api/v1/activities/:id/results',
      name: 'of a request',
      call: async () => ({ url: `/api/v1/activities/${m.other.request}/results` }),
      expect: hidden(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results',
      name: 'of the own agency',
      call: async () => ({ method: 'PUT', url: (await seeded()).base, payload: FRAMEWORK }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results',
      name: 'of another agency',
      call: async () => ({ method: 'PUT', url: (await seeded(OTHER)).base, payload: FRAMEWORK }),
      expect: coordination(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results',
      name: 'of the own agency once evaluated',
      call: async () => ({ method: 'PUT', url: (await seeded(OWN, 'evaluated')).base, payload: FRAMEWORK }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/activities/:id/results',
      name: 'of the own agency',
      call: async () => ({ method: 'POST', url: (await seeded()).base, payload: result }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/activities/:id/results',
      name: 'of another agency',
      call: async () => ({ method: 'POST', url: (await seeded(OTHER)).base, payload: result }),
      expect: coordination(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results/:resultId',
      name: 'of the own agency',
      call: async () => ({ method: 'PUT', url: (await seeded()).r, payload: result }),
      expect: ownAgency(200),
    },
    {
      route: 'DELETE /api/v1/activities/:id/results/:resultId',
      name: 'of the own agency',
      call: async () => ({ method: 'DELETE', url: (await seeded()).r }),
      expect: ownAgency(200),
    },
    {
      route: 'DELETE /api/v1/activities/:id/results/:resultId',
      name: 'of another agency',
      call: async () => ({ method: 'DELETE', url: (await seeded(OTHER)).r }),
      expect: coordination(200),
    },
    {
      route: 'POST /api/v1/activities/:id/results/:resultId/indicators',
      name: 'of the own agency',
      call: async () => ({ method: 'POST', url: `${(await seeded()).r}/indicators`, payload: indicator }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results/:resultId/indicators/:indicatorId',
      name: 'of the own agency',
      call: async () => ({ method: 'PUT', url: (await seeded()).i, payload: indicator }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results/:resultId/indicators/:indicatorId',
      name: 'of another agency',
      call: async () => ({ method: 'PUT', url: (await seeded(OTHER)).i, payload: indicator }),
      expect: coordination(200),
    },
    {
      route: 'DELETE /api/v1/activities/:id/results/:resultId/indicators/:indicatorId',
      name: 'of the own agency',
      call: async () => ({ method: 'DELETE', url: (await seeded()).i }),
      expect: ownAgency(200),
    },
    {
      route: 'POST /api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods',
      name: 'of the own agency',
      call: async () => ({ method: 'POST', url: `${(await seeded()).i}/periods`, payload: period }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods/:periodId',
      name: 'of the own agency',
      call: async () => ({ method: 'PUT', url: (await seeded()).p, payload: period }),
      expect: ownAgency(200),
    },
    {
      route: 'PUT /api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods/:periodId',
      name: 'of another agency',
      call: async () => ({ method: 'PUT', url: (await seeded(OTHER)).p, payload: period }),
      expect: coordination(200),
    },
    {
      route: 'DELETE /api/v1/activities/:id/results/:resultId/indicators/:indicatorId/periods/:periodId',
      name: 'of the own agency',
      call: async () => ({ method: 'DELETE', url: (await seeded()).p }),
      expect: ownAgency(200),
    },
  ];
};
