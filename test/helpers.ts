import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { type BuildAppOptions, buildApp } from '../src/app.js';
import { jurisdictions } from '../src/modules/jurisdictions/jurisdictions.tables.js';
import { users } from '../src/modules/users/users.tables.js';
import { hashPassword } from '../src/platform/auth/password.js';
import type { Role } from '../src/platform/auth/permissions.js';
import { type AppConfig, loadConfig } from '../src/platform/config.js';
import { type Database, type Db, openDatabase } from '../src/platform/db/client.js';
import { type Clock, resetClock, setClock } from '../src/platform/time.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { adminQuery, ownerUrlOf, withDatabase } from './db-template.js';

export { DEMO_PASSWORD };

/** A strong password that passes the policy, for users the tests create. */
export const TEST_PASSWORD = 'Test-Passw0rd!';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  /** PostgreSQL runs: the URL of this test's own database (undefined on PGlite). */
  databaseUrl?: string;
  /** Signs in through the real API and returns a client carrying the cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Agent>;
  /** Creates a user directly in the database (a fixture builder), password TEST_PASSWORD. */
  buildUser(options: {
    role: Role;
    jurisdictionCode: string;
    username?: string;
    organisationId?: number;
  }): Promise<{
    id: number;
    username: string;
  }>;
  /**
   * Runs `work` as the owner role (MIGRATION_DATABASE_URL on PostgreSQL), for what the app role may
   * not do, such as tampering with the audit log; on PGlite, the one user.
   */
  asOwner<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Agent {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let counter = 0;
let cachedHash: Promise<string> | undefined;

/**
 * A fresh database copied from the run's template, and the real app on top of it. With `clock`,
 * the process's clock (platform/time.ts) is that clock until `close()`.
 */
export async function createTestApp({
  clock,
  logger,
  ...overrides
}: Partial<AppConfig> & { clock?: Clock; logger?: BuildAppOptions['logger'] } = {}): Promise<TestApp> {
  if (clock) setClock(clock);
  const template = inject('dbTemplate');
  const databaseUrl = process.env.DATABASE_URL;
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  let ownUrl: string | undefined;
  let ownerDatabaseUrl: string | undefined;
  if (databaseUrl) {
    const name = `yufang_t_${process.pid}_${Date.now()}_${counter++}`;
    // The owner clones and drops; the app connects as DATABASE_URL's role (decision 0019).
    const ownerUrl = ownerUrlOf(databaseUrl);
    await adminQuery(ownerUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    database = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name) });
    ownerDatabaseUrl = withDatabase(ownerUrl, name);
    ownUrl = withDatabase(databaseUrl, name);
    dropDatabase = () => adminQuery(ownerUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const blob = new Blob([fs.readFileSync(template)]);
    database = await openDatabase({ loadDataDir: blob });
  }
  const config = loadConfig({
    webDir: path.resolve('dist/web'),
    // Suites sign in many times from one address and keep several agents of one user: the limits
    // and the session cap are tested where they are set (auth tests), not in every suite.
    rateLimitPerMinute: 1_000_000,
    loginRatePerAddress: 1_000_000,
    loginRatePerAccount: 1_000_000,
    tokenRatePerMinute: 1_000_000,
    maxSessionsPerUser: 1_000,
    // Wrong passwords in other suites would otherwise slow every later sign-in from 127.0.0.1.
    loginDelayBaseMs: 0,
    ...overrides,
  });
  const app = await buildApp({ database, config, logger });
  await app.ready();
  const db = database.db;

  async function signIn(username: string, password = DEMO_PASSWORD): Promise<Agent> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
    const setCookie = response.cookies.find((c) => c.name === 'yf_session');
    if (!setCookie) throw new Error('no session cookie');
    const cookie = `yf_session=${setCookie.value}`;
    const csrfToken = response.json().csrfToken as string;
    const request = (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers as Record<string, string>) },
      });
    return {
      csrfToken,
      cookie,
      request,
      get: (url, headers) => request({ method: 'GET', url, headers }),
      post: (url, payload, headers) => request({ method: 'POST', url, payload: payload as never, headers }),
      put: (url, payload, headers) => request({ method: 'PUT', url, payload: payload as never, headers }),
    };
  }

  async function buildUser(options: {
    role: Role;
    jurisdictionCode: string;
    username?: string;
    organisationId?: number;
  }) {
    cachedHash ??= hashPassword(TEST_PASSWORD);
    const [j] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, options.jurisdictionCode));
    if (!j) throw new Error(`no jurisdiction ${options.jurisdictionCode}`);
    const username =
      options.username ??
      `${options.role.replace(/_/g, '')}${options.jurisdictionCode}${counter++}`.toLowerCase();
    const [row] = await db
      .insert(users)
      .values({
        username,
        passwordHash: await cachedHash,
        displayName: `测试${username}`,
        role: options.role,
        jurisdictionId: j.id,
        organisationId: options.organisationId ?? null,
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert failed');
    return { id: row.id, username };
  }

  async function asOwner<T>(work: (db: Db) => Promise<T>): Promise<T> {
    if (!ownerDatabaseUrl) return work(db);
    const owner = await openDatabase({ databaseUrl: ownerDatabaseUrl });
    try {
      return await work(owner.db);
    } finally {
      await owner.close();
    }
  }

  return {
    app,
    db,
    database,
    databaseUrl: ownUrl,
    signIn,
    buildUser,
    asOwner,
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase?.();
      if (clock) resetClock();
    },
  };
}
