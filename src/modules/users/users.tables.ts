import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { Role } from '../../platform/auth/permissions.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/** A person who signs in: acts for one organisation in one jurisdiction with one role. */
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** Personal data: masked unless the viewer holds personal-data:view. */
    phone: text('phone'),
    /** One of the roles in src/platform/auth/permissions.ts. */
    role: text('role').$type<Role>().notNull(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    organisationId: integer('organisation_id').references(() => organisations.id),
    isActive: boolean('is_active').notNull().default(true),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_jurisdiction_idx').on(t.jurisdictionId)],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie token: a stolen table does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Double-submit token the browser must echo in X-CSRF-Token on writes. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * API tokens issued to a member unit for machine submission (DX-2). The token acts for its unit in
 * the unit's jurisdiction with the exchange permissions only; only its SHA-256 is stored.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, to recognise it in lists. */
    prefix: text('prefix').notNull(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_org_idx').on(t.organisationId)],
);

/**
 * Failed sign-ins per (username, source address), counted atomically in one UPSERT … RETURNING
 * (decision 0020). Keyed by the typed username whether or not such a user exists, so unknown names
 * behave exactly like real ones; a lock holds one address out of one account, not the account.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    /** Lower-cased username as typed. */
    username: text('username').notNull(),
    /** Client address (request.ip: the proxy's X-Forwarded-For when TRUST_PROXY is set). */
    address: text('address').notNull(),
    /** Consecutive failures since the window started. */
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Last successful sign-in from this address: a known address skips the per-account limit. */
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.username, t.address] }),
    // The progressive delay counts the failures of an address over every username
    // (delayOfAttempt: `address = $1 or username = $2`): the key serves the username side only.
    index('login_attempts_address_idx').on(t.address),
  ],
);

/** Earlier password hashes of a user, so a change cannot go back to one of the last few. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);

/**
 * Identities at the unified identity service (统一身份认证, OIDC) and the local user each signs in as
 * (ORG-5). `subject` is the value of the configured linking claim (`sub`, or e.g. an employee
 * number). A row without a user is an unknown identity queued for an administrator to link (only
 * when the deployment queues rather than refuses unknown identities). Role and scope stay on the
 * local user: the identity service never grants them.
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Issuer URL of the identity service. */
    issuer: text('issuer').notNull(),
    /** Value of the linking claim at that issuer. */
    subject: text('subject').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Name the identity service gave (name or preferred_username), to recognise a queued identity. */
    displayHint: text('display_hint'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    linkedByUserId: integer('linked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    unique('user_identities_subject_unique').on(t.issuer, t.subject),
    unique('user_identities_user_issuer_unique').on(t.userId, t.issuer),
  ],
);

/**
 * Sign-ins started at the identity service and not yet returned: the PKCE verifier and nonce, keyed
 * by the SHA-256 of the state (the browser holds the state in a cookie). Used once, then deleted.
 */
export const oidcSignInRequests = pgTable('oidc_sign_in_requests', {
  /** SHA-256 (hex) of the state parameter. */
  id: text('id').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** Where the UI goes after sign-in (a local path). */
  returnTo: text('return_to').notNull().default('/'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
