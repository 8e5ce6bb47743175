import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

describeEachEngine('reference API', (app) => {
  const server = useServer(app);
  const get = (url: string) => server().inject({ url });

  it('lists countries by region and searches in both languages', async () => {
    const oceania = (await get('/api/v1/reference/countries?region=oceania')).json().items;
    expect(oceania.map((c: { iso2: string }) => c.iso2)).toContain('TV');
    const found = (await get('/api/v1/reference/countries?q=nugini')).json().items;
    expect(found.map((c: { iso2: string }) => c.iso2)).toEqual(['PG']);
  });

  it('resolves names and answers unknown ones with suggestions', async () => {
    expect((await get('/api/v1/reference/countries/resolve?name=Timor%20Leste')).json().country.iso2).toBe('TL');
    const unknown = await get('/api/v1/reference/countries/resolve?name=Papua%20Nugine');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().suggestions[0].iso2).toBe('PG');
  });

  it('gives group members on a day, SDGs, code sets and IATI codelists', async () => {
    const asean = (await get('/api/v1/reference/groups/ASEAN/members?date=2016-06-30')).json();
    expect(asean.members).toHaveLength(10);
    expect((await get('/api/v1/reference/groups/XYZ/members')).statusCode).toBe(400);
    expect((await get('/api/v1/reference/sdgs')).json().goals).toHaveLength(17);
    const codes = (await get('/api/v1/reference/codes')).json();
    expect(codes.modality.find((m: { code: string }) => m.code === 'workshop').id).toBe('Lokakarya');
    const status = (await get('/api/v1/reference/codelists/ActivityStatus')).json();
    expect(status.items.map((i: { code: string }) => i.code)).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});
