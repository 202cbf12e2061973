import path from 'node:path';
import { type OidcConfig, readOidcConfig } from './auth/oidc.config.js';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  /** postgres://… for a PostgreSQL server; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /**
   * The owner role's connection string (MIGRATION_DATABASE_URL), for `migrate` only: the app then
   * runs as DATABASE_URL's role, which owns nothing (decision 0019). Unset: DATABASE_URL does both.
   */
  migrationDatabaseUrl: string | undefined;
  /** Folder of the embedded database (PGlite) when no DATABASE_URL is set. */
  dataDir: string;
  port: number;
  host: string;
  /**
   * Demo mode seeds demo data and demo accounts: embedded database, or an explicit --demo;
   * `--no-demo` keeps an embedded database empty of them (a real small deployment, or a test).
   */
  isDemo: boolean;
  /** Folder of the built web UI. */
  webDir: string;
  /** Where uploaded exchange files wait for their import (deleted afterwards). */
  uploadDir: string;
  /** Sessions end after this much inactivity (等保 2.0: session timeout). */
  sessionIdleMinutes: number;
  /** Sessions end this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /** Failed sign-ins in a row before an account locks. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /**
   * Progressive sign-in delay (LOGIN_DELAY_BASE_MS, 0 switches it off): after n failed sign-ins of
   * an account (from addresses it never signed in from) or from an address (any username), the
   * next attempt's answer waits base × 2^(n−1) ms, at most `loginDelayMaxMs`, whatever its outcome.
   */
  loginDelayBaseMs: number;
  /** The longest progressive sign-in delay (LOGIN_DELAY_MAX_MS). */
  loginDelayMaxMs: number;
  /**
   * Cookies always carry the Secure flag and HSTS is always sent (COOKIE_SECURE=true). Without it
   * both still follow the request: served over HTTPS, or a trusted proxy says X-Forwarded-Proto https.
   */
  isSecureCookie: boolean;
  /**
   * Fastify's trustProxy (TRUST_PROXY): true, a hop count, or a comma-separated list of proxy
   * addresses/CIDRs. Only then are X-Forwarded-For/-Proto believed (client address, HTTPS).
   */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  /** Requests per minute per client address on every route (a sane ceiling, decision 0020). */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per client address. */
  loginRatePerAddress: number;
  /** Sign-in attempts per minute per username from addresses it never signed in from. */
  loginRatePerAccount: number;
  /** API-token requests per minute per client address and per token. */
  tokenRatePerMinute: number;
  /** Sessions a user may hold at once; signing in ends the oldest beyond it (等保: concurrent sessions). */
  maxSessionsPerUser: number;
  /** A new password may not equal any of this many previous ones (current included). */
  passwordHistory: number;
  /** API tokens expire after this many days unless the issuer picks fewer (or more, up to the max). */
  apiTokenDefaultDays: number;
  apiTokenMaxDays: number;
  /** Bearer token that lets a scraper on another host read /metrics (loopback needs none). */
  metricsToken: string | undefined;
  /**
   * Provinces whose jurisdiction tree is loaded (PROVINCES, comma-separated 2-digit GB/T 2260
   * codes; default 35,22: Fujian and Jilin). A national deployment lists more.
   */
  provinces: string[];
  /** Sign-in through the unified identity service (OIDC_* variables); null: local accounts only. */
  oidc: OidcConfig | null;
}

function readTrustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  return raw;
}

/** True for 127.0.0.0/8, ::1 and localhost: the server is not reachable from another host. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A whole number ≥ 0 (0 switches a feature off). */
function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return value;
}

function readInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.YUFANG_DATA_DIR ?? 'data/pglite'),
    port: readInt('PORT', 3000),
    host: process.env.HOST || '127.0.0.1',
    isDemo:
      !process.argv.includes('--no-demo') && (databaseUrl === undefined || process.argv.includes('--demo')),
    webDir: path.resolve(process.env.YUFANG_WEB_DIR ?? 'dist/web'),
    uploadDir: path.resolve(process.env.YUFANG_UPLOAD_DIR ?? 'data/uploads'),
    sessionIdleMinutes: readInt('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: readInt('SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: readInt('LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: readInt('LOCKOUT_MINUTES', 15),
    loginDelayBaseMs: readCount('LOGIN_DELAY_BASE_MS', 500),
    loginDelayMaxMs: readCount('LOGIN_DELAY_MAX_MS', 4_000),
    isSecureCookie: process.env.COOKIE_SECURE === 'true',
    trustProxy: readTrustProxy(process.env.TRUST_PROXY),
    rateLimitPerMinute: readInt('RATE_LIMIT_PER_MINUTE', 600),
    loginRatePerAddress: readInt('LOGIN_RATE_PER_ADDRESS', 10),
    loginRatePerAccount: readInt('LOGIN_RATE_PER_ACCOUNT', 10),
    tokenRatePerMinute: readInt('TOKEN_RATE_PER_MINUTE', 120),
    maxSessionsPerUser: readInt('MAX_SESSIONS_PER_USER', 1),
    passwordHistory: Math.min(readInt('PASSWORD_HISTORY', 5), 24),
    apiTokenDefaultDays: readInt('API_TOKEN_DEFAULT_DAYS', 90),
    apiTokenMaxDays: readInt('API_TOKEN_MAX_DAYS', 365),
    metricsToken: process.env.METRICS_TOKEN || undefined,
    provinces: (process.env.PROVINCES || '35,22').split(',').map((code) => code.trim()),
    oidc: readOidcConfig(),
    ...overrides,
  };
}
