import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { SM4_ENV, setPiiEnv } from '../../../test/pii-env.js';
import { verifyAuditChain } from '../../platform/audit/audit.service.js';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/rows.js';
import { createPiiCrypto } from '../../platform/privacy/crypto.js';
import { checkPersonDataEncryption, encryptPersonData } from '../../platform/privacy/encrypted-columns.js';
import { REJECTED_CELLS_STORE } from './rejected-cells.service.js';

/**
 * Issue 13: with PII_ENCRYPTION=sm4 the rejected rows of an import (their cells, and reasons that
 * quote a cell) are stored as SM4 ciphertext, so no table holds the plaintext 身份证号; the
 * submitting unit's download and its reasons still show its rows; `pii encrypt` converts rows
 * stored before the switch.
 */

const VALID = makeIdNumber('350102', '1981-03-03', 'male', 31);
const DEAD = makeIdNumber('350102', '1972-04-04', 'female', 32);
const QUOTED = makeIdNumber('350102', '1983-05-05', 'male', 33);
const INSURED = makeIdNumber('350102', '1984-06-06', 'female', 34);
/** A valid number with its check character changed: rejected by the worker. */
const CHECK = makeIdNumber('350102', '1982-07-07', 'male', 35);
const BAD = `${CHECK.slice(0, 17)}${CHECK.endsWith('1') ? '2' : '1'}`;
const BUILDER = makeCreditCode('350102', 1000);
const INSURED_HEADER = ['统一社会信用代码', '年度', '身份证号', '姓名', '参保日期'];
const death = { severity: '死亡', death: '是', grade: '' };
const badRow = injuryRow(7302, { idNumber: BAD, birth: '1982-07-07', name: '王五' });
const secondDeath = injuryRow(7305, {
  idNumber: DEAD,
  birth: '1972-04-04',
  name: '孙八',
  sex: '女',
  ...death,
  occurred: '2025-05-01',
  determined: '2025-06-01',
});
/** Everything the rejected rows quote from the files: none of it may be stored in plaintext. */
const SECRETS = [BAD, QUOTED, DEAD, INSURED, VALID, '王五', '钱"七', '孙八', '周九'];

async function upload(t: TestApp, agent: Agent, domain: string, fileName: string, body: string) {
  const res = await agent.request({
    method: 'POST',
    url: `/api/exchange/batches?domain=${domain}&fileName=${fileName}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(body),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.jobs.idle();
  return (await agent.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
}

/** The public tables with a row whose text holds `text`. */
async function tablesHolding(db: Db, text: string): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const hit = rowsOf(
      await db.execute(
        sql`select 1 as x from ${sql.identifier(name)} t where t::text like ${`%${text}%`} limit 1`,
      ),
    );
    if (hit.length > 0) found.push(name);
  }
  return found;
}

let plain: TestApp;
let plainBatch: { id: number; rejectedRows: number };
let t: TestApp;
let fuzhou: Agent;
let member: Agent;
let injuries: { id: number; rejectedRows: number; validRows: number };
let deaths: { id: number; rejectedRows: number };
let insured: { id: number; rejectedRows: number };

beforeAll(async () => {
  // Before the switch: one rejected row stored as plaintext (converted by `pii encrypt` below).
  setPiiEnv({});
  plain = await createTestApp();
  plainBatch = await upload(
    plain,
    await plain.signIn('fuzhou'),
    'injuries',
    'before.csv',
    toCsv([INJURY_HEADER, badRow]),
  );
  setPiiEnv(SM4_ENV);
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
  const officer = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  member = await t.signIn(officer.username, TEST_PASSWORD);
  const lines = toCsv([
    INJURY_HEADER,
    injuryRow(7301, { idNumber: VALID, birth: '1981-03-03', name: '赵六' }),
    badRow,
    injuryRow(7303, { idNumber: QUOTED, birth: '1983-05-05', name: '钱七' }),
    injuryRow(7304, { idNumber: DEAD, birth: '1972-04-04', name: '孙八', sex: '女', ...death }),
  ]).replace('钱七', '钱"七');
  injuries = await upload(t, fuzhou, 'injuries', 'r1.csv', lines);
  deaths = await upload(t, fuzhou, 'injuries', 'r2.csv', toCsv([INJURY_HEADER, secondDeath]));
  const person = [BUILDER, '2025', INSURED, '周九', '2020-01-01'];
  insured = await upload(t, fuzhou, 'insuredPersons', 'p.csv', toCsv([INSURED_HEADER, person, person]));
}, 180_000);
afterAll(async () => {
  await t?.close();
  await plain?.close();
  setPiiEnv({});
});

describe('rejected rows under SM4 (issue 13)', () => {
  it('rejects what the files hold by hand: a check character and a stray quote, a second death, a repeated person', () => {
    expect(plainBatch).toMatchObject({ status: 'committed', rejectedRows: 1 });
    expect(injuries).toMatchObject({ status: 'committed', validRows: 2, rejectedRows: 2 });
    expect(deaths).toMatchObject({ status: 'committed', validRows: 0, rejectedRows: 1 });
    expect(insured).toMatchObject({ status: 'committed', validRows: 1, rejectedRows: 1 });
  });

  it('stores the cells and the quoting reasons as ciphertext: no table holds a number or a name', async () => {
    const stored = rowsOf<{ batch_id: number; line: number; raw: unknown; issues: string }>(
      await t.db.execute(
        sql`select batch_id, line, raw, issues::text as issues from exchange_rejected_rows
            where batch_id in (${injuries.id}, ${deaths.id}, ${insured.id}) order by batch_id, line`,
      ),
    );
    expect(stored.map((r) => [Number(r.batch_id), r.line])).toEqual([
      [injuries.id, 3],
      [injuries.id, 4],
      [deaths.id, 2],
      [insured.id, 3],
    ]);
    for (const r of stored) expect(r.raw).toMatch(/^sm4:1:k1:[A-Za-z0-9+/]+=*$/);
    // The stray quote's reason quotes the line, the repeated person's its key: both ciphertext.
    expect(stored[1]?.issues).toMatch(/"value": "sm4:1:k1:/);
    expect(stored[3]?.issues).toMatch(/"key": "sm4:1:k1:/);
    for (const secret of SECRETS) expect(await tablesHolding(t.db, secret), secret).toEqual([]);
    // Nor the upload folder: the file itself is deleted after its import.
    const dir = loadConfig().uploadDir;
    const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
    for (const file of files) {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full, 'utf8')).not.toContain(BAD);
    }
  });

  it('gives the submitting unit its rows in the download, and records the view', async () => {
    const res = await fuzhou.get(`/api/exchange/batches/${injuries.id}/rejected`);
    expect(res.statusCode).toBe(200);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(`行号,${INJURY_HEADER.join(',')},错误原因`);
    expect(lines[1]?.startsWith(`3,${badRow.join(',')},身份证号：`)).toBe(true);
    // The stray quote's line as far as the parser read it (up to the quote), as one cell.
    const upToQuote = injuryRow(7303, { idNumber: QUOTED, birth: '1983-05-05' }).slice(0, 4).join(',');
    expect(lines[2]?.startsWith(`4,"${upToQuote},钱""",`)).toBe(true);
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    const merged = await fuzhou.get(`/api/exchange/batches/${deaths.id}/rejected`);
    expect(merged.body.split('\r\n')[1]?.startsWith(`2,${secondDeath.join(',')},`)).toBe(true);
    const views = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'personal-data.view'
            and target_type = 'exchange_batch' and target_id in (${String(injuries.id)}, ${String(deaths.id)})`,
      ),
    );
    expect(views[0]?.n).toBe(2);
    // Another unit of the area: no download, and reasons without the cells.
    expect((await member.get(`/api/exchange/batches/${injuries.id}/rejected`)).statusCode).toBe(403);
  });

  it('opens the quoting reasons for the unit, not for another unit of the area', async () => {
    const mine = (await fuzhou.get(`/api/exchange/batches/${insured.id}/issues`)).json();
    expect(mine.rejected).toEqual([
      {
        line: 3,
        issues: [expect.objectContaining({ message: `与第 2 行重复（${BUILDER}|2025|${INSURED}）` })],
      },
    ]);
    const quote = (await fuzhou.get(`/api/exchange/batches/${injuries.id}/issues`)).json();
    expect(quote.rejected[1].issues[0].message).toContain(QUOTED);
    const theirs = (await member.get(`/api/exchange/batches/${insured.id}/issues`)).json();
    expect(theirs.rejected[0].issues[0].message).toBe('与第 2 行重复（（内容不予显示））');
  });

  it('`pii encrypt` converts rejected rows stored before the switch, once; the start-up check refuses until then', async () => {
    const sm4 = createPiiCrypto(SM4_ENV);
    const stores = [REJECTED_CELLS_STORE];
    const [before] = rowsOf<{ n: number }>(
      await plain.db.execute(sql`select count(*)::int as n from exchange_rejected_rows`),
    );
    expect(await tablesHolding(plain.db, BAD)).toEqual(['exchange_rejected_rows']);
    await expect(REJECTED_CELLS_STORE.check(plain.db, sm4)).rejects.toThrow(
      /exchange_rejected_rows still holds plaintext cells .* pii encrypt/,
    );
    const changed = await encryptPersonData(plain.db, { batchSize: 1, stores }, sm4);
    expect(changed.exchange_rejected_rows).toBe(before?.n);
    expect(await tablesHolding(plain.db, BAD)).toEqual([]);
    await checkPersonDataEncryption(plain.db, sm4, undefined, stores);
    expect((await encryptPersonData(plain.db, { batchSize: 1, stores }, sm4)).exchange_rejected_rows).toBe(0);
    const [audit] = rowsOf<{ id: number; details: unknown }>(
      await plain.db.execute(
        sql`select id, details from audit_log where action = 'pii.encrypt' order by id desc limit 1`,
      ),
    );
    const details = typeof audit?.details === 'string' ? JSON.parse(audit.details) : audit?.details;
    expect(details).toMatchObject({ exchange_rejected_rows: 0, key: 'k1' });
    // The key itself is never written: only its id.
    expect(JSON.stringify(details)).not.toContain('0123456789abcdef');
    // Written by the app's audit writer: the record is a link of the hash chain, which holds.
    const chain = await verifyAuditChain(plain.db);
    expect(chain.firstBroken).toBeNull();
    expect(Number(chain.head?.id)).toBe(Number(audit?.id));
    await expect(REJECTED_CELLS_STORE.check(plain.db, createPiiCrypto({}))).rejects.toThrow(
      /PII_ENCRYPTION is off/,
    );
    // The unit still gets its row, decrypted.
    const body = (await (await plain.signIn('fuzhou')).get(`/api/exchange/batches/${plainBatch.id}/rejected`))
      .body;
    expect(body).toContain(`2,${badRow.join(',')},`);
  });
});
