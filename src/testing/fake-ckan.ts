/**
 * A local stand-in for the IATI Registry's CKAN action API (node:http on 127.0.0.1, a free port):
 * it records every request (method, path, headers, JSON body) and answers as CKAN does —
 * `package_show` 404 for an unknown package, `package_create` / `package_update` with
 * `{ success: true, result }` — or as the test tells it to (`refuse`, `stall`).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CkanRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export interface FakeCkan {
  readonly url: string;
  readonly requests: CkanRequest[];
  /** Names of the packages it holds. */
  readonly packages: Map<string, Record<string, unknown>>;
  /** Answer this action with this status and CKAN error (once set, every time). */
  refuse(action: string, status: number, error: Record<string, unknown>): void;
  /** Never answer this action (a timeout). */
  stall(action: string): void;
  /** Forgets requests, packages, refusals and stalls. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeCkan(): Promise<FakeCkan> {
  const requests: CkanRequest[] = [];
  const packages = new Map<string, Record<string, unknown>>();
  const refusals = new Map<string, { status: number; error: Record<string, unknown> }>();
  const stalled = new Set<string>();
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const action = path.replace(/^\/api\/action\//, '');
      if (stalled.has(action)) return;
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const refusal = refusals.get(action);
      if (refusal) return answer(refusal.status, { success: false, error: refusal.error });
      if (action === 'package_show') {
        const found = packages.get(String(body.id));
        return found
          ? answer(200, { success: true, result: found })
          : answer(404, { success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
      }
      if (action === 'package_create' || action === 'package_update') {
        const result = { id: `id-${String(body.name)}`, ...body };
        packages.set(String(body.name), result);
        return answer(200, { success: true, result });
      }
      return answer(400, { success: false, error: { message: `unknown action ${action}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    packages,
    refuse: (action, status, error) => refusals.set(action, { status, error }),
    stall: (action) => stalled.add(action),
    reset: () => {
      requests.length = 0;
      packages.clear();
      refusals.clear();
      stalled.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
