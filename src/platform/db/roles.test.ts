import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import type { Db } from './client.js';
import { selectRows } from './rows.js';

/**
 * Least privilege on PostgreSQL (decision 0019): run with DATABASE_URL as the app role and
 * MIGRATION_DATABASE_URL as the owner (as .ci/run does). The embedded database has one user.
 */
const isSplit =
  !!process.env.DATABASE_URL &&
  !!process.env.MIGRATION_DATABASE_URL &&
  process.env.DATABASE_URL !== process.env.MIGRATION_DATABASE_URL;

/** The error PostgreSQL gave, with its cause (drizzle wraps it). */
async function refusal(db: Db, statement: string): Promise<string> {
  const error = await db.execute(sql.raw(statement)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${statement} was allowed`).toBeDefined();
  return `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
}

describe.runIf(isSplit)('the app role on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is not a superuser and owns no table', async () => {
    const [me] = await selectRows<{ rolsuper: boolean; owned: number }>(
      t.db,
      sql`select r.rolsuper, (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
          from pg_roles r where r.rolname = current_user`,
    );
    expect(me).toEqual({ rolsuper: false, owned: 0 });
  });

  it('may only append to and read audit_log', async () => {
    await t.db.execute(sql`insert into audit_log (action) values ('test.append')`);
    const [row] = await selectRows<{ id: number }>(t.db, sql`select id from audit_log order by id limit 1`);
    expect(row).toBeDefined();
    for (const statement of [
      `update audit_log set action = 'tampered' where id = ${row?.id}`,
      `delete from audit_log where id = ${row?.id}`,
      'truncate audit_log',
    ])
      expect(await refusal(t.db, statement)).toMatch(/permission denied/);
  });

  it('cannot switch the append-only triggers off', async () => {
    expect(await refusal(t.db, 'alter table audit_log disable trigger audit_log_append_only')).toMatch(
      /must be owner/,
    );
    expect(await refusal(t.db, 'alter table audit_log disable trigger all')).toMatch(/must be owner/);
    expect(await refusal(t.db, 'set session_replication_role = replica')).toMatch(/permission denied/);
    expect(await refusal(t.db, 'drop table audit_log')).toMatch(/must be owner/);
  });

  it('creates no object in the schema', async () => {
    expect(await refusal(t.db, 'create table intruder (id int)')).toMatch(/permission denied/);
    expect(
      await refusal(t.db, 'create function intruder() returns int language sql as $$ select 1 $$'),
    ).toMatch(/permission denied/);
  });

  it('is granted the tables a later migration creates (default privileges)', async () => {
    await t.asOwner(async (owner) => {
      await owner.execute(sql`create table later_table (id int generated always as identity, note text)`);
    });
    await t.db.execute(sql`insert into later_table (note) values ('ok')`);
    expect(await selectRows(t.db, sql`select note from later_table`)).toEqual([{ note: 'ok' }]);
  });
});
