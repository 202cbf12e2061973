import { and, eq, isNull } from 'drizzle-orm';
import { rosterMembers } from '../modules/joint-meeting/joint-meeting.tables.js';
import { proposeRosterChange } from '../modules/joint-meeting/roster-changes.service.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import type { Db } from '../platform/db/client.js';
import { addDays, today } from '../platform/time.js';
import { DEMO_MEMBER_ACCOUNT } from './demo-joint-meeting.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only, once, after the joint-meeting demo (its member account): 福建省应急管理厅 proposes
 * a successor to its member 景步喜, so Fujian's office (the `fujian` account) has a change request
 * awaiting confirmation on the roster page and in its inbox.
 */
export async function seedDemoRosterChanges(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-roster-changes:v1', async () => {
    const unit = await actorOf(db, DEMO_MEMBER_ACCOUNT.username);
    const [member] = await db
      .select({ id: rosterMembers.id })
      .from(rosterMembers)
      .innerJoin(jurisdictions, eq(jurisdictions.id, rosterMembers.jurisdictionId))
      .where(
        and(
          eq(jurisdictions.code, '350000'),
          eq(rosterMembers.personName, '景步喜'),
          isNull(rosterMembers.effectiveTo),
        ),
      );
    // The roster was changed by hand before this seed ran: nothing to propose against.
    if (!member) return;
    await proposeRosterChange(db, unit, member.id, {
      personName: '黄志坚',
      title: '规划财务处处长',
      phone: '0591-87703120',
      reason: '景步喜同志职务调整，由黄志坚同志接任省应急厅成员',
      effectiveDate: addDays(today(), -3),
    });
  });
}
