/**
 * The server half of `bench:api`, in a process of its own so the load generator does not share
 * its event loop: `--firmly <databaseUrl>` serves the real API (queues on PostgreSQL, rate limit
 * raised for the run), `--bare <file>` bare Fastify routes: `/bare` a fixed empty page, `/bare/page` the
 * bytes of the file (the review queue's own answer, so the same bytes cross the socket).
 * Prints `LISTENING <url>` when ready.
 */
import { readFileSync } from 'node:fs';
import { createLogger } from '@firmly/config';
import { createDatabase, createPool } from '@firmly/db';
import { createQueueBackend } from '@firmly/queue';
import Fastify from 'fastify';
import { testApiServer } from '../support/api-server';

const [mode, argument] = process.argv.slice(2);
// An orderly exit on SIGTERM, so a --cpu-prof profile is written.
process.once('SIGTERM', () => process.exit(0));
const logger = createLogger('bench-api', 'silent');

if (mode === '--bare' && argument) {
  const page = readFileSync(argument);
  const bare = Fastify();
  bare.get('/bare', async () => ({ items: [], nextCursor: null }));
  bare.get('/bare/page', (_request, reply) => {
    reply.type('application/json; charset=utf-8').send(page);
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const address = bare.server.address();
  process.stdout.write(`LISTENING http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
} else if (mode === '--firmly' && argument) {
  const databaseUrl = argument;
  const pool = createPool(databaseUrl, { applicationName: 'bench-api', max: Number(process.env.BENCH_API_POOL || 20) });
  const db = createDatabase(pool);
  const queues = await createQueueBackend({ kind: 'postgres', databaseUrl }, () => undefined);
  // The run sends far more than an operator would; the limit is the product's, the budget is the bench's.
  const server = testApiServer({ db, queues, logger, http: { rateLimitPerMinute: 100_000_000 } });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  process.stdout.write(`LISTENING http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
} else {
  throw new Error('usage: api-server.ts --bare <page file> | --firmly <databaseUrl>');
}
