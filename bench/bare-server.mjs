// The ceiling of this machine for a JSON answer (issue 19's benchmark): a bare Fastify route
// that sends a fixed body, read from a file, with nothing else in the process.
//   node bench/bare-server.mjs PORT BODY_FILE
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import Fastify from 'fastify';

const [port, file] = process.argv.slice(2);
const body = readFileSync(file, 'utf8');
const app = Fastify({ logger: false });
app.get('/', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log(`bare route on ${port}: ${Buffer.byteLength(body)} bytes`);
