import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { rebuildAnalytics, refreshQueued } from './modules/analytics/refresh.js';
import { recoverInterruptedImports } from './modules/exchange/exchange.service.js';
import { renderFormatsDoc } from './modules/exchange/formats-doc.js';
import { resolveSetting } from './modules/settings/settings.service.js';
import { purgeExpiredSessions } from './modules/users/session.service.js';
import { verifyAuditChain } from './platform/audit/audit.service.js';
import { AUDIT_RETENTION_SETTING } from './platform/audit/audit.settings.js';
import { archiveAuditRecords, monthsBefore } from './platform/audit/audit-archive.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';
import { canCreateObjects, countPendingMigrations, grantAppRole, roleOfUrl } from './platform/db/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seed/demo.js';
import { seedDemoExchangeData } from './seed/demo-exchange.js';
import { DEMO_MEMBER_ACCOUNT, seedDemoJointMeeting } from './seed/demo-joint-meeting.js';
import { seedDemoProjects } from './seed/demo-projects.js';
import { generateDataset, type Scale } from './seed/generate.js';
import { runSeedOnce, seedReferenceData } from './seed/reference.js';

/** One entry point: serve | migrate | seed | openapi | generate | audit. */
/** The national jurisdiction: deployment-wide settings are read there. */
const NATIONAL_PATH = '100000';
const [command = 'serve', ...args] = process.argv.slice(2);

async function prepareDatabase() {
  const config = loadConfig();
  if (config.migrationDatabaseUrl && !config.databaseUrl)
    throw new Error('MIGRATION_DATABASE_URL (the owner role) needs DATABASE_URL (the app role) beside it');
  // Migrations and seeds run as the owner role (decision 0019): MIGRATION_DATABASE_URL when set.
  let database = await openDatabase({
    databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
    dataDir: config.dataDir,
  });
  const applied: string[] = [];
  let isDemoSeeded = false;
  if (database.kind === 'postgres' && !(await canCreateObjects(database.db))) {
    // DATABASE_URL alone, signed in as the app role: the owner ran `migrate` before; check it did.
    const pending = await countPendingMigrations(database.db);
    if (pending > 0)
      throw new Error(
        `${pending} migration(s) not applied: run \`tsx src/cli.ts migrate\` with MIGRATION_DATABASE_URL (the owner role) first`,
      );
  } else {
    await database.migrate();
    applied.push(...(await seedReferenceData(database.db)));
    isDemoSeeded = config.isDemo ? await seedDemoData(database.db) : false;
    if (config.isDemo) await seedDemoExchangeData(database);
    // Figures of data that predate the analytics tables are computed once; imports keep them current.
    if (await runSeedOnce(database.db, 'analytics-cells:v2', () => rebuildAnalytics(database.db)))
      applied.push('analytics-cells:v2');
    if (config.migrationDatabaseUrl && config.databaseUrl) {
      await grantAppRole(database.db, roleOfUrl(config.databaseUrl));
      await database.close();
      database = await openDatabase({ databaseUrl: config.databaseUrl });
    }
  }
  // A stop between a batch's commit and its figures' refresh left the refresh queued (decision 0011).
  const refreshed = await refreshQueued(database.db);
  if (refreshed.length > 0)
    console.log(`figures of ${refreshed.length} committed batch(es) brought up to date`);
  if (config.isDemo) await seedDemoJointMeeting(database.db);
  return { config, database, applied, isDemoSeeded };
}

async function serve() {
  const started = performance.now();
  const { config, database, applied } = await prepareDatabase();
  await purgeExpiredSessions(database.db, config);
  const interrupted = await recoverInterruptedImports(database.db, config.uploadDir);
  if (interrupted > 0)
    console.log(
      `${interrupted} import(s) interrupted by the last stop were marked failed; submit them again.`,
    );
  const app = await buildApp({
    database,
    config,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where =
    database.kind === 'pglite'
      ? `embedded PGlite at ${path.relative(process.cwd(), config.dataDir)}`
      : 'PostgreSQL (DATABASE_URL)';
  console.log(
    `\nYufang 预防 is ready at http://localhost:${config.port}  (${Math.round(performance.now() - started)} ms)`,
  );
  console.log(`  database: ${where}${applied.length ? `; loaded ${applied.join(', ')}` : ''}`);
  console.log(`  API docs: http://localhost:${config.port}/api/docs`);
  if (config.isDemo) {
    console.log(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`    ${a.username.padEnd(8)} ${a.description}`);
    console.log(`    ${DEMO_MEMBER_ACCOUNT.username.padEnd(8)} Fujian emergency-management member officer`);
    // The prevention-project demo (its budget needs the exchange's fund data) loads once, after
    // the server answers, so it does not lengthen the first start.
    seedDemoProjects(database.db).catch((error) => app.log.error({ err: error }, 'demo projects not loaded'));
  }
}

async function migrateOnly() {
  const { config, database, applied, isDemoSeeded } = await prepareDatabase();
  if (config.isDemo) await seedDemoProjects(database.db);
  console.log(
    `migrated; reference data loaded: ${applied.join(', ') || 'none new'}; demo data: ${isDemoSeeded ? 'seeded' : 'unchanged'}`,
  );
  await database.close();
}

/** Generates the OpenAPI document from the route schemas (--write) or fails on drift (--check). */
async function openapi() {
  const database = await openDatabase({});
  const app = await buildApp({ database, config: loadConfig({ webDir: '/nonexistent' }) });
  await app.ready();
  const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const types = `/** Generated from docs/openapi.json by \`npm run openapi\`: do not edit. */\n${astToString(await openapiTS(JSON.parse(document)))}`;
  const outputs = [
    { file: path.resolve('docs/openapi.json'), content: document },
    { file: path.resolve('src/web/api/schema.d.ts'), content: types },
    { file: path.resolve('docs/exchange-formats.md'), content: renderFormatsDoc() },
  ];
  if (args.includes('--check')) {
    const stale = outputs.filter(
      (o) => !fs.existsSync(o.file) || fs.readFileSync(o.file, 'utf8') !== o.content,
    );
    if (stale.length > 0) {
      console.error(
        `${stale.map((o) => path.relative(process.cwd(), o.file)).join(' and ')} out of date with the route schemas: run \`npm run openapi\` and commit.`,
      );
      process.exit(1);
    }
    console.log('OpenAPI document and web client types are up to date.');
    return;
  }
  if (args.includes('--write')) {
    for (const o of outputs) {
      fs.writeFileSync(o.file, o.content);
      console.log(`wrote ${path.relative(process.cwd(), o.file)}`);
    }
    return;
  }
  process.stdout.write(document);
}

/** Writes the synthetic data set: --scale demo|city|province --seed N --out DIR. */
async function generate() {
  const arg = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
  };
  const scale = arg('scale', 'demo');
  if (!['demo', 'city', 'province'].includes(scale))
    throw new Error(`--scale must be demo, city or province, not ${scale}`);
  const seed = Number(arg('seed', '1'));
  const outDir = path.resolve(arg('out', `data/generated/${scale}-${seed}`));
  const started = performance.now();
  const summary = await generateDataset({ scale: scale as Scale, seed, outDir });
  console.log(
    `wrote ${path.relative(process.cwd(), outDir)} in ${Math.round(performance.now() - started)} ms:`,
  );
  for (const [file, rows] of Object.entries(summary.files)) console.log(`  ${file.padEnd(18)} ${rows} rows`);
}

/**
 * `audit verify`: walks the audit log's hash chain and names the first broken record (exit 1).
 * `audit archive [--dir DIR]`: as the owner role, moves verified records older than the retention
 * setting (audit.retentionMonths) to a file under DIR (default data/audit-archive) (decision 0019).
 */
async function audit() {
  const [sub] = args;
  const config = loadConfig();
  if (sub === 'verify') {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const report = await verifyAuditChain(database.db);
      console.log(
        `audit chain: ${report.checked} record(s) verified${report.head ? ` up to #${report.head.id} (head ${report.head.hash})` : ''}` +
          `${report.archivedThrough ? `, continuing from the archive through #${report.archivedThrough}` : ''}` +
          `${report.legacy ? `; ${report.legacy} record(s) older than the chain` : ''}`,
      );
      if (report.firstBroken) {
        console.error(`BROKEN at audit record #${report.firstBroken.id} (${report.firstBroken.reason})`);
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
    return;
  }
  if (sub === 'archive') {
    const i = args.indexOf('--dir');
    const dir = path.resolve(i >= 0 && args[i + 1] ? (args[i + 1] as string) : 'data/audit-archive');
    const database = await openDatabase({
      databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      const { value: months } = await resolveSetting(database.db, NATIONAL_PATH, AUDIT_RETENTION_SETTING);
      const result = await archiveAuditRecords(database.db, {
        cutoff: monthsBefore(new Date(), months),
        dir,
        by: 'audit-archive',
      });
      console.log(
        result.archived > 0
          ? `archived ${result.archived} record(s) #${result.firstId}–#${result.lastId} older than ${months} months to ${result.file}`
          : `nothing to archive (retention ${months} months)`,
      );
      if (result.stoppedAt) {
        console.error(`the chain is broken at #${result.stoppedAt}: nothing from there on was archived`);
        process.exitCode = 1;
      }
    } finally {
      await database.close();
    }
    return;
  }
  throw new Error('use: audit verify | audit archive [--dir DIR]');
}

const commands: Record<string, () => Promise<void>> = {
  audit,
  serve,
  migrate: migrateOnly,
  seed: migrateOnly,
  openapi,
  generate,
};
const run = commands[command];
if (!run) {
  console.error(`unknown command "${command}": use ${Object.keys(commands).join(' | ')}`);
  process.exit(2);
}
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
