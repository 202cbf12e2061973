import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../test/db-template.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { type Database, openDatabase } from '../db/client.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres, summarizeTables } from './backup.js';

let t: TestApp;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-backup-'));

beforeAll(async () => {
  t = await createTestApp();
  // Beyond the seeded template: writes of several modules, each with its audit record.
  const officer = await t.signIn('fuzhou');
  const expert = await officer.post('/api/experts', {
    jurisdictionCode: '350100',
    name: '备份专家',
    idNumber: '350102198001011234',
    employerName: '福州大学',
    title: '教授',
    recommendingUnit: '福州市人社局',
    fields: ['工伤预防'],
  });
  expect(expert.statusCode).toBe(201);
  await officer.post(`/api/experts/${expert.json().id}/review`, { isApproved: true, reason: '审核通过' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore round trip', () => {
  it('restores into a fresh database every table with equal rows and content, the audit log included', {
    timeout: 300_000,
  }, async () => {
    const before = await summarizeTables(t.db);
    const file = path.join(work, t.database.kind === 'postgres' ? 'yufang.dump' : 'yufang.tar.gz');
    let restored: Database;
    let drop: (() => Promise<void>) | undefined;
    if (t.database.kind === 'postgres') {
      // As the owner role, as `yufang backup` does (MIGRATION_DATABASE_URL when set).
      const serverUrl = (process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL) as string;
      await backupPostgres(withDatabase(serverUrl, new URL(t.databaseUrl as string).pathname.slice(1)), file);
      const name = `yufang_restore_${process.pid}_${Date.now()}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await restorePostgres(withDatabase(serverUrl, name), file);
      restored = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    } else {
      await backupPglite(t.database.pglite as NonNullable<Database['pglite']>, file);
      // Into a data folder, as `yufang restore` does; refused the second time (it holds a database).
      const dataDir = path.join(work, 'restored');
      await (await restorePglite(file, dataDir)).close();
      await expect(restorePglite(file, dataDir)).rejects.toThrow(/already holds a database/);
      restored = await openDatabase({ dataDir });
    }
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    try {
      const after = await summarizeTables(restored.db);
      expect(Object.keys(after).length).toBeGreaterThan(20);
      expect(after).toEqual(before);
      // The written rows and their audit trail are there (not only the seed).
      expect(after['public.audit_log']?.rows).toBeGreaterThanOrEqual(2);
      expect(after['public.audit_log']).toEqual(before['public.audit_log']);
      expect(after['public.experts']?.rows).toBe(before['public.experts']?.rows);
      expect(after['drizzle.__drizzle_migrations']).toEqual(before['drizzle.__drizzle_migrations']);
    } finally {
      await restored.close();
      await drop?.();
    }
  });
});
