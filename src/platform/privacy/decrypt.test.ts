import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INJURY_HEADER,
  injuryRow,
  makeCreditCode,
  makeIdNumber,
  toCsv,
} from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { CIPHERTEXT, SM4_ENV, setPiiEnv } from '../../../test/pii-env.js';
import { REJECTED_CELLS_STORE } from '../../modules/exchange/rejected-cells.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { auditLog } from '../audit/audit.tables.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { createPiiCrypto } from './crypto.js';
import {
  checkPersonDataEncryption,
  decryptPersonData,
  ENCRYPTED_TABLES,
  encryptPersonData,
  piiDecryptionKeys,
} from './encrypted-columns.js';

/**
 * Switching encryption off (issue 13): `pii decrypt` over a small dataset written with encryption
 * off (an expert, an employer's contact, a user's phone, a key-post holder and a completion, an
 * injury import with two rejected rows, a failed batch's reason) after `pii encrypt` gives back
 * the stored values exactly, lookup keys included; a second run changes nothing; the start-up check
 * passes with encryption off. The command's rule: PII_ENCRYPTION off where it runs, keys given.
 */
const sm4 = createPiiCrypto(SM4_ENV);
const stores = [REJECTED_CELLS_STORE];

const EXPERT_ID = makeIdNumber('350102', '1970-02-02', 'male', 41);
const HOLDER_ID = makeIdNumber('350102', '1980-03-03', 'female', 42);
const VALID = makeIdNumber('350102', '1981-03-03', 'male', 43);
const QUOTED = makeIdNumber('350102', '1983-05-05', 'male', 44);
const CHECK = makeIdNumber('350102', '1982-07-07', 'male', 45);
/** A valid number with its check character changed: rejected by the worker. */
const BAD = `${CHECK.slice(0, 17)}${CHECK.endsWith('1') ? '2' : '1'}`;

let t: TestApp;
let officer: Agent;
let batchId: number;
/** Every stored value the conversion touches, as written with encryption off. */
let original: Snapshot;

interface Snapshot {
  tables: Record<string, Record<string, unknown>[]>;
  rejected: Record<string, unknown>[];
  batchErrors: Record<string, unknown>[];
}

/** The registry's columns and lookup keys of every table, the rejected rows and the batches' reasons. */
async function snapshot(db: Db): Promise<Snapshot> {
  const tables: Snapshot['tables'] = {};
  for (const entry of ENCRYPTED_TABLES) {
    const columns = entry.index ? [...entry.columns, entry.index.column] : [...entry.columns];
    tables[entry.table] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`select id, ${sql.raw(columns.join(', '))} from ${sql.raw(entry.table)} order by id`,
      ),
    );
  }
  const rejected = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select batch_id, line, raw, issues from exchange_rejected_rows order by batch_id, line`,
    ),
  );
  const batchErrors = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select id, error_params from exchange_batches where error_params is not null order by id`,
    ),
  );
  return { tables, rejected, batchErrors };
}

const ZERO = Object.fromEntries([
  ...ENCRYPTED_TABLES.map((e) => [e.table, 0]),
  ['exchange_rejected_rows', 0],
]);
/** What the dataset puts under SM4, counted by hand (beside the template's 7 demo employers' contacts). */
const CONVERTED = {
  ...ZERO,
  // 7301 is valid; the check character and the stray quote are rejected.
  injury_cases: 1,
  experts: 1,
  // The 7 demo employers' contacts and the employer registered here.
  organisations: 8,
  users: 1,
  key_post_holders: 1,
  training_completions: 1,
  exchange_rejected_rows: 2,
};

beforeAll(async () => {
  setPiiEnv({});
  t = await createTestApp();
  officer = await t.signIn('fuzhou');
  const created = async (res: { statusCode: number; body: string; json(): unknown }) => {
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; organisation?: { id: number } };
  };
  await created(
    await officer.post('/api/experts', {
      jurisdictionCode: '350100',
      name: '解密专家',
      phone: '13912340001',
      idNumber: EXPERT_ID,
      employerName: '福州大学',
      title: '教授',
      recommendingUnit: '福州市人社局',
      fields: ['工伤预防'],
    }),
  );
  const employer = await created(
    await officer.post('/api/organisations', {
      kind: 'employer',
      name: '福州解密测试建筑有限公司',
      creditCode: makeCreditCode('350102', 9101),
      industryCode: '4710',
      jurisdictionCode: '350102',
      contactName: '林芳',
      contactPhone: '13900020002',
    }),
  );
  await created(
    await officer.post('/api/users', {
      username: 'gulou.decrypt',
      password: TEST_PASSWORD,
      displayName: '鼓楼区经办',
      phone: '13800000789',
      role: 'hrss_officer',
      jurisdictionCode: '350102',
    }),
  );
  await created(
    await officer.post('/api/training/holders', {
      employerId: employer.organisation?.id,
      roleCode: 'principal',
      personName: '郑秀英',
      idNumber: HOLDER_ID,
      startedOn: '2025-01-01',
    }),
  );
  const course = await created(
    await officer.post('/api/training/courses', {
      title: '负责人培训（解密）',
      form: 'offline',
      roleCodes: ['principal'],
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 16,
    }),
  );
  await created(
    await officer.post('/api/training/completions', {
      courseId: course.id,
      personName: '郑秀英',
      idNumber: HOLDER_ID,
      completedOn: '2025-06-01',
      method: 'offline',
    }),
  );
  const lines = toCsv([
    INJURY_HEADER,
    injuryRow(7401, { idNumber: VALID, birth: '1981-03-03', name: '赵六' }),
    injuryRow(7402, { idNumber: BAD, birth: '1982-07-07', name: '王五' }),
    injuryRow(7403, { idNumber: QUOTED, birth: '1983-05-05', name: '钱七' }),
  ]).replace('钱七', '钱"七');
  const upload = await officer.request({
    method: 'POST',
    url: '/api/exchange/batches?domain=injuries&fileName=decrypt.csv',
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(lines),
  });
  expect(upload.statusCode, upload.body).toBe(202);
  await t.app.jobs.idle();
  batchId = upload.json().batch.id;
  expect((await officer.get(`/api/exchange/batches/${batchId}`)).json()).toMatchObject({
    status: 'committed',
    validRows: 1,
    rejectedRows: 2,
  });
  // A failed batch's reason quoting a cell, as an ImportFailure leaves it (exchange.service.ts).
  await t.db.execute(
    sql`update exchange_batches set error_params = ${JSON.stringify({ line: 3, value: BAD })}::jsonb where id = ${batchId}`,
  );
  original = await snapshot(t.db);
}, 180_000);
afterAll(async () => {
  await t?.close();
  setPiiEnv({});
});

describe('pii decrypt: switching encryption off (issue 13)', () => {
  it('refuses while PII_ENCRYPTION=sm4 is set, and without the keys', () => {
    expect(() => piiDecryptionKeys(SM4_ENV)).toThrow(
      /^pii decrypt switches encryption off: set PII_ENCRYPTION=off/,
    );
    expect(() => piiDecryptionKeys({ PII_ENCRYPTION: 'off' })).toThrow(/needs the keys/);
    const { PII_ENCRYPTION: _, ...keysOnly } = SM4_ENV;
    expect(piiDecryptionKeys(keysOnly).isEnabled).toBe(true);
    expect(piiDecryptionKeys({ ...keysOnly, PII_ENCRYPTION: 'off' }).isEnabled).toBe(true);
  });

  it('encrypt then decrypt gives back the stored plaintext exactly; a second run changes nothing', async () => {
    // The dataset: numbers as their own lookup keys, rejected cells as arrays, a reason quoting a cell.
    expect(original.tables.experts?.at(-1)).toMatchObject({
      id_number: EXPERT_ID,
      id_number_index: EXPERT_ID,
    });
    expect(original.tables.key_post_holders?.at(-1)).toMatchObject({
      id_number: HOLDER_ID,
      person_name: '郑秀英',
      id_number_index: HOLDER_ID,
    });
    expect(original.rejected.map((r) => Array.isArray(r.raw))).toEqual([true, true]);
    expect(JSON.stringify(original.rejected)).toContain(BAD);
    expect(original.batchErrors).toEqual([{ id: batchId, error_params: { line: 3, value: BAD } }]);

    expect(await encryptPersonData(t.db, { batchSize: 2, stores }, sm4)).toEqual(CONVERTED);
    await expect(checkPersonDataEncryption(t.db, sm4, undefined, stores)).resolves.toBeUndefined();
    const encrypted = await snapshot(t.db);
    expect(encrypted.tables.experts?.at(-1)?.id_number).toMatch(CIPHERTEXT);
    expect(encrypted.tables.experts?.at(-1)?.id_number_index).toBe(sm4.index(EXPERT_ID));
    expect(encrypted.tables.key_post_holders?.at(-1)?.person_name).toMatch(CIPHERTEXT);
    expect(encrypted.rejected.map((r) => typeof r.raw)).toEqual(['string', 'string']);
    expect(JSON.stringify(encrypted)).not.toContain(BAD);
    expect(JSON.stringify(encrypted)).not.toContain(HOLDER_ID);

    const keys = piiDecryptionKeys({ PII_KEYS: SM4_ENV.PII_KEYS, PII_INDEX_KEY: SM4_ENV.PII_INDEX_KEY });
    expect(await decryptPersonData(t.db, keys, { batchSize: 2, stores })).toEqual(CONVERTED);
    expect(await snapshot(t.db)).toEqual(original);
    // The start-up check with encryption off passes; with sm4 it now finds plaintext.
    const off = createPiiCrypto({});
    await expect(checkPersonDataEncryption(t.db, off, undefined, stores)).resolves.toBeUndefined();
    await expect(checkPersonDataEncryption(t.db, sm4, undefined, stores)).rejects.toThrow(
      /still holds plaintext/,
    );

    expect(await decryptPersonData(t.db, keys, { batchSize: 2, stores })).toEqual(ZERO);
    expect(await snapshot(t.db)).toEqual(original);

    // Each run is audited in the hash chain: rows per table and the keys the rows were under.
    const records = await t.db
      .select({ details: auditLog.details, actor: auditLog.actorUsername })
      .from(auditLog)
      .where(eq(auditLog.action, 'pii.decrypt'))
      .orderBy(auditLog.id);
    expect(records).toEqual([
      { actor: 'cli:pii-decrypt', details: { ...CONVERTED, keys: ['k1'] } },
      { actor: 'cli:pii-decrypt', details: { ...ZERO, keys: [] } },
    ]);
    expect((await verifyAuditChain(t.db)).firstBroken).toBeNull();
  });

  it('the app reads the decrypted rows with encryption off', async () => {
    const experts = (await officer.get('/api/experts?jurisdiction=350100')).json();
    expect(experts.items.map((e: { idNumber: string }) => e.idNumber)).toContain(EXPERT_ID);
    const rejected = await officer.get(`/api/exchange/batches/${batchId}/rejected`);
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.body).toContain(BAD);
  });
});
