import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { selectRows } from './rows.js';

/**
 * Least privilege on PostgreSQL (decision 0019): the owner role (MIGRATION_DATABASE_URL) owns every
 * table and runs the migrations; the app role (DATABASE_URL) owns nothing and holds only the grants
 * below. On `audit_log` and `audit_archives` it may not UPDATE, DELETE or TRUNCATE, and not being
 * the owner it cannot disable their triggers or `SET session_replication_role` (superuser only).
 */

/** The role a connection string signs in as (libpq's default: PGUSER, then the OS user). */
export function roleOfUrl(databaseUrl: string): string {
  const user = decodeURIComponent(new URL(databaseUrl).username);
  return user || process.env.PGUSER || process.env.USER || 'postgres';
}

/** Tables the app may only append to and read (tamper-evident audit, decision 0019). */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;
/** Tables the app may only read: written by the owner's `audit archive`. */
export const READ_ONLY_TABLES = ['audit_archives'] as const;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Grants the app role what it needs, as the owner, after migrating. Idempotent; run on every
 * `migrate`. Default privileges grant tables that later migrations create as well.
 */
export async function grantAppRole(ownerDb: Db, appRole: string): Promise<void> {
  const [role] = await selectRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
    ownerDb,
    sql`select rolsuper, rolbypassrls from pg_roles where rolname = ${appRole}`,
  );
  if (!role) throw new Error(`database role ${appRole} (DATABASE_URL) does not exist: create it first`);
  if (role.rolsuper || role.rolbypassrls)
    throw new Error(
      `database role ${appRole} (DATABASE_URL) is a superuser: the app must run as a plain role`,
    );
  const owned = await selectRows<{ name: string }>(
    ownerDb,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and pg_get_userbyid(c.relowner) = ${appRole} limit 5`,
  );
  if (owned.length > 0)
    throw new Error(
      `database role ${appRole} (DATABASE_URL) owns ${owned.map((o) => o.name).join(', ')}: the owner role must own every table`,
    );
  const app = quoteIdent(appRole);
  const statements = [
    // PostgreSQL 15 already gives PUBLIC no CREATE on schema public; older servers and restored
    // dumps may. Only the owner creates objects.
    'revoke create on schema public from public',
    `grant usage on schema public to ${app}`,
    `grant select, insert, update, delete on all tables in schema public to ${app}`,
    `grant usage, select on all sequences in schema public to ${app}`,
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges in schema public grant usage, select on sequences to ${app}`,
    ...APPEND_ONLY_TABLES.map(
      (t) => `revoke update, delete, truncate, references, trigger on ${t} from ${app}`,
    ),
    ...READ_ONLY_TABLES.map(
      (t) => `revoke insert, update, delete, truncate, references, trigger on ${t} from ${app}`,
    ),
    // The app checks at start that no migration is pending (it cannot apply one).
    `grant usage on schema drizzle to ${app}`,
    `grant select on all tables in schema drizzle to ${app}`,
  ];
  for (const statement of statements) await ownerDb.execute(sql.raw(statement));
}

/** Whether this connection may create objects here (the owner role may; the app role may not). */
export async function canCreateObjects(db: Db): Promise<boolean> {
  const [row] = await selectRows<{ ok: boolean }>(
    db,
    sql`select has_schema_privilege(current_user, 'public', 'CREATE') as ok`,
  );
  return row?.ok === true;
}
