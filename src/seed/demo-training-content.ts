import { sql } from 'drizzle-orm';
import { trainingQuestions } from '../modules/training/exams.tables.js';
import { trainingSessionAttendees, trainingSessions } from '../modules/training/sessions.tables.js';
import { trainingSegments } from '../modules/training/study.tables.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { addDays, today } from '../platform/time.js';
import { runSeedOnce } from './reference.js';

const SEGMENTS = [
  { title: '第一章 工伤保险与工伤预防政策解读', durationSeconds: 900 },
  { title: '第二章 典型事故案例警示教育', durationSeconds: 1200 },
  { title: '第三章 岗位风险辨识与隐患排查', durationSeconds: 900 },
];

/** A small bank per online course: single, multiple choice and true/false (answers: option indexes). */
const QUESTIONS: {
  kind: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: string[];
  answer: number[];
}[] = [
  {
    kind: 'single',
    stem: '工伤预防费的使用比例一般不超过上年度工伤保险基金征缴收入的多少？',
    options: ['3%', '5%', '10%', '20%'],
    answer: [0],
  },
  {
    kind: 'single',
    stem: '班组长每天上岗前应组织的活动是？',
    options: ['班前安全讲话', '绩效考核', '产量评比', '设备采购'],
    answer: [0],
  },
  {
    kind: 'single',
    stem: '发生生产安全事故后，现场人员首先应当？',
    options: ['立即报告并组织救援', '保护个人财物', '离开现场不报告', '等待次日处理'],
    answer: [0],
  },
  {
    kind: 'multiple',
    stem: '工伤预防费可用于下列哪些项目？',
    options: ['工伤预防宣传', '工伤预防培训', '职工奖金', '企业招待费'],
    answer: [0, 1],
  },
  {
    kind: 'multiple',
    stem: '建筑施工中常见的事故类型包括？',
    options: ['高处坠落', '物体打击', '坍塌', '股票亏损'],
    answer: [0, 1, 2],
  },
  {
    kind: 'true_false',
    stem: '用人单位应当为职工缴纳工伤保险费，职工个人不缴纳。',
    options: ['正确', '错误'],
    answer: [0],
  },
  {
    kind: 'true_false',
    stem: '粉尘作业岗位可以不佩戴防尘口罩。',
    options: ['正确', '错误'],
    answer: [1],
  },
  {
    kind: 'true_false',
    stem: '重点岗位人员离岗后，新任人员应在宽限期内完成培训。',
    options: ['正确', '错误'],
    answer: [0],
  },
];

/**
 * Demo mode only: the online courses' segments and question banks (so a demo learner can study and
 * sit the exam), and an offline session of the team leaders' course in ten days with its roster
 * (Fuzhou's team leaders), not yet attended.
 */
export async function seedDemoTrainingContent(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-training-content:v1', async () => {
    const courses = rowsOf<{ id: number; form: string; title: string }>(
      await db.execute(
        sql`select id, form, title from training_courses where created_by = 'demo' order by id`,
      ),
    );
    const online = courses.filter((c) => c.form !== 'offline');
    const offline = courses.find((c) => c.form === 'offline');
    await db.transaction(async (tx) => {
      for (const course of online) {
        await tx
          .insert(trainingSegments)
          .values(SEGMENTS.map((s, i) => ({ courseId: course.id, seq: i + 1, ...s, createdBy: 'demo' })));
        await tx
          .insert(trainingQuestions)
          .values(QUESTIONS.map((q) => ({ courseId: course.id, ...q, points: 1, createdBy: 'demo' })));
      }
      if (!offline) return;
      const [session] = await tx
        .insert(trainingSessions)
        .values({
          courseId: offline.id,
          heldOn: addDays(today(), 10),
          place: '福州市工伤预防培训中心（鼓楼区）',
          hours: '12',
          createdBy: 'demo',
        })
        .returning({ id: trainingSessions.id });
      const holders = rowsOf<{ id: number }>(
        await tx.execute(sql`
          select h.id from key_post_holders h
          join training_roles r on r.id = h.role_id and r.code = 'team_leader'
          join organisations o on o.id = h.employer_id
          join jurisdictions j on j.id = o.jurisdiction_id
          where j.code like '3501%' and h.ended_on is null
          order by h.id limit 15`),
      );
      if (session && holders.length > 0)
        await tx
          .insert(trainingSessionAttendees)
          .values(holders.map((h) => ({ sessionId: session.id, holderId: Number(h.id), addedBy: 'demo' })));
    });
  });
}
