import { beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { createProgram, deleteProgram, getProgram, listPrograms, patchProgram, replaceProgram } from '../services/programs.js';
import { createOrganisation } from '../services/organisations.js';
import { aProgram, anOrganisation } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';

describeEachEngine('activities repository and service', (app) => {
  const deps = () => app().deps;
  const create = (overrides = {}) => createProgram(deps(), programInputSchema.parse(aProgram(overrides)));
  let partnerCode = '';
  let agencyCode = '';

  beforeAll(async () => {
    agencyCode = (await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation()))).code;
    partnerCode = (await createOrganisation(deps(), organisationInputSchema.parse(anOrganisation({ kind: 'partner', countryCode: 'JP' }))))
      .code;
  });

  it('stores and reads back every field of a program exactly', async () => {
    const created = await create({
      descriptionId: 'Deskripsi',
      cooperationType: 'triangular',
      activityStatus: 'implementation',
      lifecycleStage: 'implementation',
      actualStart: '2018-07-16',
      actualEnd: '2018-07-21',
      implementingOrg: agencyCode.toLowerCase(),
      fundingSource: 'mixed',
      illustrative: true,
      recipients: [
        { country: 'KE', percentage: 33.33 },
        { country: 'TZ', percentage: 33.33 },
        { country: 'UG', percentage: 33.34 },
      ],
      partners: [
        { org: partnerCode, iatiRole: 1, sscRole: 'second_provider', contributionAmount: '85000.50', currency: 'USD', inKind: true },
      ],
      sectors: [{ vocabulary: '1', code: '31320', percentage: 100 }],
      sdgs: ['14.7', '2'],
      budgets: [
        {
          type: 1,
          status: 2,
          periodStart: '2018-01-01',
          periodEnd: '2018-12-31',
          amount: '900000000',
          currency: 'IDR',
          valueDate: '2018-01-01',
        },
      ],
      transactions: [
        { type: '4', date: '2018-07-21', amount: '855000000.25', currency: 'IDR', valueDate: '2018-07-21', description: 'Expenditure' },
      ],
    });
    const read = await getProgram(deps(), created.id);
    expect(read).toEqual(created);
    expect(read).toMatchObject({
      year: 2018,
      version: 1,
      implementingOrg: agencyCode,
      cooperationType: 'triangular',
      activityStatus: 'implementation',
      illustrative: true,
      recipients: [
        { country: 'KE', percentage: 33.33 },
        { country: 'TZ', percentage: 33.33 },
        { country: 'UG', percentage: 33.34 },
      ],
      partners: [{ org: partnerCode, iatiRole: 1, sscRole: 'second_provider', contributionMinor: 8500050, currency: 'USD', inKind: true }],
      sectors: [{ vocabulary: '1', code: '31320', percentage: 100 }],
      sdgs: [
        { goal: 14, target: '14.7' },
        { goal: 2, target: null },
      ],
      budgets: [{ amountMinor: 90000000000, currency: 'IDR', periodStart: '2018-01-01' }],
      transactions: [{ type: '4', amountMinor: 85500000025, date: '2018-07-21', description: 'Expenditure' }],
      createdAt: '2026-11-28T09:00:00.000Z',
    });
  });

  it('refuses a duplicate identifier and leaves the database unchanged', async () => {
    const first = await create();
    await expect(create({ identifier: first.identifier, titleEn: 'Other' })).rejects.toBeInstanceOf(ConflictError);
    const page = await listPrograms(deps(), programListQuerySchema.parse({ q: first.identifier }));
    expect(page.total).toBe(1);
  });

  it('refuses unknown organisations with every bad field named', async () => {
    const error = await create({ implementingOrg: 'NOPE', partners: [{ org: 'NADA', iatiRole: 1, sscRole: 'second_provider' }] }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues.map((i) => i.path)).toEqual(['implementingOrg', 'partners.0.org']);
  });

  it('patches fields, bumps the version and refuses a stale version', async () => {
    const a = await create();
    const patched = await patchProgram(
      deps(),
      a.id,
      { titleEn: 'Changed', recipients: [{ country: 'UG', percentage: null }] },
      { expectedVersion: 1 },
    );
    expect(patched).toMatchObject({
      titleEn: 'Changed',
      titleId: a.titleId,
      version: 2,
      recipients: [{ country: 'UG', percentage: null }],
    });
    await expect(patchProgram(deps(), a.id, { titleEn: 'Lost update' }, { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'activity.stale',
    });
    expect((await getProgram(deps(), a.id)).titleEn).toBe('Changed');
  });

  it('replaces a whole program, clearing fields left out', async () => {
    const a = await create({ descriptionEn: 'to be cleared', sdgs: ['14'] });
    const replaced = await replaceProgram(deps(), a.id, programInputSchema.parse({ identifier: a.identifier, titleId: 'Hanya judul' }));
    expect(replaced).toMatchObject({
      titleEn: null,
      descriptionEn: null,
      sdgs: [],
      recipients: [],
      modality: null,
      year: null,
      version: 2,
    });
  });

  it('keeps the database unchanged when an update breaks a rule', async () => {
    const a = await create();
    await expect(patchProgram(deps(), a.id, { plannedEnd: '2000-01-01' })).rejects.toBeInstanceOf(InvalidError);
    expect(await getProgram(deps(), a.id)).toEqual(a);
  });

  it('deletes a program', async () => {
    const a = await create();
    await deleteProgram(deps(), a.id);
    await expect(getProgram(deps(), a.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProgram(deps(), a.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  describe('list', () => {
    const tag = `LST${Date.now().toString(36)}`;
    beforeAll(async () => {
      await create({
        identifier: `${tag}-1`,
        titleEn: `${tag} Pacific seminar`,
        modality: 'seminar',
        flagshipArea: 'DEV-DRM',
        plannedStart: '2016-05-01',
        plannedEnd: '2016-05-03',
        recipients: [{ country: 'FJ' }, { country: 'PG' }],
      });
      await create({
        identifier: `${tag}-2`,
        titleEn: `${tag} Africa training`,
        modality: 'training',
        flagshipArea: 'DEV-AGR',
        plannedStart: '2018-07-15',
        plannedEnd: '2018-07-21',
        recipients: [{ country: 'KE' }],
      });
      await create({
        identifier: `${tag}-3`,
        titleEn: `${tag} 100% triangular_course`,
        modality: 'training',
        flagshipArea: 'DEV-AGR',
        cooperationType: 'triangular',
        plannedStart: '2018-01-10',
        plannedEnd: '2018-01-20',
        actualStart: '2017-12-30',
        actualEnd: '2018-01-20',
        recipients: [{ country: 'TL' }],
        partners: [{ org: partnerCode, iatiRole: 1, sscRole: 'second_provider' }],
      });
      await create({
        identifier: `${tag}-4`,
        modality: 'study_visit',
        titleEn: null,
        titleId: `${tag} pelatihan tanpa tanggal`,
        plannedStart: null,
        plannedEnd: null,
        recipients: [{ country: 'PS' }],
      });
    });
    const list = async (query: Record<string, unknown>) => {
      const page = await listPrograms(deps(), programListQuerySchema.parse({ q: tag, ...query }));
      return { total: page.total, ids: page.items.map((i) => i.identifier.replace(`${tag}-`, '')) };
    };

    it('filters by year (actual start first), modality, area, type, region, country and partner', async () => {
      expect(await list({ year: 2018 })).toEqual({ total: 1, ids: ['2'] });
      expect(await list({ year: 2017 })).toEqual({ total: 1, ids: ['3'] });
      expect((await list({ modality: 'pelatihan' })).ids.sort()).toEqual(['2', '3']);
      expect(await list({ flagshipArea: 'DEV-DRM' })).toMatchObject({ ids: ['1'] });
      expect(await list({ cooperationType: 'triangular' })).toMatchObject({ ids: ['3'] });
      expect(await list({ region: 'oceania' })).toMatchObject({ ids: ['1'] });
      expect((await list({ region: 'asia' })).ids.sort()).toEqual(['3', '4']);
      expect(await list({ country: 'Papua Nugini' })).toMatchObject({ ids: ['1'] });
      expect(await list({ partner: partnerCode.toLowerCase() })).toMatchObject({ ids: ['3'] });
      expect(await list({ status: 'pipeline', year: 2016 })).toMatchObject({ ids: ['1'] });
    });

    it('searches text without treating % and _ as wildcards', async () => {
      expect(await list({ q: `${tag} 100%` })).toMatchObject({ ids: ['3'] });
      expect(await list({ q: 'triangular_course' })).toMatchObject({ total: 1 });
      expect(await list({ q: `${tag} pelatihan` })).toMatchObject({ ids: ['4'] });
    });

    it('sorts with missing values last on both engines, and pages', async () => {
      expect((await list({ sort: 'start' })).ids).toEqual(['1', '3', '2', '4']);
      expect((await list({ sort: '-start' })).ids).toEqual(['2', '3', '1', '4']);
      expect((await list({ sort: 'identifier' })).ids).toEqual(['1', '2', '3', '4']);
      const page2 = await listPrograms(deps(), programListQuerySchema.parse({ q: tag, sort: 'identifier', page: 2, pageSize: 3 }));
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((i) => i.identifier)).toEqual([`${tag}-4`]);
      expect(page2.items[0]?.recipients).toEqual(['PS']);
    });
  });
});
