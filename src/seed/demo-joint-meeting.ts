import { eq } from 'drizzle-orm';
import { latestInjuryYear } from '../modules/facts/facts.service.js';
import { createActionItem } from '../modules/joint-meeting/action-items.service.js';
import {
  approveMinutes,
  createMeeting,
  holdMeeting,
  saveMinutes,
  scheduleMeeting,
} from '../modules/joint-meeting/meetings.service.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { users } from '../modules/users/users.tables.js';
import type { Actor } from '../platform/auth/actor.js';
import { hashPassword } from '../platform/auth/password.js';
import { permissionsOf } from '../platform/auth/permissions.js';
import type { Db } from '../platform/db/client.js';
import { addDays, now as clockNow, currentYear, today } from '../platform/time.js';
import { DEMO_PASSWORD } from './demo.js';
import { runSeedOnce } from './reference.js';

/** A member officer of 福建省应急管理厅 (demo only), to see a unit's own action items. */
export const DEMO_MEMBER_ACCOUNT = { username: 'fjyjt', displayName: '福建省应急管理厅联络员' };

const DAY = 86_400_000;

/**
 * Demo mode only, once: a held meeting of 福建省 with approved minutes and two action items (one
 * past its deadline), so the joint-meeting pages are not empty. Runs through the services, so
 * the standing reports are frozen from the demo exchange data like any held meeting's.
 */
export async function seedDemoJointMeeting(db: Db, now = clockNow()): Promise<boolean> {
  return runSeedOnce(db, 'demo-joint-meeting:v1', async () => {
    const [fujian] = await db
      .select({ user: users, j: jurisdictions })
      .from(users)
      .innerJoin(jurisdictions, eq(jurisdictions.id, users.jurisdictionId))
      .where(eq(users.username, 'fujian'));
    if (!fujian) throw new Error('demo joint meeting: the fujian account is not loaded');
    const unit = async (name: string) => {
      const [row] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, name));
      if (!row) throw new Error(`demo joint meeting: ${name} is not loaded`);
      return row.id;
    };
    const emergency = await unit('福建省应急管理厅');
    const health = await unit('福建省卫生健康委员会');
    await db
      .insert(users)
      .values({
        username: DEMO_MEMBER_ACCOUNT.username,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        displayName: DEMO_MEMBER_ACCOUNT.displayName,
        role: 'member_officer',
        jurisdictionId: fujian.j.id,
        organisationId: emergency,
      })
      .onConflictDoNothing();
    const actor: Actor = {
      userId: fujian.user.id,
      username: fujian.user.username,
      displayName: fujian.user.displayName,
      role: fujian.user.role,
      permissions: permissionsOf(fujian.user.role),
      jurisdictionId: fujian.j.id,
      jurisdictionCode: fujian.j.code,
      jurisdictionPath: fujian.j.path,
      organisationId: fujian.user.organisationId,
      sessionId: 'demo-seed',
      mustChangePassword: false,
      csrfToken: '',
      ip: '127.0.0.1',
      userAgent: 'demo-seed',
    };
    const latest = (await latestInjuryYear(db, 'occurred')) ?? currentYear(now) - 1;
    // The meeting took place 60 days ago; the services are given that day as "today".
    const heldAt = new Date(now.getTime() - 60 * DAY);
    // It reviews the last whole year before it (the demo data run into the current year).
    const reportYear = Math.min(latest, currentYear(heldAt) - 1);
    const meeting = await createMeeting(
      db,
      actor,
      {
        jurisdictionCode: fujian.j.code,
        kind: 'regular',
        title: `福建省工伤预防工作联席会议${currentYear(heldAt)}年度例会`,
        reportYear,
        plannedOn: today(heldAt),
        location: '省人社厅会议室',
        topics: ['研究确定重点领域和重点项目', '工伤预防数据共享工作'],
        reason: '演示数据',
      },
      heldAt,
    );
    await scheduleMeeting(db, actor, meeting.id, { reason: '演示数据' }, heldAt);
    await holdMeeting(
      db,
      actor,
      meeting.id,
      {
        heldOn: today(heldAt),
        attendance: meeting.participants.map((p) => ({
          organisationId: p.organisationId,
          attendance: 'present',
        })),
      },
      heldAt,
    );
    await saveMinutes(
      db,
      actor,
      meeting.id,
      {
        minutes:
          '会议听取了工伤发生和工伤预防费使用情况、职业病发生情况、安全生产事故情况的通报，研究了下一年度工伤预防重点领域和重点项目，部署了数据共享和隐患整改工作。',
        decisions: [
          '省应急厅牵头开展建筑施工领域事故隐患专项排查',
          '省卫健委组织尘肺病易发高发行业职业健康检查',
        ],
      },
      heldAt,
    );
    await createActionItem(
      db,
      actor,
      meeting.id,
      {
        organisationId: emergency,
        title: '开展建筑施工领域事故隐患专项排查并报送结果',
        deadline: addDays(today(now), -10),
      },
      heldAt,
    );
    await createActionItem(
      db,
      actor,
      meeting.id,
      {
        organisationId: health,
        title: '组织尘肺病易发高发行业职业健康检查',
        deadline: addDays(today(now), 30),
      },
      heldAt,
    );
    await approveMinutes(db, actor, meeting.id, { reason: '演示数据' }, heldAt);
  });
}
