import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { toCopyCsv } from './copy-csv.js';

/** The one database type every service takes: PGlite and PostgreSQL share the PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations in `migrations/`. */
  migrate(): Promise<void>;
  /**
   * Bulk-loads rows with COPY (PostgreSQL: COPY FROM STDIN; PGlite: COPY FROM '/dev/blob'), several
   * times faster than multi-row INSERT. `table` and `columns` are trusted identifiers from code.
   */
  copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  /** The same with input already in COPY's CSV form (see copy-csv.ts), e.g. built in a worker thread. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * PostgreSQL only: runs `work` in one transaction on a connection of its own, with COPY on that
   * same connection, so a long bulk write commits as a whole while the pool serves everyone else.
   * Committed when `work` resolves, rolled back when it throws (or when the process dies).
   * PGlite has one connection, where such a transaction would stall every other request.
   */
  ownTransaction?<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL only: the pool's connections now (for the metrics). PGlite has one connection. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** The PGlite instance in embedded mode (for dumps in tests), otherwise undefined. */
  pglite?: PGlite;
}

/**
 * The connection of an own transaction (Database.ownTransaction) broke off before it committed:
 * the server rolled the transaction back, so nothing of it was written.
 */
export class ConnectionLostError extends Error {
  constructor(readonly reason: Error) {
    super(`database connection lost: ${reason.message}`, { cause: reason });
    this.name = 'ConnectionLostError';
  }
}

/** A transaction on a connection of its own (Database.ownTransaction). */
export interface BulkSession {
  db: Db;
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database (in memory without a dataDir). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection that breaks (server restart, killed backend) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error('PostgreSQL pool: idle connection error:', error.message));
    // A connection that breaks while checked out (a killed backend, a failover) emits 'error' on its
    // client; with no listener that event would end the process. The query in flight fails on its
    // own, and the pool drops the broken client when it comes back.
    pool.on('connect', (client) => {
      client.on('error', (error) => console.error('PostgreSQL: connection lost:', error.message));
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => migratePg(drizzlePg(pool), { migrationsFolder }),
      copyRows: async (table, columns, rows) => copyCsvPg(pool, table, columns, toCopyCsv(rows)),
      copyCsv: async (table, columns, csv) => copyCsvPg(pool, table, columns, csv),
      ownTransaction: async (work) => {
        const client = await pool.connect();
        let lost: Error | undefined;
        // Noted here so the caller learns why its statements fail (see ConnectionLostError).
        client.on('error', (error) => {
          lost ??= error;
        });
        let broken: Error | undefined;
        try {
          await client.query('begin');
          const session: BulkSession = {
            db: drizzlePg(client) as unknown as Db,
            copyCsv: async (table, columns, csv) => copyOnClient(client, table, columns, csv),
          };
          const result = await work(session);
          await client.query('commit');
          return result;
        } catch (error) {
          if (!lost)
            await client.query('rollback').catch((e: Error) => {
              broken = e;
            });
          // The server rolls back a transaction whose connection ended.
          throw lost ? new ConnectionLostError(lost) : error;
        } finally {
          // A connection whose rollback failed, or that broke, is dropped, not handed to the next request.
          client.release(lost ?? broken);
        }
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: async () => pool.end(),
    };
  }
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: async () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    copyRows: async (table, columns, rows) => copyCsvPglite(client, table, columns, toCopyCsv(rows)),
    copyCsv: async (table, columns, csv) => copyCsvPglite(client, table, columns, csv),
    close: async () => client.close(),
  };
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

async function copyCsvPg(pool: pg.Pool, table: string, columns: readonly string[], csv: string) {
  if (csv === '') return;
  const client = await pool.connect();
  try {
    await copyOnClient(client, table, columns, csv);
  } finally {
    client.release();
  }
}

async function copyOnClient(client: pg.PoolClient, table: string, columns: readonly string[], csv: string) {
  if (csv === '') return;
  const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from([csv]), stream);
}

async function copyCsvPglite(client: PGlite, table: string, columns: readonly string[], csv: string) {
  if (csv === '') return;
  await client.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
}
