import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';

/**
 * Backup and restore (issue 20). PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an
 * empty database (the clients must be of the server's major version or newer). Embedded mode:
 * PGlite's `dumpDataDir()` tarball (gzip), loaded into a new data folder. Neither mode writes
 * anything the other can read: a move from PGlite to PostgreSQL goes through the exchange files.
 */

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/** `pg_dump` of the whole database in the custom format (compressed, restorable table by table). */
export async function backupPostgres(databaseUrl: string, out: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await run('pg_dump', ['--format=custom', '--file', out, '--dbname', databaseUrl]);
}

/**
 * `pg_restore` into an empty database, in one transaction (a failure leaves it empty), stopping at
 * the first error. Objects are owned by the restoring role (`--no-owner`: run it as the owner role
 * that runs migrations); grants to the app role come back with the dump, so that role must exist.
 * Comments are skipped: `COMMENT ON EXTENSION` needs the extension's owner, a superuser.
 */
export async function restorePostgres(databaseUrl: string, from: string): Promise<void> {
  if (!fs.existsSync(from)) throw new Error(`no backup at ${from}`);
  await run('pg_restore', [
    '--exit-on-error',
    '--single-transaction',
    '--no-owner',
    '--no-comments',
    '--dbname',
    databaseUrl,
    from,
  ]);
}

/** The embedded database's data folder as a gzip tarball (PGlite `dumpDataDir`). */
export async function backupPglite(pglite: PGlite, out: string): Promise<void> {
  const dump = await pglite.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
}

/**
 * Opens a PGlite database from a `backupPglite` tarball: in memory without `dataDir`, otherwise in
 * that folder, which must not hold a database already (restoring over live data is refused).
 */
export async function restorePglite(from: string, dataDir?: string): Promise<PGlite> {
  if (!fs.existsSync(from)) throw new Error(`no backup at ${from}`);
  if (dataDir && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} already holds a database: restore into an empty folder`);
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(from)]) });
}

/**
 * Every table's row count and a checksum of its content (md5 of its rows' text, in order): two
 * databases with equal summaries hold the same data. For the round-trip test and for an operator
 * checking a restore (`yufang backup --verify`).
 */
export async function summarizeTables(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
      order by 1, 2`),
  );
  const summary: Record<string, { rows: number; md5: string }> = {};
  for (const t of tables) {
    const table = sql.raw(`"${t.schema}"."${t.name}"`);
    const [row] = rowsOf<{ n: number; md5: string | null }>(
      await db.execute(
        sql`select count(*)::int as n, md5(string_agg(x::text, E'\n' order by x::text)) as md5 from ${table} x`,
      ),
    );
    summary[`${t.schema}.${t.name}`] = { rows: Number(row?.n ?? 0), md5: row?.md5 ?? '' };
  }
  return summary;
}
