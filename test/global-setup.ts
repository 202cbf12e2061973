import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/client.js';
import { grantAppRole, roleOfUrl } from '../src/platform/db/roles.js';
import { seedDemoData } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { adminQuery, ownerUrlOf, withDatabase } from './db-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dumped, migrated and seeded data dir. PostgreSQL: name of a template database. */
    dbTemplate: string;
  }
}

/**
 * Migrates and seeds one database for the whole run; every test file starts from a copy of it
 * (a PGlite dump, or CREATE DATABASE … TEMPLATE on PostgreSQL) instead of migrating again.
 */
/**
 * The suite runs as two projects (vitest.config.ts), each calling this setup: the template is
 * built once per run and shared (the projects' setups run in the one main process, but each
 * project may load its own copy of this module, hence globalThis), and dropped after the last.
 */
interface SharedTemplate {
  built: Promise<{ value: string; drop: () => Promise<void> }>;
  users: number;
}
const SHARED = '__yufangTestTemplate';

export default async function setup(project: TestProject) {
  const holder = globalThis as unknown as Record<string, SharedTemplate | undefined>;
  holder[SHARED] ??= { built: buildTemplate(), users: 0 };
  const shared = holder[SHARED];
  shared.users += 1;
  const { value } = await shared.built;
  project.provide('dbTemplate', value);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    holder[SHARED] = undefined;
    await (await shared.built).drop();
  };
}

async function buildTemplate(): Promise<{ value: string; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `yufang_tpl_${process.pid}_${Date.now()}`;
    // As the owner role; the clones keep the template's grants to the app role.
    const ownerUrl = ownerUrlOf(databaseUrl);
    await adminQuery(ownerUrl, `CREATE DATABASE ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(ownerUrl, name) });
    await database.migrate();
    await seedReferenceData(database.db);
    await seedDemoData(database.db);
    if (ownerUrl !== databaseUrl) await grantAppRole(database.db, roleOfUrl(databaseUrl));
    await database.close();
    return {
      value: name,
      drop: async () => {
        await adminQuery(ownerUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { value: file, drop: async () => fs.rmSync(file, { force: true }) };
}
