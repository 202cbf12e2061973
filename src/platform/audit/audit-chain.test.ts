import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { AUDIT_RETENTION_SETTING } from '../../modules/settings/audit.settings.js';
import type { Db } from '../db/client.js';
import { recordAudit, setAuditHashAlgorithm, verifyAuditChain } from './audit.service.js';
import { auditArchives, auditLog } from './audit.tables.js';
import { archiveAuditRecords, monthsBefore } from './audit-archive.js';
import { canonicalJson, digest, GENESIS_HASH, hashRecord } from './audit-chain.js';

describe('digests (known answers)', () => {
  it('SM3 of "abc" and of "abcd"×16 are GB/T 32905-2016’s examples', () => {
    expect(digest('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digest('sm3', 'abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('SHA-256 of "abc" is FIPS 180-2’s example', () => {
    expect(digest('sha256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the same content the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const record = {
      at: new Date('2026-01-02T03:04:05.678Z'),
      actorUserId: 1,
      actorUsername: 'a',
      action: 'x.y',
      outcome: 'success',
      targetType: null,
      targetId: null,
      jurisdictionPath: null,
      ip: '127.0.0.1',
      userAgent: null,
    };
    expect(hashRecord('sha256', { ...record, details: { a: 1, b: 2 } }, GENESIS_HASH)).toBe(
      hashRecord('sha256', { ...record, details: { b: 2, a: 1 } }, GENESIS_HASH),
    );
    expect(hashRecord('sha256', { ...record, details: null }, GENESIS_HASH)).not.toBe(
      hashRecord('sha256', { ...record, details: null }, '1'.repeat(64)),
    );
  });

  it('keeps at least 6 months (网络安全法 §21)', () => {
    expect(AUDIT_RETENTION_SETTING.schema.safeParse(5).success).toBe(false);
    expect(AUDIT_RETENTION_SETTING.schema.safeParse(6).success).toBe(true);
    expect(AUDIT_RETENTION_SETTING.default).toBeGreaterThanOrEqual(6);
  });
});

/** Alters the log as its owner would (or a superuser): triggers off, change, triggers on. */
async function tamper(owner: Db, statement: string) {
  await owner.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(sql.raw(statement));
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

describe('the chain on a real database', () => {
  let t: TestApp;
  let auditor: Agent;
  const source = { userId: null, username: 'chain-test', ip: '127.0.0.1' };
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.signIn('auditor');
    await t.signIn('fuzhou');
  });
  afterAll(async () => {
    setAuditHashAlgorithm('sha256');
    await t.close();
  });

  it('links every record written through the app to the one before', async () => {
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.length).toBeGreaterThan(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    const res = await auditor.get('/api/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ checked: rows.length, legacy: 0, firstBroken: null });
    expect(res.json().head).toEqual({ id: rows.at(-1)?.id, hash: rows.at(-1)?.hash });
  });

  it('stays one well-ordered chain under 40 parallel writers', async () => {
    const before = (await verifyAuditChain(t.db)).checked;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(t.db, source, { action: 'test.parallel', details: { i } }),
      ),
    );
    const report = await verifyAuditChain(t.db);
    expect(report.firstBroken).toBeNull();
    expect(report.checked).toBe(before + 40);
  });

  it('chains with SM3 where configured, beside earlier SHA-256 records', async () => {
    setAuditHashAlgorithm('sm3');
    await recordAudit(t.db, source, { action: 'test.sm3', details: { 中文: '审计' } });
    setAuditHashAlgorithm('sha256');
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.sm3'));
    expect(row?.hashAlgorithm).toBe('sm3');
    expect(row?.hash).toBe(hashRecord('sm3', row as never, row?.prevHash as string));
    expect((await verifyAuditChain(t.db)).firstBroken).toBeNull();
  });

  it('archives verified records older than the cutoff, and the chain continues from the archive’s head', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-audit-archive-'));
    try {
      const [boundary] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.sm3'));
      // Everything before the SM3 record is "old".
      const result = await t.asOwner((owner) =>
        archiveAuditRecords(owner, { cutoff: boundary?.at as Date, dir, by: 'test' }),
      );
      expect(result.archived).toBeGreaterThan(40);
      expect(result.lastId).toBe((boundary?.id as number) - 1);
      const lines = fs
        .readFileSync(result.file as string, 'utf8')
        .trim()
        .split('\n');
      expect(lines.length).toBe((result.archived as number) + 1);
      expect(JSON.parse(lines[0] as string)).toMatchObject({
        firstId: result.firstId,
        lastId: result.lastId,
      });
      const [archive] = await t.db.select().from(auditArchives);
      expect(archive?.headHash).toBe(boundary?.prevHash);
      const report = await verifyAuditChain(t.db);
      expect(report).toMatchObject({ firstBroken: null, archivedThrough: result.lastId });
      // Records newer than the cutoff stay; the archive itself is audited.
      expect(
        await t.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.id, boundary?.id as number)),
      ).toHaveLength(1);
      expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.archive'))).toHaveLength(1);
      expect(monthsBefore(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe(
        '2026-03-03T00:00:00.000Z',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the record an owner altered, and archives nothing from there on', async () => {
    await recordAudit(t.db, source, { action: 'test.victim' });
    await recordAudit(t.db, source, { action: 'test.after' });
    const [victim] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.victim'));
    await t.asOwner((owner) =>
      tamper(owner, `update audit_log set outcome = 'failure' where id = ${victim?.id}`),
    );
    expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ id: victim?.id, reason: 'content' });
    expect((await auditor.get('/api/audit/verify')).json().firstBroken).toEqual({
      id: victim?.id,
      reason: 'content',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-audit-archive-'));
    try {
      const result = await t.asOwner((owner) =>
        archiveAuditRecords(owner, { cutoff: new Date(Date.now() + 60_000), dir, by: 'test' }),
      );
      expect(result.stoppedAt).toBe(victim?.id);
      expect(result.lastId ?? 0).toBeLessThan(victim?.id as number);
      expect(
        await t.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.id, victim?.id as number)),
      ).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Put it back: the chain holds again.
    await t.asOwner((owner) =>
      tamper(owner, `update audit_log set outcome = 'success' where id = ${victim?.id}`),
    );
    expect((await verifyAuditChain(t.db)).firstBroken).toBeNull();
  });

  it('names the record after one an owner removed, and a record inserted around the app', async () => {
    const [after] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.after'));
    const [victim] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'test.victim'));
    await t.asOwner((owner) => tamper(owner, `delete from audit_log where id = ${victim?.id}`));
    expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ id: after?.id, reason: 'link' });
    // Put it back as it was: the chain holds again.
    await t.asOwner((owner) =>
      owner.execute(sql`insert into audit_log (id, at, actor_username, action, outcome, ip, prev_hash, hash, hash_algorithm)
        overriding system value values (${victim?.id}, ${victim?.at}, ${victim?.actorUsername}, ${victim?.action},
        ${victim?.outcome}, ${victim?.ip}, ${victim?.prevHash}, ${victim?.hash}, ${victim?.hashAlgorithm})`),
    );
    expect((await verifyAuditChain(t.db)).firstBroken).toBeNull();
    // The app role may insert: a record without its hash is named.
    const [forged] = await t.db.insert(auditLog).values({ action: 'forged' }).returning({ id: auditLog.id });
    expect((await verifyAuditChain(t.db)).firstBroken).toEqual({ id: forged?.id, reason: 'unchained' });
  });
});
