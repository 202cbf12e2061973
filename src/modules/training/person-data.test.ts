import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { CIPHERTEXT, SM4_ENV, setPiiEnv } from '../../../test/pii-env.js';
import { rowsOf } from '../../platform/db/rows.js';
import { createPiiCrypto } from '../../platform/privacy/crypto.js';
import { checkPersonDataEncryption, encryptPersonData } from '../../platform/privacy/encrypted-columns.js';
import { fixedClock } from '../../platform/time.js';
import { loadTrainingDataset, writeTrainingDataset } from '../../seed/generate-training.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { refreshCoverageCells } from './coverage-cells.service.js';

/**
 * The training module's personal data under SM4 (decision 0042, "The training module"): with
 * PII_ENCRYPTION=sm4 the stored 身份证号 and names are ciphertext, every key and join goes through
 * the keyed SM3 index, and the figures are those training.test.ts works out by hand for the same
 * registry in 闽侯县 (350121), as of 2026-06-30 (2026–2030 period, 90-day grace: due when started
 * on or before 2026-04-01). A second database, written with encryption off, is switched on in
 * place by `pii encrypt` and counts the same.
 */
const sm4 = createPiiCrypto(SM4_ENV);

/** A valid 身份证号 for person n (born 1980-01-n, Fuzhou), as training.test.ts builds them. */
function person(n: number): string {
  const first17 = `350102198001${String(n).padStart(2, '0')}${String(100 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}
const P = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`p${i + 1}`, person(i + 1)])) as Record<
  string,
  string
>;

interface Registry {
  app: TestApp;
  officer: Agent;
  A: number;
  B: number;
  creditA: string;
  certificate: string;
  /** The course serving team leaders and safety heads. */
  K2: number;
}

/**
 * The registry of training.test.ts in 闽侯县: A (建筑施工) p1 principal, p2 deputy, p3 and p4 team
 * leaders (p4 in grace, trained), p5 principal; B (危险化学品) p5 principal again (one post in the
 * county), p6 safety head, p1 team leader, p10 deputy in grace. Completions: K1 p1, K2 p3, K2 p4,
 * K1 p5 in 2022 (expired), K2 p6. Hand count: 8 posts, 7 due, 1 in grace, 4 trained = 57.14 %.
 */
async function buildRegistry(app: TestApp, n: number): Promise<Registry> {
  const officer = await app.signIn('fuzhou');
  const [j] = await app.db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, '350121'));
  const employer = async (name: string, industryCode: string, creditCode: string) => {
    const [row] = await app.db
      .insert(organisations)
      .values({ kind: 'employer', name, industryCode, creditCode, jurisdictionId: j?.id as number })
      .returning({ id: organisations.id });
    return row?.id as number;
  };
  const creditA = makeCreditCode('350121', 900 + n);
  const A = await employer(`闽侯加密建筑${n}有限公司`, '4710', creditA);
  const B = await employer(`闽侯加密化工${n}有限公司`, '2614', makeCreditCode('350121', 910 + n));
  const course = async (title: string, roleCodes: string[]) => {
    const res = await officer.post('/api/training/courses', {
      title,
      form: 'offline',
      roleCodes,
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 16,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const K1 = await course('负责人培训', ['principal', 'deputy']);
  const K2 = await course('班组长培训', ['team_leader', 'safety_health_head']);
  const hold = async (employerId: number, roleCode: string, p: string, startedOn: string) => {
    const res = await officer.post('/api/training/holders', {
      employerId,
      roleCode,
      personName: `人员${p}`,
      idNumber: P[p],
      startedOn,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  await hold(A, 'principal', 'p1', '2025-01-01');
  await hold(A, 'deputy', 'p2', '2025-01-01');
  await hold(A, 'team_leader', 'p3', '2025-01-01');
  await hold(A, 'team_leader', 'p4', '2026-06-01');
  await hold(A, 'principal', 'p5', '2025-06-01');
  await hold(B, 'principal', 'p5', '2025-03-01');
  await hold(B, 'safety_health_head', 'p6', '2025-03-01');
  await hold(B, 'team_leader', 'p1', '2025-05-01');
  await hold(B, 'deputy', 'p10', '2026-05-01');
  const complete = async (courseId: number, p: string, completedOn: string) => {
    const res = await officer.post('/api/training/completions', {
      courseId,
      personName: `人员${p}`,
      idNumber: P[p],
      completedOn,
      method: 'offline',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().certificateNumber as string;
  };
  const certificate = await complete(K1, 'p1', '2025-06-01');
  await complete(K2, 'p3', '2025-07-01');
  await complete(K2, 'p4', '2026-06-10');
  await complete(K1, 'p5', '2022-01-01');
  await complete(K2, 'p6', '2026-01-15');
  return { app, officer, A, B, creditA, certificate, K2 };
}

async function coverageOf(officer: Agent) {
  const res = await officer.get('/api/training/coverage?jurisdiction=350121');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().totals;
}

const HAND_COUNT = { posts: 8, due: 7, inGrace: 1, trained: 4, untrained: 3, coveragePct: 57.14 };

let plain: Registry;
let on: Registry;

beforeAll(async () => {
  // Written with encryption off first (to be switched on in place below).
  setPiiEnv({});
  plain = await buildRegistry(await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') }), 1);
  setPiiEnv(SM4_ENV);
  const app = await createTestApp({ clock: fixedClock('2026-06-30T04:00:00Z') });
  // The template was seeded with encryption off: its demo contacts are switched on as a deployment would.
  await encryptPersonData(app.db, {}, sm4);
  on = await buildRegistry(app, 2);
}, 180_000);

afterAll(async () => {
  await on?.app.close();
  await plain?.app.close();
  setPiiEnv({});
});

describe('the training module with PII_ENCRYPTION=sm4 (decision 0042)', () => {
  it('stores holders’ and completions’ 身份证号 and names as ciphertext beside the keyed SM3 index', async () => {
    const holders = rowsOf<{
      id_number: string;
      id_number_index: string;
      person_name: string;
      birth_date: string;
    }>(
      await on.app.db.execute(sql`select id_number, id_number_index, person_name, birth_date::text as birth_date
        from key_post_holders where employer_id in (${on.A}, ${on.B}) order by id`),
    );
    expect(holders).toHaveLength(9);
    const p1 = holders[0];
    // Read raw: not the number, not the name; the index is HMAC-SM3 (64 hex), not the number either.
    expect(p1?.id_number).toMatch(CIPHERTEXT);
    expect(p1?.person_name).toMatch(CIPHERTEXT);
    expect(p1?.id_number).not.toContain(P.p1);
    expect(sm4.decrypt(p1?.id_number ?? null)).toBe(P.p1);
    expect(sm4.decrypt(p1?.person_name ?? null)).toBe('人员p1');
    expect(p1?.id_number_index).toMatch(/^[0-9a-f]{64}$/);
    expect(p1?.id_number_index).toBe(sm4.index(P.p1 as string));
    expect(p1?.birth_date).toBe('1980-01-01');
    // p1 at A and at B: two ciphertexts (random IVs), one index.
    const p1AtB = holders[7];
    expect(sm4.decrypt(p1AtB?.id_number ?? null)).toBe(P.p1);
    expect(p1AtB?.id_number).not.toBe(p1?.id_number);
    expect(p1AtB?.id_number_index).toBe(p1?.id_number_index);
    expect(holders.every((h) => CIPHERTEXT.test(h.id_number) && CIPHERTEXT.test(h.person_name))).toBe(true);

    const completions = rowsOf<{ id_number: string; id_number_index: string; person_name: string }>(
      await on.app.db.execute(sql`select c.id_number, c.id_number_index, c.person_name from training_completions c
        join training_courses k on k.id = c.course_id where k.title in ('负责人培训', '班组长培训')
          and c.certificate_number = ${on.certificate}`),
    );
    expect(completions).toHaveLength(1);
    expect(completions[0]?.id_number).toMatch(CIPHERTEXT);
    expect(completions[0]?.person_name).toMatch(CIPHERTEXT);
    expect(completions[0]?.id_number_index).toBe(sm4.index(P.p1 as string));
  });

  it('counts coverage as by hand, from the raw rows and from the maintained cells', async () => {
    expect(await coverageOf(on.officer)).toEqual(HAND_COUNT);
    await refreshCoverageCells(on.app.db);
    expect(await coverageOf(on.officer)).toEqual(HAND_COUNT);
    // The gaps count each employer's own posts. A: p1 principal (trained), p2 deputy (due,
    // untrained), p3 (trained), p4 (trained in grace), p5 principal (expired, due): 5 due, 3 trained.
    const gaps = (
      await on.officer.get('/api/training/coverage/gaps?jurisdiction=350121&pageSize=200')
    ).json();
    const a = gaps.items.find((g: { employerId: number }) => g.employerId === on.A);
    expect(a).toMatchObject({ due: 5, trained: 3, untrainedByRole: { deputy: 1, principal: 1 } });
  });

  it('shows the holders decrypted to who may see them and masked to the rest; a whole 身份证号 finds its posts', async () => {
    const list = (
      await on.officer.get(`/api/training/holders?jurisdiction=350121&search=${P.p1}&pageSize=50`)
    ).json();
    expect(list.masked).toBe(false);
    // p1: principal at A, team leader at B; trained as a principal on 2025-06-01 (K1).
    expect(
      list.items.map(
        (h: { idNumber: string; personName: string; roleCode: string; trainedOn: string | null }) => [
          h.idNumber,
          h.personName,
          h.roleCode,
          h.trainedOn,
        ],
      ),
    ).toEqual([
      [P.p1, '人员p1', 'team_leader', null],
      [P.p1, '人员p1', 'principal', '2025-06-01'],
    ]);
  });

  it('imports holders by file, de-duplicating by the index: a registered post is unchanged, a repeated row refused', async () => {
    const csv = [
      '统一社会信用代码,岗位,姓名,身份证号,任职日期,离任日期',
      `${on.creditA},主要负责人,人员p1,${P.p1},2025-01-01,`,
      `${on.creditA},team_leader,人员p11,${P.p11?.toLowerCase()},2026-01-01,`,
      `${on.creditA},team_leader,人员p11,${P.p11},2026-01-01,`,
    ].join('\n');
    const res = await on.officer.request({
      method: 'POST',
      url: '/api/training/holders/import?fileName=holders.csv',
      headers: { 'content-type': 'application/octet-stream', 'accept-language': 'zh-CN' },
      payload: Buffer.from(csv),
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect({ ...result, rejected: result.rejected.map((r: { line: number }) => r.line) }).toEqual({
      rows: 3,
      added: 1,
      ended: 0,
      unchanged: 1,
      rejected: [4],
    });
    const [p11] = rowsOf<{ id_number: string; id_number_index: string }>(
      await on.app.db.execute(
        sql`select id_number, id_number_index from key_post_holders where id_number_index = ${sm4.index(P.p11 ?? '')}`,
      ),
    );
    expect(p11?.id_number).toMatch(CIPHERTEXT);
    // p11 (team leader at A since 2026-01-01: due, untrained) joins the count: 9 posts, 8 due, 4 trained.
    expect(await coverageOf(on.officer)).toEqual({
      posts: 9,
      due: 8,
      inGrace: 1,
      trained: 4,
      untrained: 4,
      coveragePct: 50,
    });
  });

  it('checks a certificate publicly: the name decrypted, then masked', async () => {
    const res = await on.app.app.inject({ method: 'GET', url: `/api/public/certificates/${on.certificate}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personName: '人***', status: 'valid', completedOn: '2025-06-01' });
  });

  it('stores a technical school’s students encrypted; a second student of one 身份证号 is refused by the index', async () => {
    const [j] = await on.app.db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350121'));
    const [school] = await on.app.db
      .insert(organisations)
      .values({ kind: 'technical_school', name: '闽侯加密技工学校', jurisdictionId: j?.id as number })
      .returning({ id: organisations.id });
    const created = await on.officer.post('/api/training/school-classes', {
      schoolId: school?.id,
      cohort: 2024,
      name: '数控2401班',
      courseId: on.K2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const classId = created.json().id as number;
    const add = (personName: string, idNumber: string) =>
      on.officer.post(`/api/training/school-classes/${classId}/students`, { personName, idNumber });
    expect((await add('陈一', P.p12 as string)).statusCode).toBe(201);
    // The same number again (lower-case x or not): the class's unique key is the index.
    const again = await add('陈一', (P.p12 as string).toLowerCase());
    expect([again.statusCode, again.json().fields?.[0]?.field]).toEqual([409, 'idNumber']);
    const [raw] = rowsOf<{ id_number: string; person_name: string; id_number_index: string }>(
      await on.app.db.execute(
        sql`select id_number, person_name, id_number_index from school_students where class_id = ${classId}`,
      ),
    );
    expect([CIPHERTEXT.test(raw?.id_number ?? ''), CIPHERTEXT.test(raw?.person_name ?? '')]).toEqual([
      true,
      true,
    ]);
    expect(raw?.id_number_index).toBe(sm4.index(P.p12 as string));
    const list = (await on.officer.get(`/api/training/school-classes/${classId}/students`)).json();
    expect(
      list.items.map((i: { personName: string; idNumber: string }) => [i.personName, i.idNumber]),
    ).toEqual([['陈一', P.p12]]);
  });

  it('the start-up check passes over the encrypted training tables', async () => {
    await expect(checkPersonDataEncryption(on.app.db, sm4)).resolves.toBeUndefined();
  });

  it('loads a generated dataset (plaintext files) as the services store persons', async () => {
    // The loader stages in temporary tables, which the PostgreSQL suite's app role may create.
    const outDir = await mkdtemp(path.join(tmpdir(), 'yufang-training-'));
    try {
      const files = await writeTrainingDataset({
        outDir,
        seed: 3,
        today: '2026-06-30',
        scale: { enterprises: 5, holders: 40, completions: 60 },
      });
      expect(files['training/holders.csv']).toBe(40);
      await loadTrainingDataset(on.app.database, path.join(outDir, 'training'));
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    const rows = rowsOf<{
      id_number: string;
      id_number_index: string;
      person_name: string;
      birth_date: string;
    }>(
      await on.app.db.execute(sql`select id_number, id_number_index, person_name, birth_date::text as birth_date
        from key_post_holders where created_by = 'generate'`),
    );
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      const number = sm4.decrypt(r.id_number) as string;
      expect([CIPHERTEXT.test(r.id_number), CIPHERTEXT.test(r.person_name)]).toEqual([true, true]);
      expect(r.id_number_index).toBe(sm4.index(number));
      expect(r.birth_date).toBe(`${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`);
      expect(sm4.decrypt(r.person_name)).toMatch(/^人员\d+$/);
    }
    const [completions] = rowsOf<{ n: number; plain: number }>(
      await on.app.db.execute(sql`select count(*)::int as n,
          count(*) filter (where id_number not like 'sm4:%' or person_name not like 'sm4:%')::int as plain
        from training_completions where recorded_by = 'generate'`),
    );
    expect(Number(completions?.n)).toBeGreaterThan(0);
    expect(Number(completions?.plain)).toBe(0);
    await expect(checkPersonDataEncryption(on.app.db, sm4)).resolves.toBeUndefined();
  });
});

describe('switching encryption on over a plaintext training registry', () => {
  it('the start refuses, `pii encrypt` converts holders and completions, and coverage counts the same', async () => {
    const [before] = rowsOf<{ id_number: string; id_number_index: string }>(
      await plain.app.db.execute(
        sql`select id_number, id_number_index from key_post_holders where employer_id = ${plain.A} order by id limit 1`,
      ),
    );
    // Written with encryption off: the number itself, and as its own lookup key.
    expect(before).toEqual({ id_number: P.p1, id_number_index: P.p1 });
    expect(await coverageOf(plain.officer)).toEqual(HAND_COUNT);
    await expect(checkPersonDataEncryption(plain.app.db, sm4)).rejects.toThrow(/still holds plaintext/);
    // 9 holders and 5 completions written here; no student, trainee or exam attempt.
    expect(await encryptPersonData(plain.app.db, { batchSize: 4 }, sm4)).toMatchObject({
      key_post_holders: 9,
      training_completions: 5,
      school_students: 0,
      project_trainees: 0,
      training_exam_attempts: 0,
    });
    expect(await encryptPersonData(plain.app.db, {}, sm4)).toMatchObject({
      key_post_holders: 0,
      training_completions: 0,
    });
    await expect(checkPersonDataEncryption(plain.app.db, sm4)).resolves.toBeUndefined();
    const [after] = rowsOf<{ id_number: string; id_number_index: string }>(
      await plain.app.db.execute(
        sql`select id_number, id_number_index from key_post_holders where employer_id = ${plain.A} order by id limit 1`,
      ),
    );
    expect(after?.id_number).toMatch(CIPHERTEXT);
    expect(after?.id_number_index).toBe(sm4.index(P.p1 as string));
    // The process's crypto is sm4 now (the second app configured it): the same hand count.
    expect(await coverageOf(plain.officer)).toEqual(HAND_COUNT);
  });
});
