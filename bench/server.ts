/**
 * The concurrency benchmark's server (bench/concurrency.ts starts it in a child process): the real
 * app on PORT, prepared as `serve` prepares it on demo data, and in the same process a bare
 * Fastify instance on PORT + 1 whose `/bench/bare/...` routes run the same service calls — the
 * same SQL — with no session lookup, permission hook, helmet, schema validation or response
 * schema. It lives under bench/, so no production entry point can reach those routes.
 */
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { describeDashboard } from '../src/modules/analytics/dashboard.service.js';
import { rebuildAnalytics, refreshQueued } from '../src/modules/analytics/refresh.js';
import { ZLedgerQuery } from '../src/modules/enterprises/enterprises.schema.js';
import { listKeyIndustries } from '../src/modules/enterprises/enterprises.service.js';
import { listKeyEnterprises } from '../src/modules/enterprises/ledger.service.js';
import { listJurisdictions } from '../src/modules/jurisdictions/jurisdictions.service.js';
import { resolveSession } from '../src/modules/users/session.service.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { SESSION_COOKIE } from '../src/platform/auth/guard.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { seedDemoData } from '../src/seed/demo.js';
import { seedDemoExchangeData } from '../src/seed/demo-exchange.js';
import { seedDemoTraining } from '../src/seed/demo-training.js';
import { seedDemoTrainingContent } from '../src/seed/demo-training-content.js';
import { runSeedOnce, seedReferenceData } from '../src/seed/reference.js';

const config = loadConfig({ isDemo: true, webDir: '/nonexistent' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
await seedReferenceData(database.db);
await seedDemoData(database.db);
await seedDemoExchangeData(database);
// Key posts, courses and the online courses' segments, as `serve` adds them in demo mode (the study
// bench's learners study them).
await seedDemoTraining(database.db);
await seedDemoTrainingContent(database.db);
await runSeedOnce(database.db, 'analytics-cells:v2', () => rebuildAnalytics(database.db));
await refreshQueued(database.db);
const { db } = database;

const app = await buildApp({ database, config, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
await app.listen({ port: config.port, host: '127.0.0.1' });

// The bare baseline: the actor of the bench's session is resolved once, then every request runs
// only the route's service call.
const bare = Fastify({ logger: false });
let actor: Promise<Actor | null> | null = null;
const actorOf = (cookie: string | undefined) => {
  const token = /yf_session=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
  actor ??= resolveSession(db, config, decodeURIComponent(token), { ip: '127.0.0.1', userAgent: null });
  return actor.then((a) => {
    if (!a) throw new Error(`no session in the ${SESSION_COOKIE} cookie`);
    return a;
  });
};
const ledgerQuery = ZLedgerQuery.extend({}).parse({});
type Query = Record<string, string | undefined>;
bare.get('/bench/bare/dashboard', async (req) => {
  const q = req.query as Query;
  return describeDashboard(
    db,
    await actorOf(req.headers.cookie),
    { jurisdiction: q.jurisdiction, indicator: q.indicator ?? 'injury_rate_per_1000' },
    'zh',
    { cache: false },
  );
});
bare.get('/bench/bare/key-industries', async (req) =>
  listKeyIndustries(db, await actorOf(req.headers.cookie), { category: 'key' }),
);
bare.get('/bench/bare/ledger', async (req) =>
  listKeyEnterprises(db, await actorOf(req.headers.cookie), { ...ledgerQuery, category: 'key' }, 'zh'),
);
bare.get('/bench/bare/jurisdictions', async (req) => ({
  items: await listJurisdictions(db, await actorOf(req.headers.cookie), {}),
}));
await bare.listen({ port: config.port + 1, host: '127.0.0.1' });
console.log('bench server ready');

const shutdown = async () => {
  await bare.close();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
