import { eq, sql } from 'drizzle-orm';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { birthDateOf, storePerson } from '../modules/training/person-data.js';
import {
  keyPostHolders,
  trainingCompletions,
  trainingCourses,
  trainingRoles,
} from '../modules/training/training.tables.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { addDays, addYears, today } from '../platform/time.js';
import { runSeedOnce } from './reference.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海峰',
  '振华',
  '玉梅',
  '国栋',
  '晓燕',
  '明辉',
  '春生',
  '桂兰',
];

/** A deterministic sequence in [0, 1) from a seed (so the demo is the same on every machine). */
function sequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Demo mode only: courses in Fujian and Jilin, the key posts of the key enterprises registered, and
 * training records so that coverage differs by county — some fully trained (green), most behind, a
 * few enterprises with nobody registered, newcomers in their grace period, expired records.
 * 闽侯县 and 连江县 stay empty: the training tests build their own registry there.
 */
export async function seedDemoTraining(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-training:v1', async () => {
    const asOf = today();
    const [period] = rowsOf<{ id: number }>(
      await db.execute(
        sql`select id from plan_periods where ${Number(asOf.slice(0, 4))} between start_year and end_year`,
      ),
    );
    if (!period) return;
    const roles = await db.select().from(trainingRoles).where(eq(trainingRoles.planPeriodId, period.id));
    const employers = rowsOf<{ id: number; code: string; province: string }>(
      await db.execute(sql`
        select o.id, j.code, substr(j.code, 1, 2) as province
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'employer' and j.code not in ('350121', '350122')
          and exists (select 1 from key_industries k cross join lateral jsonb_array_elements_text(k.industry_prefixes) p(prefix)
                      where k.plan_period_id = ${period.id} and k.category = 'key' and k.jurisdiction_id is null
                        and o.industry_code like p.prefix || '%')
        order by o.id limit 240`),
    );
    const provinceOf = async (code: string) => {
      const [row] = await db
        .select({ id: jurisdictions.id })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, code));
      return row?.id;
    };
    const fujian = await provinceOf('350000');
    const jilin = await provinceOf('220000');
    if (!fujian || !jilin) return;
    const all = roles.map((r) => r.code);
    const leaders = all.filter((c) => c !== 'team_leader');
    const courses = await db
      .insert(trainingCourses)
      .values([
        {
          jurisdictionId: fujian,
          title: '重点行业企业负责人工伤预防能力提升培训',
          form: 'mixed',
          roleCodes: leaders,
          contentItems: ['policy', 'accident_prevention', 'warning_education'],
          hours: '16',
          createdBy: 'demo',
        },
        {
          jurisdictionId: fujian,
          title: '一线班组长工伤预防实操培训',
          form: 'offline',
          roleCodes: ['team_leader'],
          contentItems: ['accident_prevention', 'warning_education', 'occupational_health'],
          hours: '12',
          createdBy: 'demo',
        },
        {
          jurisdictionId: jilin,
          title: '吉林省重点岗位人员工伤预防网络培训',
          form: 'online',
          roleCodes: all,
          contentItems: ['policy', 'accident_prevention', 'warning_education'],
          hours: '8',
          createdBy: 'demo',
        },
      ])
      .returning({ id: trainingCourses.id });
    const [leaderCourse, teamCourse, jilinCourse] = courses.map((c) => c.id) as [number, number, number];
    const random = sequence(20261206);
    // Each county gets its own share trained: some full, most partial.
    const shareOf = new Map<string, number>();
    const share = (code: string) => {
      if (!shareOf.has(code)) shareOf.set(code, random() < 0.25 ? 1 : 0.35 + random() * 0.55);
      return shareOf.get(code) as number;
    };
    let serial = 0;
    const holders: (typeof keyPostHolders.$inferInsert)[] = [];
    const completions: (typeof trainingCompletions.$inferInsert)[] = [];
    for (const employer of employers) {
      // One enterprise in eight has registered nobody yet: the registry itself is the gap.
      if (random() < 0.125) continue;
      const posts = [...all, 'team_leader'];
      for (const code of posts) {
        const role = roles.find((r) => r.code === code);
        if (!role) continue;
        serial += 1;
        const birth = `19${70 + (serial % 25)}0${1 + (serial % 9)}${String(10 + (serial % 18)).padStart(2, '0')}`;
        const first17 = `${employer.code}${birth}${String(serial % 1000).padStart(3, '0')}`;
        const idNumber = first17 + computeIdCheckChar(first17);
        const personName = `${SURNAMES.charAt(serial % SURNAMES.length)}${GIVEN[serial % GIVEN.length]}`;
        // A newcomer in one post of ten, the rest in post for up to four years.
        const isNew = random() < 0.1;
        const startedOn = addDays(
          asOf,
          -(isNew ? Math.floor(random() * 60) : 120 + Math.floor(random() * 1300)),
        );
        holders.push({
          employerId: employer.id,
          roleId: role.id,
          // Stored as the services store it: ciphertext when PII_ENCRYPTION=sm4 (decision 0042).
          ...storePerson(idNumber, personName),
          birthDate: birthDateOf(idNumber),
          startedOn,
          source: 'import',
          createdBy: 'demo',
        });
        if (random() >= share(employer.code)) continue;
        // Trained: mostly within validity, a few long ago (expired, so no longer counted).
        const expired = random() < 0.08;
        const completedOn = addDays(
          asOf,
          -(expired ? 1200 + Math.floor(random() * 300) : 10 + Math.floor(random() * 700)),
        );
        const course =
          employer.province === '22' ? jilinCourse : code === 'team_leader' ? teamCourse : leaderCourse;
        completions.push({
          courseId: course,
          ...storePerson(idNumber, personName),
          employerId: employer.id,
          completedOn,
          hours: course === jilinCourse ? '8' : code === 'team_leader' ? '12' : '16',
          method: course === jilinCourse ? 'online' : 'offline',
          certificateNumber: `PX${completedOn.slice(0, 4)}${employer.code}D${String(serial).padStart(6, '0')}`,
          validUntil: addDays(addYears(completedOn, 3), -1),
          recordedBy: 'demo',
        });
      }
    }
    await db.transaction(async (tx) => {
      for (let i = 0; i < holders.length; i += 500)
        await tx.insert(keyPostHolders).values(holders.slice(i, i + 500));
      for (let i = 0; i < completions.length; i += 500)
        await tx.insert(trainingCompletions).values(completions.slice(i, i + 500));
    });
  });
}
