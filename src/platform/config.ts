import path from 'node:path';
import { type OidcConfig, readOidcConfig } from './auth/oidc.config.js';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  /** postgres://… for a PostgreSQL server; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database (PGlite) when no DATABASE_URL is set. */
  dataDir: string;
  port: number;
  host: string;
  /** Demo mode seeds demo data and demo accounts: embedded database, or an explicit --demo. */
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
  /** Cookies carry the Secure flag (set behind HTTPS). */
  isSecureCookie: boolean;
  /** Sign-in through the unified identity service (OIDC_* variables); null: local accounts only. */
  oidc: OidcConfig | null;
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
    dataDir: path.resolve(process.env.YUFANG_DATA_DIR ?? 'data/pglite'),
    port: readInt('PORT', 3000),
    host: process.env.HOST ?? '0.0.0.0',
    isDemo: databaseUrl === undefined || process.argv.includes('--demo'),
    webDir: path.resolve(process.env.YUFANG_WEB_DIR ?? 'dist/web'),
    uploadDir: path.resolve(process.env.YUFANG_UPLOAD_DIR ?? 'data/uploads'),
    sessionIdleMinutes: readInt('SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: readInt('SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: readInt('LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: readInt('LOCKOUT_MINUTES', 15),
    isSecureCookie: process.env.COOKIE_SECURE === 'true',
    oidc: readOidcConfig(),
    ...overrides,
  };
}
