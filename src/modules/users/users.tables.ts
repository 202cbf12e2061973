import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
