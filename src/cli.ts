import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp, DAILY_TASKS } from './app.js';
import { rebuildAnalytics, refreshQueued } from './modules/analytics/refresh.js';
// Cross-checks (AN-6).
import { escalateOverdueHits, runCrosschecks } from './modules/crosschecks/crosschecks.service.js';
import { recoverInterruptedImports } from './modules/exchange/exchange.service.js';
import { renderFormatsDoc } from './modules/exchange/formats-doc.js';
import { REJECTED_CELLS_STORE } from './modules/exchange/rejected-cells.service.js';

import { jurisdictions } from './modules/jurisdictions/jurisdictions.tables.js';
import { AUDIT_RETENTION_SETTING } from './modules/settings/audit.settings.js';
import { resolveSetting } from './modules/settings/settings.service.js';
import { purgeExpiredSessions } from './modules/users/session.service.js';
import { createUserFromConsole, requireDemoPasswordChange } from './modules/users/users.service.js';
import { verifyAuditChain } from './platform/audit/audit.service.js';
import { archiveAuditRecords, monthsBefore } from './platform/audit/audit-archive.js';
import { isRole } from './platform/auth/permissions.js';
import { isLoopbackHost, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';
import { canCreateObjects, grantAppRole, roleOfUrl } from './platform/db/roles.js';
import { AppError } from './platform/http/errors.js';
import { translate } from './platform/i18n/messages.js';
import { runDailyTasks, scheduleDailyTasks } from './platform/jobs/daily.js';
import {
  backupPglite,
  backupPostgres,
  restorePglite,
  restorePostgres,
  summarizeTables,
} from './platform/ops/backup.js';
import { safeErrorText, serializeError } from './platform/ops/logging.js';
import { listPendingMigrations, readMigrationJournal } from './platform/ops/readiness.js';
import { configurePiiCrypto } from './platform/privacy/crypto.js';
import {
  checkPersonDataEncryption,
  decryptPersonData,
  encryptPersonData,
  piiDecryptionKeys,
  rotatePersonIndex,
} from './platform/privacy/encrypted-columns.js';
import { now, today } from './platform/time.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seed/demo.js';
import { seedDemoCrosschecks } from './seed/demo-crosschecks.js';
import { seedDemoEmployer } from './seed/demo-employer.js';
import { seedDemoExchangeData } from './seed/demo-exchange.js';
import { DEMO_FINANCE_ACCOUNT, seedDemoFinance } from './seed/demo-finance.js';
import { seedDemoInspections } from './seed/demo-inspections.js';
import { DEMO_MEMBER_ACCOUNT, seedDemoJointMeeting } from './seed/demo-joint-meeting.js';
// procure: payment standards demo (PP-11)
import { seedDemoProcure, seedDemoTenders } from './seed/demo-procure.js';
import { seedDemoProjects } from './seed/demo-projects.js';
import { seedDemoPublicity } from './seed/demo-publicity.js';
import { seedDemoRates } from './seed/demo-rates.js';
import { seedDemoRisk } from './seed/demo-risk.js';
import { seedDemoRosterChanges } from './seed/demo-roster-changes.js';
import { seedDemoScorecard } from './seed/demo-scorecard.js';
import { seedDemoTraining } from './seed/demo-training.js';
import { seedDemoTrainingContent } from './seed/demo-training-content.js';
import { seedDemoTrainingExtras } from './seed/demo-training-extras.js';
import { generateDataset, type Scale } from './seed/generate.js';
import { TRAINING_SCALES, writeTrainingDataset } from './seed/generate-training.js';
import { runSeedOnce, seedReferenceData } from './seed/reference.js';

/** One entry point: serve | migrate | seed | openapi | generate | user create | backup | restore | audit | pii encrypt | pii decrypt | pii rotate-index. */
/** The national jurisdiction: deployment-wide settings are read there. */
const NATIONAL_PATH = '100000';
/** Personal data the modules keep outside the registry's columns: checked at start, encrypted by `pii encrypt`. */
const PERSON_DATA_STORES = [REJECTED_CELLS_STORE];
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
    const pending = await listPendingMigrations(database.db, readMigrationJournal());
    if (pending.length > 0)
      throw new Error(
        `${pending.length} migration(s) not applied (${pending.join(', ')}): run \`tsx src/cli.ts migrate\` with MIGRATION_DATABASE_URL (the owner role) first`,
      );
  } else {
    await database.migrate();
    applied.push(...(await seedReferenceData(database.db, { provinces: config.provinces })));
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
  // A roster change awaiting Fujian's office (JM-1); needs the joint-meeting demo's member account.
  if (config.isDemo) await seedDemoRosterChanges(database.db);
  if (config.isDemo) await seedDemoTraining(database.db);
  if (config.isDemo) await seedDemoRates(database.db);
  if (config.isDemo) await seedDemoPublicity(database.db);
  if (config.isDemo) await seedDemoInspections(database.db);
  if (config.isDemo) await seedDemoTrainingExtras(database.db);
  if (config.isDemo) await seedDemoTrainingContent(database.db);
  // 本单位 (issue 17 item 7): the demo employer account's injuries, rectifications and key posts.
  if (config.isDemo) await seedDemoEmployer(database.db);
  // Cross-checks (AN-6): open, overdue and closed hits over the demo data.
  if (config.isDemo) await seedDemoCrosschecks(database.db);
  // The risk index last: it reads rectifications, rate tiers and training seeded above.
  if (config.isDemo) await seedDemoRisk(database.db);
  return { config, database, applied, isDemoSeeded };
}

async function serve() {
  const started = performance.now();
  // A bad or missing PII key stops the start before anything is migrated or seeded (decision 0024).
  configurePiiCrypto();
  const { config, database, applied } = await prepareDatabase();
  // Keys that do not open the stored personal data, or a half-done switch, stop it too.
  await checkPersonDataEncryption(database.db, undefined, undefined, PERSON_DATA_STORES);
  await purgeExpiredSessions(database.db, config);
  const interrupted = await recoverInterruptedImports(database.db, config.uploadDir);
  if (interrupted > 0)
    console.log(
      `${interrupted} import(s) interrupted by the last stop were marked failed; submit them again.`,
    );
  const isExposed = !isLoopbackHost(config.host);
  if (config.isDemo && isExposed) {
    // Reachable from other hosts: the published demo password must not keep working (decision 0020).
    const flagged = await requireDemoPasswordChange(
      database.db,
      [...DEMO_ACCOUNTS.map((a) => a.username), DEMO_MEMBER_ACCOUNT.username],
      DEMO_PASSWORD,
    );
    if (flagged.length > 0)
      console.log(
        `HOST=${config.host}: demo accounts ${flagged.join(', ')} must change their password at next sign-in`,
      );
  }
  const app = await buildApp({
    database,
    config,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  let daily: ReturnType<typeof scheduleDailyTasks> | undefined;
  const shutdown = async () => {
    daily?.stop();
    await app.close();
    await daily?.running();
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
    `\nYufang 预防 is ready at http://${isExposed ? config.host : 'localhost'}:${config.port}  (${Math.round(performance.now() - started)} ms)`,
  );
  if (!isExposed)
    console.log('  listening on the loopback address only: set HOST=0.0.0.0 to serve other hosts');
  console.log(`  database: ${where}${applied.length ? `; loaded ${applied.join(', ')}` : ''}`);
  console.log(`  API docs: http://localhost:${config.port}/api/docs`);
  if (config.isDemo && !isExposed) {
    console.log(`  demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`    ${a.username.padEnd(8)} ${a.description}`);
    console.log(`    ${DEMO_MEMBER_ACCOUNT.username.padEnd(8)} Fujian emergency-management member officer`);
    console.log(
      `    ${DEMO_FINANCE_ACCOUNT.username.padEnd(8)} Fuzhou finance-bureau officer (approves the budget)`,
    );
  }
  // Date-driven work (platform/jobs/daily.ts): today's, if it has not run, then every day at 00:10.
  const startDaily = () => {
    daily = scheduleDailyTasks(database.db, DAILY_TASKS, app.log);
  };
  if (config.isDemo) {
    // The prevention-project demo (its budget needs the exchange's fund data) loads once, after
    // the server answers, so it does not lengthen the first start.
    seedDemoProjects(database.db)
      .then(() => seedDemoFinance(database.db))
      // procure
      .then(() => seedDemoProcure(database.db))
      .then(() => seedDemoTenders(database.db, config.uploadDir))
      // The scorecard last: it reads the records every demo above made, and signs last year off.
      .then(() => seedDemoScorecard(database))
      .catch((error) => app.log.error({ err: error }, 'demo projects not loaded'))
      .finally(startDaily);
  } else startDaily();
}

async function migrateOnly() {
  const { config, database, applied, isDemoSeeded } = await prepareDatabase();
  if (config.isDemo) await seedDemoProjects(database.db);
  if (config.isDemo) await seedDemoFinance(database.db);
  // procure
  if (config.isDemo) await seedDemoProcure(database.db);
  if (config.isDemo) await seedDemoTenders(database.db, config.uploadDir);
  if (config.isDemo) await seedDemoScorecard(database);
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
  // --training: key enterprises, key-post holders and completions too (issue 14; COPY-ready CSV).
  if (args.includes('--training')) {
    const files = await writeTrainingDataset({
      outDir,
      seed,
      today: today(),
      scale: TRAINING_SCALES[scale === 'province' ? 'province' : 'demo'],
    });
    for (const [file, rows] of Object.entries(files)) console.log(`  ${file.padEnd(18)} ${rows} rows`);
  }
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

/** Reads a line from the terminal without echoing it (a password). */
async function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) throw new Error('no terminal to ask for the password: set YUFANG_USER_PASSWORD');
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * `user create --username U --role R --jurisdiction CODE [--display-name N]`: creates a user (the
 * first administrator of a server-mode deployment). The password comes from YUFANG_USER_PASSWORD
 * or a prompt, never from the command line (it would sit in the shell history and `ps`).
 */
async function user() {
  const [sub, ...rest] = args;
  const option = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (sub !== 'create') throw new Error('usage: user create --username U --role R --jurisdiction CODE');
  if (rest.some((a) => a.startsWith('--password')))
    throw new Error('no --password: set YUFANG_USER_PASSWORD or answer the prompt');
  const username = option('username');
  const role = option('role') ?? '';
  const jurisdictionCode = option('jurisdiction');
  if (!username || !jurisdictionCode || !isRole(role))
    throw new Error(
      'usage: user create --username U --role R --jurisdiction CODE (roles: see permissions.ts)',
    );
  let password = process.env.YUFANG_USER_PASSWORD;
  if (!password) {
    password = await promptHidden('Password: ');
    if ((await promptHidden('Again: ')) !== password) throw new Error('the two passwords differ');
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    await seedReferenceData(database.db, { provinces: config.provinces });
    const created = await createUserFromConsole(database.db, {
      username,
      password,
      role,
      jurisdictionCode,
      displayName: option('display-name') ?? username,
    });
    console.log(
      `created user ${created.username} (id ${created.id}), role ${role}, jurisdiction ${jurisdictionCode}`,
    );
  } catch (error) {
    if (error instanceof AppError) {
      const field = error.field ? `${error.field}: ` : '';
      throw new Error(`${field}${translate(error.code, 'en', error.params)}`);
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** The value after `--name`, if any. */
function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * The database URL for whole-database work (backup, restore): the owner role's when the deployment
 * has one (it owns every table; the app role may not read them all), else DATABASE_URL.
 */
const ownerUrl = (config: { databaseUrl: string | undefined }) =>
  process.env.MIGRATION_DATABASE_URL || config.databaseUrl;

/** backup --out FILE: pg_dump (custom format) on PostgreSQL, the data folder's tarball in embedded mode. */
async function backup() {
  const out = option('out');
  if (!out) throw new Error('backup needs --out FILE');
  const config = loadConfig();
  const url = ownerUrl(config);
  if (url) await backupPostgres(url, out);
  else {
    const database = await openDatabase({ dataDir: config.dataDir });
    await backupPglite(database.pglite as NonNullable<typeof database.pglite>, out);
    await database.close();
  }
  console.log(`backup written to ${out} (${fs.statSync(out).size} bytes)`);
}

/** restore --from FILE: into an empty PostgreSQL database, or into an empty embedded data folder. */
async function restore() {
  const from = option('from');
  if (!from) throw new Error('restore needs --from FILE');
  const config = loadConfig();
  const url = ownerUrl(config);
  if (url) await restorePostgres(url, from);
  else await (await restorePglite(from, config.dataDir)).close();
  const database = await openDatabase({ databaseUrl: url, dataDir: config.dataDir });
  const tables = Object.values(await summarizeTables(database.db));
  await database.close();
  console.log(
    `restored ${from}: ${tables.length} tables, ${tables.reduce((a, t) => a + t.rows, 0)} rows; start the server and check /api/ready`,
  );
}

/**
 * `pii encrypt`: with PII_ENCRYPTION=sm4 and its keys set, encrypts the stored personal data of
 * every table in ENCRYPTED_TABLES in place, in batches (decisions 0022, 0042): plaintext rows when
 * switching encryption on, rows under an older key after a rotation; the exchange's rejected rows
 * too (PERSON_DATA_STORES). `pii rotate-index`: recomputes every lookup key (id_number_index) from
 * the decrypted numbers under a new PII_INDEX_KEY. `pii decrypt`: switching off, with PII_ENCRYPTION
 * already off and the keys still set, decrypts every row and module store in place and rewrites the
 * lookup keys as encryption off computes them. All idempotent and audited; run them with the server
 * stopped.
 */
async function pii() {
  if (args[0] !== 'encrypt' && args[0] !== 'rotate-index' && args[0] !== 'decrypt')
    throw new Error('usage: pii encrypt | decrypt | rotate-index [--batch-size N]');
  // decrypt: PII_ENCRYPTION already off, the keys still given (piiDecryptionKeys says why).
  const keys = args[0] === 'decrypt' ? piiDecryptionKeys() : undefined;
  configurePiiCrypto();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (keys) {
      const changed = await decryptPersonData(database.db, keys, {
        batchSize: Number(option('batch-size') ?? 2_000),
        onBatch: (table, n) => console.log(`${table}: ${n} row(s) decrypted`),
        stores: PERSON_DATA_STORES,
      });
      // The start-up check with encryption off: no ciphertext left anywhere it looks.
      await checkPersonDataEncryption(database.db, undefined, undefined, PERSON_DATA_STORES);
      console.log(
        `done: ${Object.entries(changed)
          .map(([table, n]) => `${table} ${n}`)
          .join(
            ', ',
          )} row(s) decrypted; start the server with PII_ENCRYPTION off, then remove the keys from its environment`,
      );
      return;
    }
    if (args[0] === 'rotate-index') {
      const changed = await rotatePersonIndex(database.db, {
        batchSize: Number(option('batch-size') ?? 2_000),
        onBatch: (table, n) => console.log(`${table}: ${n} lookup key(s) recomputed`),
      });
      await checkPersonDataEncryption(database.db, undefined, undefined, PERSON_DATA_STORES);
      console.log(
        `done: ${Object.entries(changed)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ')} lookup key(s) recomputed under PII_INDEX_KEY`,
      );
      return;
    }
    const changed = await encryptPersonData(database.db, {
      batchSize: Number(option('batch-size') ?? 2_000),
      onBatch: (table, n) => console.log(`${table}: ${n} row(s) encrypted`),
      stores: PERSON_DATA_STORES,
    });
    await checkPersonDataEncryption(database.db, undefined, undefined, PERSON_DATA_STORES);
    console.log(
      `done: ${Object.entries(changed)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')} row(s) encrypted under the current key`,
    );
  } finally {
    await database.close();
  }
}

/**
 * `crosschecks run [--jurisdiction CODE]`: a full run of every active cross-check rule over a
 * jurisdiction (default the whole country), then escalation of overdue hits (AN-6). Imports run
 * the rules incrementally; this is for a changed rule, the time-based rules' deadlines, or a check.
 */
async function crosschecks() {
  if (args[0] !== 'run') throw new Error('usage: crosschecks run [--jurisdiction CODE]');
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const code = option('jurisdiction') ?? '100000';
    const [j] = await database.db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
    if (!j) throw new Error(`no jurisdiction ${code}`);
    const started = performance.now();
    const result = await runCrosschecks(database.db, { path: j.path, employerIds: null, asOf: today() });
    const escalated = await escalateOverdueHits(database.db, now(), j.path);
    console.log(
      `${j.name}: ${result.rules} rule(s), ${result.raised} hit(s) raised, ${result.resolved} resolved, ${escalated} escalated in ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await database.close();
  }
}

/**
 * `daily [--again]`: runs the daily tasks now, those not yet run today (for a cron job beside
 * several server instances; the claim keeps each task to one run a day). `--again` retakes a
 * failed run of today.
 */
async function daily() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const runs = await runDailyTasks(database.db, DAILY_TASKS, now(), { again: args.includes('--again') });
    for (const r of runs)
      console.log(
        `${r.day} ${r.task.padEnd(28)} ${r.status.padEnd(8)} ${r.durationMs ?? '-'} ms  ${r.outcome ?? '(ran already today)'}`,
      );
    if (runs.some((r) => r.status === 'failed')) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

const commands: Record<string, () => Promise<void>> = {
  daily,
  crosschecks,
  audit,
  pii,
  backup,
  restore,
  serve,
  migrate: migrateOnly,
  seed: migrateOnly,
  openapi,
  generate,
  user,
};
const run = commands[command];
if (!run) {
  console.error(`unknown command "${command}": use ${Object.keys(commands).join(' | ')}`);
  process.exit(2);
}
run().catch((error) => {
  // Without a failed query's parameters (personal data): see platform/ops/logging.ts.
  console.error(serializeError(error).stack || safeErrorText(error));
  process.exit(1);
});
