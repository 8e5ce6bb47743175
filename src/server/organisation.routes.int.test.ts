import { expect, it } from 'vitest';
import { aProgram, anOrganisation } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { useServer } from '../testing/server.js';

describeEachEngine('organisations API', (app) => {
  const server = useServer(app);

  it('creates, finds case-insensitively, changes and refuses duplicates', async () => {
    const input = anOrganisation({ acronym: 'TST' });
    const created = await server().inject({ method: 'POST', url: '/api/v1/organisations', payload: input });
    expect(created.statusCode).toBe(201);
    const dup = await server().inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { ...input, code: input.code.toLowerCase() },
    });
    expect(dup.statusCode).toBe(409);
    const read = await server().inject({ url: `/api/v1/organisations/${input.code.toLowerCase()}` });
    expect(read.json().code).toBe(input.code);
    const patched = await server().inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${input.code}`,
      payload: { nameId: 'Organisasi uji' },
    });
    expect(patched.json()).toMatchObject({ nameId: 'Organisasi uji', nameEn: input.nameEn });
    const bad = await server().inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { ...anOrganisation(), type: '999', kind: 'club' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['kind', 'type']);
  });

  it('refuses to delete an organisation that a program names', async () => {
    const org = (await server().inject({ method: 'POST', url: '/api/v1/organisations', payload: anOrganisation() })).json();
    await server().inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ implementingOrg: org.code }) });
    const res = await server().inject({ method: 'DELETE', url: `/api/v1/organisations/${org.code}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('organisation.in_use');
    const free = (await server().inject({ method: 'POST', url: '/api/v1/organisations', payload: anOrganisation() })).json();
    expect((await server().inject({ method: 'DELETE', url: `/api/v1/organisations/${free.code}` })).statusCode).toBe(204);
  });
});
