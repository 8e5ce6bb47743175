import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { iatiDocument } from './iati-write.js';
import { actingAs } from '../services/deps.js';
import { ANONYMOUS } from '../domain/access/actor.js';
import { createProgram } from '../services/programs.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { exportIati } from '../services/iati-export.js';
import { createOrganisation } from '../services/organisations.js';
import { addParticipant } from '../services/participants.js';
import { describeEachEngine } from '../testing/engines.js';
import { canValidateIati, iatiRuleBreaches, xsdErrors } from '../testing/iati.js';
import { aParticipant } from '../testing/builders.js';
import type { ServiceDeps } from '../services/deps.js';

const PUBLISHER = { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' };
const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-'));

async function exportXml(deps: ServiceDeps, filter: Record<string, unknown> = {}): Promise<string> {
  const { page: _p, pageSize: _s, ...query } = programListQuerySchema.parse({ sort: 'identifier', ...filter });
  const exported = await exportIati(deps, query, PUBLISHER);
  let xml = '';
  for await (const chunk of iatiDocument(exported.generatedAt, exported.activities, exported.undated)) xml += chunk;
  return xml;
}

function validate(name: string, xml: string): void {
  expect(iatiRuleBreaches(xml, PUBLISHER.ref)).toEqual([]);
  if (!canValidateIati) return;
  const path = join(dir, name);
  writeFileSync(path, xml);
  expect(xsdErrors(path)).toBe('');
}

describeEachEngine('IATI export', (app) => {
  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('exports the demo data as a schema-valid IATI 2.03 file that keeps the ruleset', async () => {
    const xml = await exportXml(app().deps);
    // The demo's 33 programs (6 of 2016, 13 of 2017, 14 of 2018) and the open course offer's; the program request that came of the
    // Mexico visit has no date yet, which IATI requires: it is left out, and the file says so.
    expect(xml.match(/<iati-activity /g)).toHaveLength(34);
    expect(xml).toContain('<!-- 1 program(s) without any date are not in this file (IATI requires an activity-date): ENG-2017-0002-2 -->');
    validate('demo.xml', xml);
    expect(xml).toContain('<iati-identifier>ID-NCT-SSTC-ID-KEMLU-2018-06</iati-identifier>');
    expect(xml).toContain('<collaboration-type code="8"/>');
    expect(xml).toMatch(/<participating-org ref="JICA" role="1" type="10">/);
    // The Afghanistan workshop: 20 participant records, all attended.
    const afghanistan = xml.slice(xml.indexOf('ID-KEMLU-2018-06'), xml.indexOf('</iati-activity>', xml.indexOf('ID-KEMLU-2018-06')));
    expect(afghanistan).toMatch(/<actual value="20"\/>/);
  });

  it('exports a program with every optional field filled, and text that needs escaping', async () => {
    const deps = app().deps;
    await createOrganisation(
      deps,
      organisationInputSchema.parse({
        code: 'XM-TEST-PARTNER',
        nameEn: 'Partner & Co <intl>',
        nameId: 'Mitra "uji"',
        type: '40',
        kind: 'multilateral',
      }),
    );
    const full = await createProgram(
      deps,
      programInputSchema.parse({
        identifier: 'FULL-2031-01',
        titleEn: 'Training on "R&D" <management>\u0007',
        titleId: 'Pelatihan manajemen R&D',
        descriptionEn: 'Line one\nline two & three',
        descriptionId: 'Baris satu',
        modality: 'expert_dispatch',
        flagshipArea: 'DEV-DRM',
        cooperationType: 'triangular',
        activityStatus: 'closed',
        lifecycleStage: 'evaluated',
        plannedStart: '2031-01-10',
        plannedEnd: '2031-02-20',
        actualStart: '2031-01-12',
        actualEnd: '2031-02-18',
        venueCity: 'Jakarta',
        venueCountry: 'ID',
        implementingOrg: 'ID-BNPB',
        fundingSource: 'mixed',
        participantsPlanned: 30,
        recipients: [
          { country: 'FJ', percentage: 50 },
          { country: 'TL', percentage: 30.5 },
          { country: 'PG', percentage: 19.5 },
        ],
        partners: [
          { org: 'JICA', iatiRole: 1, sscRole: 'second_provider', contributionAmount: 10000, currency: 'USD' },
          { org: 'XM-TEST-PARTNER', iatiRole: 3, sscRole: 'facilitator', inKind: true },
        ],
        sectors: [
          { vocabulary: '1', code: '74020', percentage: 60 },
          { vocabulary: '1', code: '43040', percentage: 40 },
          { vocabulary: '2', code: '740' },
          { vocabulary: '2', code: '430' },
          { vocabulary: '2', code: '151' },
        ],
        sdgs: ['13', '11.5', '1.5'],
        budgets: [
          {
            type: 1,
            status: 2,
            periodStart: '2031-01-01',
            periodEnd: '2031-12-31',
            amount: 250000000,
            currency: 'IDR',
            valueDate: '2031-01-01',
          },
          { type: 2, status: 2, periodStart: '2031-01-01', periodEnd: '2031-12-31', amount: 260000000.5, currency: 'IDR' },
        ],
        transactions: [
          { type: '2', date: '2031-01-05', amount: 250000000, currency: 'IDR', description: 'Commitment <APBN>' },
          { type: '3', date: '2031-01-20', amount: 120000000, currency: 'IDR', valueDate: '2031-01-19' },
          { type: '4', date: '2031-02-25', amount: 9000.75, currency: 'USD' },
        ],
      }),
    );
    for (const [status, country] of [
      ['attended', 'FJ'],
      ['completed', 'TL'],
      ['withdrawn', 'PG'],
    ] as const) {
      await addParticipant(deps, full.id, participantInputSchema.parse(aParticipant({ country, status })));
    }
    const xml = await exportXml(deps, { year: 2031 });
    validate('full.xml', xml);
    expect(xml).toContain('<narrative>Training on &quot;R&amp;D&quot; &lt;management&gt;</narrative>'.replace(/&quot;/g, '"'));
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('<narrative>Partner &amp; Co &lt;intl&gt;</narrative>');
    expect(xml).toMatch(/<sector vocabulary="2" code="740" percentage="33.34"\/>/);
    expect(xml).toMatch(/<sector vocabulary="2" code="151" percentage="33.33"\/>/);
    expect(xml).toContain('<tag vocabulary="2" code="13"/>');
    expect(xml).toContain('<tag vocabulary="3" code="11.5"/>');
    expect(xml).toContain('<default-aid-type code="D01" vocabulary="1"/>');
    expect(xml).toContain('<value currency="IDR" value-date="2031-01-01">260000000.50</value>');
    expect(xml).toMatch(/<target value="30"\/>\s*<actual value="2"\/>/);
    expect(xml).toContain('<recipient-country code="TL" percentage="30.5"/>');
  });

  it('gives the public published programs only', async () => {
    const deps = app().deps;
    await createProgram(
      deps,
      programInputSchema.parse({
        identifier: 'REQ-2031-09',
        titleEn: 'A request',
        plannedStart: '2031-03-01',
        recipients: [{ country: 'KE' }],
      }),
    );
    const internal = await exportXml(deps, { year: 2031 });
    expect(internal).toContain('REQ-2031-09');
    // A program with nothing but a title still gets the description IATI requires.
    expect(internal).toContain('<narrative>Program, 2031-03-01 for Kenya.</narrative>');
    validate('internal.xml', internal);
    const pub = await exportXml(actingAs(deps, ANONYMOUS), { year: 2031 });
    expect(pub).not.toContain('REQ-2031-09');
    expect(pub).toContain('FULL-2031-01');
    validate('public.xml', pub);
  });

  it('is read back from a CLI file unchanged in substance', async () => {
    const path = join(dir, 'check.xml');
    writeFileSync(path, await exportXml(app().deps, { year: 2018 }));
    expect(readFileSync(path, 'utf8').match(/<iati-activity /g)).toHaveLength(14);
  });
});
