import { sql } from 'drizzle-orm';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import { refreshCoverageCells } from '../modules/training/coverage-cells.service.js';
import { storePerson } from '../modules/training/person-data.js';
import { trainingProviderEvents, trainingProviders } from '../modules/training/providers.tables.js';
import {
  internshipPlacements,
  schoolAssessments,
  schoolClasses,
  schoolStudents,
} from '../modules/training/schools.tables.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { addDays, today } from '../platform/time.js';
import { runSeedOnce } from './reference.js';

const NAMES = [
  '陈晓东',
  '林雨婷',
  '黄志远',
  '吴佳琪',
  '郑浩然',
  '王思雨',
  '刘子轩',
  '张梦瑶',
  '李俊杰',
  '赵欣怡',
];

/**
 * Demo mode only: technical schools with classes, students and pre-internship assessments (one
 * school fully assessed, one behind, one with nobody assessed), and the recommended list's
 * applications in every state (listed, awaiting review, rejected, removed with a reason). Then the
 * coverage cells are built for today.
 */
export async function seedDemoTrainingExtras(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-training-extras:v1', async () => {
    const asOf = today();
    const [course] = rowsOf<{ id: number }>(
      await db.execute(sql`select k.id from training_courses k join jurisdictions j on j.id = k.jurisdiction_id
        where j.code like '35%' order by k.id limit 1`),
    );
    const counties = rowsOf<{ id: number; code: string }>(
      await db.execute(sql`select id, code from jurisdictions where code in ('350102', '350103', '350203')`),
    );
    const countyId = (code: string) => Number(counties.find((c) => c.code === code)?.id);
    if (!course || counties.length < 3) return;
    const schools = [
      { name: '福建省工业技师学院（演示）', county: '350102', assessed: 1, passRate: 1 },
      { name: '福州机电工程职业技术学校（演示）', county: '350103', assessed: 0.8, passRate: 0.7 },
      { name: '厦门技师学院（演示）', county: '350203', assessed: 0, passRate: 0 },
    ];
    let person = 0;
    for (const [s, school] of schools.entries()) {
      const [org] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into organisations (kind, name, jurisdiction_id)
          values ('technical_school', ${school.name}, ${countyId(school.county)}) returning id`),
      );
      for (const [c, name] of ['数控技术2501班', '电气自动化2501班'].entries()) {
        const [cls] = await db
          .insert(schoolClasses)
          .values({
            schoolId: Number(org?.id),
            cohort: 2025,
            name,
            major: name.replace(/\d+班$/, ''),
            courseId: course.id,
            createdBy: 'demo',
          })
          .returning({ id: schoolClasses.id });
        for (let i = 0; i < 10; i++) {
          person++;
          const first17 = `${school.county}2008${String(1 + (i % 12)).padStart(2, '0')}${String(10 + s + c).padStart(2, '0')}${String(person).padStart(3, '0')}`;
          const [student] = await db
            .insert(schoolStudents)
            .values({
              classId: Number(cls?.id),
              ...storePerson(
                first17 + computeIdCheckChar(first17),
                NAMES[(i + s + c) % NAMES.length] as string,
              ),
              createdBy: 'demo',
            })
            .returning({ id: schoolStudents.id });
          if (i >= school.assessed * 10) continue;
          const isPassed = i < school.passRate * 10;
          const assessedOn = addDays(asOf, -60 + i);
          await db.insert(schoolAssessments).values({
            studentId: Number(student?.id),
            assessedOn,
            score: isPassed ? 70 + i * 2 : 45 + i,
            passMark: 60,
            isPassed,
            recordedBy: 'demo',
          });
          if (isPassed && i % 2 === 0)
            await db.insert(internshipPlacements).values({
              studentId: Number(student?.id),
              hostName: '福州演示机械制造有限公司',
              startsOn: addDays(assessedOn, 20),
              recordedBy: 'demo',
            });
        }
      }
    }
    const providers = [
      { name: '福建安全生产培训中心（演示）', kind: 'institution', status: 'listed', reason: null },
      { name: '八闽工伤预防在线学堂（演示）', kind: 'online_platform', status: 'listed', reason: null },
      { name: '榕城职业技能培训学校（演示）', kind: 'institution', status: 'applied', reason: null },
      {
        name: '某某网络课堂（演示）',
        kind: 'online_platform',
        status: 'rejected',
        reason: '无网络安全等级保护备案',
      },
      {
        name: '闽南安全培训服务部（演示）',
        kind: 'institution',
        status: 'removed',
        reason: '培训签到记录弄虚作假',
      },
    ] as const;
    const aspect = (ok: boolean, note: string) => ({ isAcceptable: ok, note });
    for (const p of providers) {
      const county = p.name.startsWith('闽南') ? '350203' : '350102';
      const [org] = rowsOf<{ id: number }>(
        await db.execute(sql`insert into organisations (kind, name, jurisdiction_id)
          values ('training_institution', ${p.name}, ${countyId(county)}) returning id`),
      );
      const reviewed = p.status !== 'applied';
      const [row] = await db
        .insert(trainingProviders)
        .values({
          organisationId: Number(org?.id),
          jurisdictionId: countyId(county),
          kind: p.kind,
          services:
            p.kind === 'institution'
              ? '重点行业企业负责人、班组长工伤预防线下培训'
              : '工伤预防线上课程与考试',
          url: p.kind === 'online_platform' ? 'https://example.org/yufang-demo' : null,
          qualifications: '演示资质证明',
          status: p.status,
          review: reviewed
            ? {
                qualification: aspect(
                  p.status !== 'rejected',
                  p.status === 'rejected' ? '缺少备案' : '资质有效',
                ),
                reputation: aspect(true, '近三年无不良记录'),
                service: aspect(true, '师资与课程合格'),
              }
            : null,
          reviewedBy: reviewed ? 'fujian' : null,
          reviewedAt: reviewed ? sql`now() - interval '30 days'` : null,
          listedAt: p.status === 'listed' || p.status === 'removed' ? sql`now() - interval '30 days'` : null,
          removedAt: p.status === 'removed' ? sql`now() - interval '5 days'` : null,
          reason: p.reason,
          appliedBy: 'demo',
        })
        .returning({ id: trainingProviders.id });
      await db
        .insert(trainingProviderEvents)
        .values({ providerId: Number(row?.id), action: 'apply', actor: 'demo' });
    }
    await refreshCoverageCells(db);
  });
}
