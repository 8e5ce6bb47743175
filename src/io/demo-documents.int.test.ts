/** The demo's documents on real 2016–2018 programs: generated at load, private and public, a photo with its thumbnail, in the IATI file. */
import { beforeAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../domain/access/actor.js';
import { demoFiles } from './demo-files.js';
import { describeEachEngine } from '../testing/engines.js';
import { exportIatiActivity } from '../services/iati-export.js';
import { downloadProgramDocument, listProgramDocuments } from '../services/program-documents.js';
import { DEMO_DOCUMENTS, loadDemoDocuments } from '../services/demo/demo-documents.js';
import { loadDemoData } from '../services/demo/load-demo.js';

describeEachEngine('demo documents', (app) => {
  const deps = () => app().deps;
  let stored = 0;
  beforeAll(async () => {
    await loadDemoData(deps());
    stored = await loadDemoDocuments(deps(), demoFiles);
  }, 120_000);

  it('stores each demo document on its program, the photo with a thumbnail and the texts as PDFs', async () => {
    expect(stored).toBe(DEMO_DOCUMENTS.length);
    const dili = await deps().store.repos.programs.findByIdentifier('ID-KEMLU-2018-11');
    const list = await listProgramDocuments(deps(), dili?.id ?? 0);
    expect(list.items.map((d) => [d.kind, d.category, d.isPublic, d.current.contentType, d.current.hasThumbnail]).sort()).toEqual([
      ['handover_certificate', 'A06', true, 'application/pdf', false],
      ['photo', 'A08', true, 'image/png', true],
    ]);
    const certificate = list.items.find((d) => d.kind === 'handover_certificate');
    const file = await downloadProgramDocument(deps(), { activityId: dili?.id ?? 0, id: certificate?.id ?? 0 });
    expect(Buffer.from(file.content.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('shows the public only the public ones', async () => {
    const aquaculture = await deps().store.repos.programs.findByIdentifier('ID-KEMLU-2018-04');
    const all = await listProgramDocuments(deps(), aquaculture?.id ?? 0);
    const seen = await listProgramDocuments({ ...deps(), actor: ANONYMOUS }, aquaculture?.id ?? 0);
    expect(all.items.map((d) => d.kind).sort()).toEqual(['curriculum', 'evaluation_report', 'participant_list']);
    expect(seen.items.map((d) => d.kind).sort()).toEqual(['curriculum', 'evaluation_report']);
  });

  it('lists the public ones in the program’s IATI activity when a public address is set', async () => {
    const dili = await deps().store.repos.programs.findByIdentifier('ID-KEMLU-2018-11');
    const exported = await exportIatiActivity({ ...deps(), actor: ANONYMOUS }, dili?.id ?? 0, {
      ref: 'XM-DAC-ID-1',
      nameEn: 'Indonesia',
      nameId: null,
      type: '10',
      publicUrl: 'https://mitra.example.go.id',
    });
    const nodes = [];
    for await (const page of exported.activities) nodes.push(...page);
    const links = (nodes[0]?.children ?? []).filter((c) => c && typeof c === 'object' && c.name === 'document-link');
    expect(links).toHaveLength(2);
  });
});
