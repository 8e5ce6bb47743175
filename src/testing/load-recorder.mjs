// Records every module a Node process loads, for tests of what a command pulls in
// (src/cli/startup.int.test.ts): `node --import ./src/testing/load-recorder.mjs bin/mitra.js …`
// with MITRA_LOAD_RECORD=<file>. Each line of the file is a module URL or path.
//
// ESM imports go through the resolve hook below, which appends synchronously from the hooks
// thread (a message to the main thread could still be on its way at exit). Node 20's hooks do
// not see require(), so the CommonJS modules (the insides of ExcelJS, Fastify, …) are read from
// require.cache when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.MITRA_LOAD_RECORD;
if (!file) throw new Error('load-recorder: set MITRA_LOAD_RECORD to the file to write');

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, { data: { file } });

process.on('exit', () => {
  const cache = createRequire(import.meta.url).cache;
  appendFileSync(
    file,
    Object.keys(cache)
      .map((path) => `${path}\n`)
      .join(''),
  );
});
