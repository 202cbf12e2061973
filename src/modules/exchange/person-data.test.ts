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
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { rowsOf } from '../../platform/db/rows.js';
import { configurePiiCrypto, createPiiCrypto } from '../../platform/privacy/crypto.js';
import {
  checkPersonDataEncryption,
  encryptPersonData,
  rotatePersonIndex,
} from '../../platform/privacy/encrypted-columns.js';

/**
 * 国密 at rest applied to the exchange's person tables (decision 0022): the same files imported
 * with PII_ENCRYPTION off and sm4 give the same figures; with sm4 the tables hold no plaintext
 * 身份证号 or name, lookups and linkage go through the keyed SM3 index, and the views decrypt.
 */

const PERSON = makeIdNumber('350102', '1980-05-05', 'male', 7);
const DEAD = makeIdNumber('350102', '1970-02-02', 'female', 8);
const OTHER = makeIdNumber('350102', '1990-09-09', 'female', 9);
const BUILDER = makeCreditCode('350102', 1000);
const INSURED_HEADER = ['统一社会信用代码', '年度', '身份证号', '姓名', '参保日期'];
const caseNo = (n: number) => `榕人社工认〔2025〕${String(n).padStart(4, '0')}号`;

/**
 * The scenario, by hand: 2025 (determination year) has cases 2, 3, 4, 5 of PERSON, OTHER, DEAD,
 * PERSON → 4 cases, 3 persons, 1 death; 2024 has case 1 (PERSON). The second file's case 6 is
 * DEAD's second death (rejected, naming case 4) and case 3 again (an update by case number). The
 * insured list of 2025 names PERSON (man) and OTHER (woman); its second file names OTHER again
 * (an update by 身份证号) and DEAD (woman): 3 listed, 1 man, 2 women.
 */
async function importScenario(t: TestApp, fuzhou: Agent) {
  const upload = async (domain: string, fileName: string, rows: string[][]) => {
    const res = await fuzhou.request({
      method: 'POST',
      url: `/api/exchange/batches?domain=${domain}&fileName=${fileName}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(toCsv(rows)),
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.app.jobs.idle();
    return (await fuzhou.get(`/api/exchange/batches/${res.json().batch.id}`)).json();
  };
  const person = { idNumber: PERSON, birth: '1980-05-05', name: '张三丰' };
  const dead = { idNumber: DEAD, birth: '1970-02-02', name: '欧阳娜娜', sex: '女' };
  const death = { severity: '死亡', death: '是', grade: '' };
  const first = await upload('injuries', 'i1.csv', [
    INJURY_HEADER,
    injuryRow(1, { ...person, occurred: '2024-03-01', determined: '2024-04-01' }),
    injuryRow(2, { ...person, occurred: '2025-03-01', determined: '2025-04-01' }),
    injuryRow(3, { idNumber: OTHER, birth: '1990-09-09', name: '李四', sex: '女' }),
    injuryRow(4, { ...dead, ...death }),
    injuryRow(5, { ...person, occurred: '2025-06-01', determined: '2025-07-01' }),
  ]);
  const second = await upload('injuries', 'i2.csv', [
    INJURY_HEADER,
    injuryRow(6, { ...dead, ...death, occurred: '2025-05-01', determined: '2025-06-01' }),
    injuryRow(3, { idNumber: OTHER, birth: '1990-09-09', name: '李四', sex: '女', post: '焊工' }),
  ]);
  const issues = (await fuzhou.get(`/api/exchange/batches/${second.id}/issues`)).json();
  const listA = await upload('insuredPersons', 'p1.csv', [
    INSURED_HEADER,
    [BUILDER, '2025', PERSON, '张三丰', '2020-01-01'],
    [BUILDER, '2025', OTHER, '李四', '2021-01-01'],
  ]);
  const listB = await upload('insuredPersons', 'p2.csv', [
    INSURED_HEADER,
    [BUILDER, '2025', OTHER.toLowerCase(), '李四', '2021-02-01'],
    [BUILDER, '2025', DEAD, '欧阳娜娜', '2022-01-01'],
  ]);
  const query = async (q: string) => {
    const res = await fuzhou.get(`/api/analytics/query?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return {
    batches: [first, second, listA, listB].map((b) => ({
      status: b.status,
      validRows: b.validRows,
      rejectedRows: b.rejectedRows,
    })),
    rejected: issues.rejected.map((r: { line: number; issues: { code: string; message: string }[] }) => ({
      line: r.line,
      codes: r.issues.map((i) => i.code),
      message: r.issues[0]?.message,
    })),
    persons: await query('indicator=injury_count&jurisdiction=350102&year=2025&rows=year&countUnit=persons'),
    cases: await query('indicator=injury_count&jurisdiction=350102&year=2025&rows=year&countUnit=cases'),
    deaths: await query('indicator=fatality_rate_per_100k&jurisdiction=350102&year=2025&rows=year'),
    bySex: await query('indicator=injury_rate_per_1000&jurisdiction=350102&year=2025&rows=sex'),
    insured: rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from insured_persons where year = 2025`),
    )[0]?.n,
  };
}

/**
 * Rows `pii encrypt` converts: 5 injury cases, 3 insured persons (the scenario); no expert or user
 * phone, no roster phone and no training person (the demo seed gives none).
 */
const ROWS_OF_PERSONS = {
  injury_cases: 5,
  disease_cases: 0,
  insured_persons: 3,
  experts: 0,
  users: 0,
  roster_members: 0,
  roster_change_requests: 0,
  roster_change_events: 0,
  key_post_holders: 0,
  training_completions: 0,
  school_students: 0,
  project_trainees: 0,
  training_exam_attempts: 0,
};

const cell = (body: { cells: { row: string; numerator: number }[] }, row: string) =>
  body.cells.find((c) => c.row === row)?.numerator;

let off: Awaited<ReturnType<typeof importScenario>>;
let on: Awaited<ReturnType<typeof importScenario>>;
/** The same files imported with encryption off (kept to switch it on later). */
let plain: TestApp;
let t: TestApp;
let fuzhou: Agent;
let member: Agent;

beforeAll(async () => {
  setPiiEnv({});
  plain = await createTestApp();
  off = await importScenario(plain, await plain.signIn('fuzhou'));
  setPiiEnv(SM4_ENV);
  t = await createTestApp();
  // The template was seeded with encryption off (the demo employers' contacts): switch it on as a
  // deployment would, before anything is imported.
  expect(await encryptPersonData(t.db, {}, createPiiCrypto(SM4_ENV))).toMatchObject({ organisations: 7 });
  fuzhou = await t.signIn('fuzhou');
  on = await importScenario(t, fuzhou);
  const user = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
  member = await t.signIn(user.username, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await plain?.close();
  setPiiEnv({});
});

describe('the exchange with PII_ENCRYPTION=sm4 (decision 0022)', () => {
  it('gives the figures counted by hand, the same as with encryption off', () => {
    expect(off.batches).toEqual([
      { status: 'committed', validRows: 5, rejectedRows: 0 },
      { status: 'committed', validRows: 1, rejectedRows: 1 },
      { status: 'committed', validRows: 2, rejectedRows: 0 },
      { status: 'committed', validRows: 2, rejectedRows: 0 },
    ]);
    expect(off.rejected).toEqual([
      { line: 2, codes: ['row.second_death'], message: expect.stringContaining(caseNo(4)) },
    ]);
    expect(cell(off.cases, '2025')).toBe(4);
    expect(cell(off.persons, '2025')).toBe(3);
    expect(cell(off.deaths, '2025')).toBe(1);
    expect(off.insured).toBe(3);
    expect(off.bySex.listed.cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 'male', denominator: 1 }),
        expect.objectContaining({ row: 'female', denominator: 2 }),
      ]),
    );
    expect(on).toEqual(off);
  });

  it('stores no plaintext 身份证号 or name: SM4 ciphertext beside a keyed SM3 index', async () => {
    for (const table of ['injury_cases', 'disease_cases', 'insured_persons']) {
      const rows = rowsOf<{ id_number: string; id_number_index: string; person_name: string; whole: string }>(
        await t.db.execute(
          sql`select id_number, id_number_index, person_name, f::text as whole from ${sql.raw(table)} f`,
        ),
      );
      for (const r of rows) {
        expect(r.id_number).toMatch(/^sm4:1:k1:[A-Za-z0-9+/]+=*$/);
        expect(r.person_name).toMatch(/^sm4:1:k1:/);
        expect(r.id_number_index).toMatch(/^[0-9a-f]{64}$/);
        for (const plain of [PERSON, DEAD, OTHER, '张三丰', '欧阳娜娜', '李四'])
          expect(r.whole).not.toContain(plain);
      }
      if (table !== 'disease_cases') expect(rows.length).toBeGreaterThan(0);
    }
    const staged = rowsOf(await t.db.execute(sql`select count(*)::int as n from exchange_staging`));
    expect(staged[0]?.n).toBe(0);
  });

  it('decrypts for the unmasked view, masks for the masked one, and links a person by the index', async () => {
    const shown = (await fuzhou.get('/api/injuries?year=2025')).json();
    expect(shown.items.find((i: { caseNo: string }) => i.caseNo === caseNo(2))).toMatchObject({
      idNumber: PERSON,
      personName: '张三丰',
      isMasked: false,
    });
    const masked = (await member.get('/api/injuries?year=2025')).json();
    expect(masked.items.find((i: { caseNo: string }) => i.caseNo === caseNo(2))).toMatchObject({
      idNumber: `350102********${PERSON.slice(-4, -2)}*${PERSON.slice(-1)}`,
      personName: '张**',
      isMasked: true,
    });
    const person = (await fuzhou.get(`/api/persons/${PERSON}`)).json();
    expect(person.personName).toBe('张三丰');
    expect(person.injuries.map((i: { caseNo: string }) => i.caseNo)).toEqual([
      caseNo(1),
      caseNo(2),
      caseNo(5),
    ]);
    const [employer] = rowsOf<{ id: number }>(
      await t.db.execute(sql`select id from organisations where credit_code = ${BUILDER}`),
    );
    const list = (await fuzhou.get(`/api/enterprises/${employer?.id}/insured-persons?year=2025`)).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['张**', '李*', '欧***']);
  });

  it('the start-up check (serve) refuses keys that do not open the stored data, and encryption off over encrypted data', async () => {
    const wrongData = createPiiCrypto({ ...SM4_ENV, PII_KEYS: 'k1:ffffffffffffffffffffffffffffffff' });
    await expect(checkPersonDataEncryption(t.db, wrongData)).rejects.toThrow(
      /PII_KEYS \/ PII_KEY_FILE do not decrypt the personal data stored in injury_cases/,
    );
    const wrongIndex = createPiiCrypto({ ...SM4_ENV, PII_INDEX_KEY: 'ab'.repeat(32) });
    await expect(checkPersonDataEncryption(t.db, wrongIndex)).rejects.toThrow(/PII_INDEX_KEY/);
    await expect(checkPersonDataEncryption(t.db, createPiiCrypto({}))).rejects.toThrow(/PII_ENCRYPTION/);
    await expect(checkPersonDataEncryption(t.db, createPiiCrypto(SM4_ENV))).resolves.toBeUndefined();
  });

  it('a bad or missing key stops the start, naming the variable', async () => {
    const start = (env: Record<string, string>) => {
      setPiiEnv(env);
      return buildApp({ database: t.database, config: loadConfig({ webDir: 'dist/web' }) });
    };
    try {
      await expect(start({ ...SM4_ENV, PII_KEYS: 'k1:0123' })).rejects.toThrow(/PII key k1: 32 hex digits/);
      await expect(start({ PII_ENCRYPTION: 'sm4', PII_KEYS: SM4_ENV.PII_KEYS })).rejects.toThrow(
        /PII_INDEX_KEY/,
      );
      await expect(start({ PII_ENCRYPTION: 'sm4' })).rejects.toThrow(/PII_KEYS or PII_KEY_FILE/);
    } finally {
      setPiiEnv(SM4_ENV);
      configurePiiCrypto();
    }
  });

  it('`pii encrypt` re-encrypts under a new key in place, idempotently, keeping the index', async () => {
    const rotated = createPiiCrypto({
      ...SM4_ENV,
      PII_KEYS: `${SM4_ENV.PII_KEYS},k2:00112233445566778899aabbccddeeff`,
    });
    const before = rowsOf<{ id: number; idx: string }>(
      await t.db.execute(sql`select id, id_number_index as idx from injury_cases order by id`),
    );
    const changed = await encryptPersonData(t.db, { batchSize: 2 }, rotated);
    // The 7 demo employers' contacts (decision 0042) are re-encrypted beside the 8 person rows.
    expect(changed).toEqual({ ...ROWS_OF_PERSONS, organisations: 7 });
    // Each run leaves an audit record naming the key and the counts (the second run's zeros too).
    const [audit] = rowsOf<{ username: string; details: unknown }>(
      await t.db.execute(
        sql`select actor_username as username, details from audit_log where action = 'pii.encrypt' order by id desc limit 1`,
      ),
    );
    expect(audit?.username).toBe('cli:pii-encrypt');
    expect(typeof audit?.details === 'string' ? JSON.parse(audit.details) : audit?.details).toEqual({
      ...ROWS_OF_PERSONS,
      organisations: 7,
      key: 'k2',
    });
    expect(await encryptPersonData(t.db, { batchSize: 2 }, rotated)).toEqual({
      injury_cases: 0,
      disease_cases: 0,
      insured_persons: 0,
      experts: 0,
      organisations: 0,
      users: 0,
      roster_members: 0,
      roster_change_requests: 0,
      roster_change_events: 0,
      key_post_holders: 0,
      training_completions: 0,
      school_students: 0,
      project_trainees: 0,
      training_exam_attempts: 0,
    });
    const after = rowsOf<{ id: number; idx: string; id_number: string }>(
      await t.db.execute(sql`select id, id_number_index as idx, id_number from injury_cases order by id`),
    );
    expect(after.map((r) => ({ id: r.id, idx: r.idx }))).toEqual(before);
    expect(after.every((r) => r.id_number.startsWith('sm4:1:k2:'))).toBe(true);
    await expect(checkPersonDataEncryption(t.db, rotated)).resolves.toBeUndefined();
  });
});

describe('switching encryption on over plaintext rows', () => {
  it('the start refuses until `pii encrypt` has run; then the index links the same persons', async () => {
    const sm4 = createPiiCrypto(SM4_ENV);
    await expect(checkPersonDataEncryption(plain.db, sm4)).rejects.toThrow(
      /run `tsx src\/cli.ts pii encrypt` first/,
    );
    expect(await encryptPersonData(plain.db, { batchSize: 2 }, sm4)).toEqual({
      ...ROWS_OF_PERSONS,
      organisations: 7,
    });
    await checkPersonDataEncryption(plain.db, sm4);
    const rows = rowsOf<{ case_no: string; id_number: string; id_number_index: string; person_name: string }>(
      await plain.db.execute(sql`select case_no, id_number, id_number_index, person_name from injury_cases`),
    );
    const first = rows.find((r) => r.case_no === caseNo(1));
    expect(sm4.decrypt(first?.id_number ?? null)).toBe(PERSON);
    expect(sm4.decrypt(first?.person_name ?? null)).toBe('张三丰');
    expect(first?.id_number_index).toBe(sm4.index(PERSON));
    expect(new Set(rows.map((r) => r.id_number_index)).size).toBe(3);
  });
});

describe('rotating the index key (`pii rotate-index`, issue 13)', () => {
  it('recomputes every lookup key from the decrypted numbers, in batches, once; the start refuses until then', async () => {
    // After the switch above: the plain app's rows are under k1 and SM4_ENV's index key.
    const before = createPiiCrypto(SM4_ENV);
    const NEW_INDEX_KEY = 'cd'.repeat(32);
    const rotated = createPiiCrypto({ ...SM4_ENV, PII_INDEX_KEY: NEW_INDEX_KEY });
    await expect(checkPersonDataEncryption(plain.db, rotated)).rejects.toThrow(/pii rotate-index/);
    // 5 injury cases and 3 insured persons (ROWS_OF_PERSONS); no disease case, expert or training
    // person — the training tables are indexed too, so they are walked.
    const counts = {
      injury_cases: 5,
      disease_cases: 0,
      insured_persons: 3,
      experts: 0,
      key_post_holders: 0,
      training_completions: 0,
      school_students: 0,
      project_trainees: 0,
      training_exam_attempts: 0,
    };
    expect(await rotatePersonIndex(plain.db, { batchSize: 2 }, rotated)).toEqual(counts);
    await expect(checkPersonDataEncryption(plain.db, rotated)).resolves.toBeUndefined();
    await expect(checkPersonDataEncryption(plain.db, before)).rejects.toThrow(/PII_INDEX_KEY/);
    const rows = rowsOf<{ id: number; case_no: string; idx: string }>(
      await plain.db.execute(sql`select id, case_no, id_number_index as idx from injury_cases order by id`),
    );
    const first = rows.find((r) => r.case_no === caseNo(1));
    expect(first?.idx).toBe(rotated.index(PERSON));
    expect(first?.idx).not.toBe(before.index(PERSON));
    // The same 3 persons link as before.
    expect(new Set(rows.map((r) => r.idx)).size).toBe(3);
    const none = Object.fromEntries(Object.keys(counts).map((table) => [table, 0]));
    expect(await rotatePersonIndex(plain.db, { batchSize: 2 }, rotated)).toEqual(none);
    const [audit] = rowsOf<{ username: string; details: unknown }>(
      await plain.db.execute(
        sql`select actor_username as username, details from audit_log where action = 'pii.rotate-index' order by id desc limit 1`,
      ),
    );
    expect(audit?.username).toBe('cli:pii-rotate-index');
    const details = typeof audit?.details === 'string' ? JSON.parse(audit.details) : audit?.details;
    expect(details).toEqual({ ...none, indexKey: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(JSON.stringify(details)).not.toContain(NEW_INDEX_KEY.slice(0, 16));
    // A run stopped half way (the last row, case 5 of PERSON, still under the old key) fails the
    // start; a rerun ends it.
    const last = rows.at(-1);
    expect(last?.case_no).toBe(caseNo(5));
    await plain.db.execute(
      sql`update injury_cases set id_number_index = ${before.index(PERSON)} where id = ${last?.id}`,
    );
    await expect(checkPersonDataEncryption(plain.db, rotated)).rejects.toThrow(/pii rotate-index/);
    expect(await rotatePersonIndex(plain.db, { batchSize: 2 }, rotated)).toEqual({
      ...none,
      injury_cases: 1,
    });
    await expect(checkPersonDataEncryption(plain.db, rotated)).resolves.toBeUndefined();
  });
});
