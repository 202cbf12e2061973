import { eq } from 'drizzle-orm';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import * as finance from '../modules/projects/finance.service.js';
import { users } from '../modules/users/users.tables.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Db } from '../platform/db/client.js';
import { currentYear } from '../platform/time.js';
import { DEMO_PASSWORD } from './demo.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/** The demo's finance officer of 福州市财政局 (approves Fuzhou's budget, PP-1). */
export const DEMO_FINANCE_ACCOUNT = { username: 'fzcz', displayName: '福州市财政局社保处' };

/**
 * Demo mode only, once, after the projects demo: Fuzhou's finance officer, and this year's budget
 * submitted to the finance unit and still awaiting its approval (a gap the finance page shows).
 */
export async function seedDemoFinance(db: Db, year = currentYear()): Promise<boolean> {
  return runSeedOnce(db, 'demo-finance:v1', async () => {
    const [fuzhou] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
    const [unit] = await db.select().from(organisations).where(eq(organisations.name, '福州市财政局'));
    if (!fuzhou || !unit) return;
    await db
      .insert(users)
      .values({
        username: DEMO_FINANCE_ACCOUNT.username,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        displayName: DEMO_FINANCE_ACCOUNT.displayName,
        role: 'member_officer',
        jurisdictionId: fuzhou.id,
        organisationId: unit.id,
      })
      .onConflictDoNothing();
    const officer = await actorOf(db, 'fuzhou');
    const chain = await finance.getFinanceChain(db, officer, '350100', year);
    if (!chain.budget.isSet) return;
    await finance.submitBudget(db, officer, '350100', year, {
      proposalNote: `${year - 1} 年度工伤预防费执行率与项目验收情况见附表；本年度重点领域为建筑施工、危险化学品和职业病防治。`,
      reason: '市联席会议审定后报送',
    });
  });
}
