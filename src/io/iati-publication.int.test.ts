import { expect, it } from 'vitest';
import { loadDemoData } from '../services/demo/load-demo.js';
import { transitionProgram } from '../services/lifecycle.js';
import { describeEachEngine } from '../testing/engines.js';
import { planPublication, PublicationChangedError } from './iati-publication.js';

async function text(document: AsyncIterable<string> | Promise<string | AsyncIterable<string>>): Promise<string> {
  const d = await document;
  if (typeof d === 'string') return d;
  let all = '';
  for await (const chunk of d) all += chunk;
  return all;
}

describeEachEngine('the IATI publication plan', (app) => {
  it('measures exactly, and stops a file whose programs changed after they were measured', async () => {
    const { deps, config } = app();
    await loadDemoData(deps);
    const options = { publisher: config.iatiPublisher, registryName: 'nct-sstc', maxBytes: 30 * 1024 };
    const plan = await planPublication(deps, options);
    // The demo's undated program is a request: not public, so not even counted as left out.
    expect(plan.undated).toEqual([]);
    for (const d of plan.datasets) expect(Buffer.byteLength(await text(d.document()))).toBe(d.expectedBytes);

    const last = plan.datasets.filter((d) => d.kind === 'activity').at(-1)!;
    const id = (await deps.store.repos.programs.list({ year: 2027 }, { key: 'identifier', desc: false }, 1, 10)).items[0]!.id;
    await transitionProgram(deps, id, { action: 'cancel', comment: 'no longer offered' });
    await expect(text(last.document())).rejects.toBeInstanceOf(PublicationChangedError);
    await expect(text(last.document())).rejects.toThrow(`programs changed while ${last.name} was being written; publish again`);
    // Planned again, the program is gone.
    const again = await planPublication(deps, options);
    expect(again.datasets.map((d) => d.name)).not.toContain(last.name);
  });
});
