import { eq } from 'drizzle-orm';
import { listMonitoredEmployers } from '../modules/enterprises/ledger.service.js';
import * as inspections from '../modules/joint-meeting/inspections.service.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import type { Db } from '../platform/db/client.js';
import { addDays, now as clockNow, today } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/**
 * Demo mode only, once: a joint inspection of Fuzhou (应急 and 卫健) last month of employers on its
 * monitoring list. One employer has a hazard turned into a rectification already past its deadline,
 * another has no finding yet (gaps the page shows in red).
 */
export async function seedDemoInspections(db: Db, now = clockNow()): Promise<boolean> {
  return runSeedOnce(db, 'demo-inspections:v1', async () => {
    const officer = await actorOf(db, 'fuzhou');
    const unitId = async (name: string) =>
      (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]
        ?.id;
    const [emergency, health] = await Promise.all([
      unitId('福州市应急管理局'),
      unitId('福州市卫生健康委员会'),
    ]);
    if (!emergency || !health) return;
    const monitored = await listMonitoredEmployers(db, officer, {
      jurisdiction: '350100',
      page: 1,
      pageSize: 3,
    });
    if (monitored.items.length === 0) return;
    const day = today(now);
    const plan = await inspections.planInspection(
      db,
      officer,
      {
        jurisdictionCode: '350100',
        title: '重点监控企业联合检查',
        startsOn: addDays(day, -30),
        endsOn: addDays(day, -25),
        memberUnitIds: [emergency, health],
        employers: monitored.items.map((e) => ({ employerId: e.id, source: 'monitoring' as const })),
      },
      now,
    );
    const [first] = plan.employers;
    if (!first) return;
    const hazard = await inspections.recordFinding(
      db,
      officer,
      plan.id,
      {
        employerId: first.id,
        unitId: emergency,
        checklist: [
          { code: 'hazard_register', isMet: false, note: '未建立台账' },
          { code: 'permits', isMet: true },
          { code: 'drills', isMet: false },
        ],
        finding: '未建立隐患排查治理台账，应急演练记录缺失',
        isHazard: true,
      },
      now,
    );
    await inspections.recordFinding(
      db,
      officer,
      plan.id,
      {
        employerId: first.id,
        unitId: health,
        checklist: [{ code: 'ppe', isMet: true }],
        finding: '个人防护用品配备齐全',
        isHazard: false,
      },
      now,
    );
    // Issued with a deadline that has passed since: the rectifications board shows it overdue.
    await inspections.issueRectificationFromFinding(
      db,
      officer,
      hazard.id,
      {
        suggestion: '15 日内建立隐患排查治理台账并组织演练',
        deadline: addDays(day, -5),
        responsibleOrganisationId: emergency,
      },
      new Date(now.getTime() - 20 * 86_400_000),
    );
  });
}
