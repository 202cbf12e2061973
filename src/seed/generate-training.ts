import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import { buildJurisdictionSeeds } from '../modules/jurisdictions/jurisdictions.data.js';
import { computeCreditCodeCheckChar } from '../modules/organisations/credit-code.js';
import { birthDateOf, storePerson } from '../modules/training/person-data.js';
import type { BulkSession, Database } from '../platform/db/client.js';

/**
 * Province-scale training data (issue 14): key enterprises of the key industries, their key-post
 * holders under the 2026–2030 posts, and training completions, written as COPY-ready CSV files
 * (`npm run generate -- --training`) and bulk-loaded with COPY through staging tables
 * (loadTrainingDataset). Deterministic: the same seed and `today` give the same files.
 */
export interface TrainingScale {
  enterprises: number;
  /** Key-post holders in all (eight posts per enterprise: 1 principal, 1 deputy, 1 head, 5 team leaders). */
  holders: number;
  completions: number;
}
export const TRAINING_SCALES: Record<'demo' | 'province', TrainingScale> = {
  demo: { enterprises: 500, holders: 4_000, completions: 20_000 },
  province: { enterprises: 50_000, holders: 400_000, completions: 2_000_000 },
};

/** Industry classes of the key industries (危险化学品, 矿山, 建筑施工, 交通运输, 机械制造). */
const KEY_CLASSES = ['2614', '2661', '0610', '1011', '4710', '4851', '5430', '5810', '3411', '3670'];
const POSTS = ['principal', 'deputy', 'safety_health_head', ...Array(5).fill('team_leader')] as string[];
/** Courses: which posts each serves (the loader creates them in this order). */
export const GENERATED_COURSES: readonly string[][] = [
  ['principal', 'deputy'],
  ['safety_health_head'],
  ['team_leader'],
  ['principal', 'deputy', 'safety_health_head', 'team_leader'],
  ['team_leader', 'safety_health_head'],
  ...Array.from({ length: 11 }, () => ['principal', 'deputy', 'safety_health_head', 'team_leader']),
];
/** About this share of holders is trained: the completions are spread over them. */
const TRAINED_SHARE = 0.6;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
function dayFrom(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function write(out: WriteStream, line: string) {
  if (!out.write(line)) await once(out, 'drain');
}

/** Writes employers.csv, holders.csv and completions.csv for a province under `outDir/training`. */
export async function writeTrainingDataset(options: {
  outDir: string;
  seed: number;
  today: string;
  scale: TrainingScale;
  /** Two-digit province code (default Fujian, 35). */
  province?: string;
}): Promise<Record<string, number>> {
  const r = rng(options.seed * 7919 + 14);
  const dir = path.join(options.outDir, 'training');
  await fs.mkdir(dir, { recursive: true });
  const province = options.province ?? '35';
  const counties = buildJurisdictionSeeds()
    .filter((s) => s.level === 'county' && s.kind === 'gbt2260' && s.code.startsWith(province))
    .map((s) => s.code);
  if (counties.length === 0) throw new Error(`no counties of province ${province}`);
  const employers = createWriteStream(path.join(dir, 'employers.csv'));
  const holders = createWriteStream(path.join(dir, 'holders.csv'));
  const completions = createWriteStream(path.join(dir, 'completions.csv'));
  const { enterprises } = options.scale;
  const perEnterprise = Math.max(1, Math.round(options.scale.holders / enterprises));
  const completionsPerHolder = options.scale.completions / options.scale.holders;
  const yearStart = `${Number(options.today.slice(0, 4)) - 3}-01-01`;
  const spanDays = Math.round((Date.parse(options.today) - Date.parse(yearStart)) / 86_400_000);
  let person = 0;
  let certificate = 0;
  let completionRows = 0;
  let holderRows = 0;
  for (let e = 0; e < enterprises; e++) {
    const county = counties[Math.floor(r() * counties.length)] as string;
    const first17 = `91${county}MB${pad(e, 7)}`;
    const credit = first17 + computeCreditCodeCheckChar(first17);
    const industry = KEY_CLASSES[Math.floor(r() * KEY_CLASSES.length)] as string;
    await write(employers, `${credit},规模测试企业${e + 1},${industry},${county}\n`);
    // Some enterprises train everyone, some nobody; most in between (a share per enterprise).
    const share = r() < 0.1 ? 1 : r() < 0.1 ? 0 : 0.4 + r() * 0.5;
    for (let k = 0; k < perEnterprise && holderRows < options.scale.holders; k++) {
      person++;
      holderRows++;
      const birth = `19${pad(60 + Math.floor(r() * 40), 2)}${pad(1 + Math.floor(r() * 12), 2)}${pad(1 + Math.floor(r() * 28), 2)}`;
      const id17 = `${county}${birth}${pad(person % 1000, 3)}`;
      const id = id17 + computeIdCheckChar(id17);
      const started = dayFrom(
        '2018-01-01',
        Math.floor((r() * (Date.parse(options.today) - Date.parse('2018-01-01'))) / 86_400_000),
      );
      const ended = r() < 0.05 ? dayFrom(started, 1 + Math.floor(r() * 300)) : '';
      const role = POSTS[k % POSTS.length] as string;
      await write(
        holders,
        `${credit},${role},人员${person},${id},${started},${ended > options.today ? '' : ended}\n`,
      );
      // Completions: a trained person has a few, of different courses (one serving the post).
      const trained = r() < share;
      const n = trained ? Math.max(1, Math.round((completionsPerHolder / TRAINED_SHARE) * (0.5 + r()))) : 0;
      const serving = GENERATED_COURSES.map((c, i) => (c.includes(role) ? i : -1)).filter((i) => i >= 0);
      for (
        let c = 0;
        c < n && c < GENERATED_COURSES.length && completionRows < options.scale.completions;
        c++
      ) {
        const course =
          c === 0
            ? (serving[Math.floor(r() * serving.length)] as number)
            : (c + (serving[0] ?? 0)) % GENERATED_COURSES.length;
        const done = dayFrom(yearStart, Math.floor(r() * spanDays));
        const valid = dayFrom(done, 3 * 365 - 1);
        certificate++;
        completionRows++;
        await write(
          completions,
          `${course},${id},人员${person},${done},${valid},GEN${pad(certificate, 9)}\n`,
        );
      }
    }
  }
  for (const s of [employers, holders, completions]) {
    s.end();
    await once(s, 'finish');
  }
  return {
    'training/employers.csv': enterprises,
    'training/holders.csv': holderRows,
    'training/completions.csv': completionRows,
  };
}

async function copyFile(
  database: BulkSession,
  table: string,
  columns: string[],
  file: string,
  toRow: (cells: string[]) => string[] = (cells) => cells,
) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let chunk: string[] = [];
  for await (const line of lines) {
    // The generated cells hold no commas or quotes, nor does SM4 ciphertext (base64).
    chunk.push(toRow(line.split(',')).join(','));
    if (chunk.length >= 100_000) {
      await database.copyCsv(table, columns, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await database.copyCsv(table, columns, `${chunk.join('\n')}\n`);
}

/**
 * Loads a generated training dataset: COPY into staging tables, then one INSERT … SELECT per
 * table that resolves codes (county, credit code, post, course) to ids. The files hold plaintext;
 * persons are staged as the services store them (decision 0042): 身份证号 and name encrypted when
 * PII_ENCRYPTION=sm4, with the number's lookup key and the holder's birth date beside them.
 */
export async function loadTrainingDataset(database: Database, dir: string, planPeriod = '2026-2030') {
  // Temporary tables, dropped at commit: the app role may create those and nothing else
  // (decision 0019). On PostgreSQL the load is one transaction on a connection of its own, so
  // the staging tables live on the connection that fills and reads them; PGlite has one connection.
  if (database.ownTransaction)
    await database.ownTransaction((session) => loadStaged(session, dir, planPeriod, 'on commit drop'));
  else {
    // PGlite: each statement commits on its own, so the tables are dropped at the end.
    try {
      await loadStaged(database, dir, planPeriod, '');
    } finally {
      await database.db.execute(
        sql`drop table if exists stage_training_employers, stage_training_holders, stage_training_completions`,
      );
    }
  }
  await database.db.execute(sql`analyze organisations`);
  await database.db.execute(sql`analyze key_post_holders`);
  await database.db.execute(sql`analyze training_completions`);
}

async function loadStaged(database: BulkSession, dir: string, planPeriod: string, onCommit: string) {
  const { db } = database;
  await db.execute(
    sql`create temporary table stage_training_employers (credit_code text, name text, industry_code text, county text) ${sql.raw(onCommit)}`,
  );
  await db.execute(
    sql`create temporary table stage_training_holders (credit_code text, role_code text, person_name text, id_number text, id_number_index text, birth_date date, started_on date, ended_on date) ${sql.raw(onCommit)}`,
  );
  await db.execute(
    sql`create temporary table stage_training_completions (course_no int, id_number text, id_number_index text, person_name text, completed_on date, valid_until date, certificate text) ${sql.raw(onCommit)}`,
  );
  await copyFile(
    database,
    'stage_training_employers',
    ['credit_code', 'name', 'industry_code', 'county'],
    path.join(dir, 'employers.csv'),
  );
  await copyFile(
    database,
    'stage_training_holders',
    [
      'credit_code',
      'role_code',
      'person_name',
      'id_number',
      'id_number_index',
      'birth_date',
      'started_on',
      'ended_on',
    ],
    path.join(dir, 'holders.csv'),
    ([credit, role, name, id, ...dates]) => {
      const person = storePerson(id as string, name as string);
      return [
        credit as string,
        role as string,
        person.personName,
        person.idNumber,
        person.idNumberIndex,
        birthDateOf(id as string),
        ...dates,
      ];
    },
  );
  await copyFile(
    database,
    'stage_training_completions',
    [
      'course_no',
      'id_number',
      'id_number_index',
      'person_name',
      'completed_on',
      'valid_until',
      'certificate',
    ],
    path.join(dir, 'completions.csv'),
    ([course, id, name, ...rest]) => {
      const person = storePerson(id as string, name as string);
      return [course as string, person.idNumber, person.idNumberIndex, person.personName, ...rest];
    },
  );
  await db.execute(sql`
    insert into organisations (kind, name, credit_code, industry_code, jurisdiction_id)
    select 'employer', s.name, s.credit_code, s.industry_code, j.id
    from stage_training_employers s join jurisdictions j on j.code = s.county`);
  await db.execute(sql`
    insert into key_post_holders (employer_id, role_id, person_name, id_number, id_number_index, birth_date, started_on, ended_on, source, created_by)
    select o.id, r.id, s.person_name, s.id_number, s.id_number_index, s.birth_date, s.started_on, s.ended_on, 'import', 'generate'
    from stage_training_holders s join organisations o on o.credit_code = s.credit_code
    join training_roles r on r.code = s.role_code
    join plan_periods p on p.id = r.plan_period_id and p.code = ${planPeriod}
    on conflict do nothing`);
  const courseIds: number[] = [];
  for (const [i, roles] of GENERATED_COURSES.entries()) {
    const rows = (await db.execute(sql`
      insert into training_courses (jurisdiction_id, title, form, role_codes, industry_prefixes, content_items, hours, created_by)
      select id, ${`规模测试课程${i + 1}`}, 'online', ${JSON.stringify(roles)}::jsonb, '[]'::jsonb, '["policy"]'::jsonb, 8, 'generate'
      from jurisdictions where code = '350000' returning id`)) as unknown as { rows: { id: number }[] };
    courseIds.push(Number(rows.rows[0]?.id));
  }
  await db.execute(sql`
    insert into training_completions (course_id, id_number, id_number_index, person_name, completed_on, hours, method, certificate_number, valid_until, recorded_by)
    select ((array[${sql.join(
      courseIds.map((id) => sql`${id}`),
      sql`, `,
    )}])::int[])[s.course_no + 1], s.id_number, s.id_number_index, s.person_name,
      s.completed_on, 8, 'online', s.certificate, s.valid_until, 'generate'
    from stage_training_completions s
    on conflict do nothing`);
}
