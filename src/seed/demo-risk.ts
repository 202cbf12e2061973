import { and, desc, eq, gte, like, sql } from 'drizzle-orm';
import { issueRectification } from '../modules/joint-meeting/rectifications.service.js';
import { rectifications } from '../modules/joint-meeting/workflow.tables.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { recomputeRiskScores } from '../modules/risk/risk.service.js';
import { riskScores } from '../modules/risk/risk.tables.js';
import type { Db } from '../platform/db/client.js';
import { currentYear, now } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/** Per province: the officer who issues, the unit that monitors occupational hazards. */
const PROVINCES = [
  { prefix: '35', officer: 'fujian', code: '350000', unit: '福建省卫生健康委员会' },
  { prefix: '22', officer: 'jilin', code: '220000', unit: '吉林省卫生健康委员会' },
] as const;

/** Employers per province whose repeated cases the demo pairs with over-limit hazard factors. */
const FLAGGED_PER_PROVINCE = 2;

/**
 * Demo mode only: the enterprise risk index (AN-5) computed over the demo data for last year and
 * this year (the credibility fitted over three years where one is not enough, decision 0035), so
 * the risk page shows every colour from the start (imports then keep it current). The two employers
 * of each province with repeated injury determinations last year and the highest index also had
 * two over-limit hazard factors found by last autumn's occupational monitoring (卫健委), their
 * rectifications overdue and still open: they turn red, the rest stay green, yellow or orange as
 * their own figures make them. A first score raises no alert; the flagged employers' recomputation
 * raises the grade-worsened alerts the ledger and the 人社 inbox show.
 */
export async function seedDemoRisk(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-risk:v2', async () => {
    const year = currentYear();
    const last = year - 1;
    for (const y of [last, year]) await recomputeRiskScores(db, { year: y, employerIds: null, now: now() });
    // Monitoring in last November, rectification due by 1 December and never closed.
    const issuedAt = new Date(`${last}-11-02T02:00:00Z`);
    const deadline = `${last}-12-01`;
    const flagged: number[] = [];
    for (const p of PROVINCES) {
      const [unit] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.name, p.unit));
      if (!unit) continue;
      const officer = await actorOf(db, p.officer);
      const worst = await db
        .select({ employerId: riskScores.employerId })
        .from(riskScores)
        .innerJoin(organisations, eq(organisations.id, riskScores.employerId))
        .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
        .where(
          and(
            eq(riskScores.year, last),
            like(jurisdictions.code, `${p.prefix}%`),
            gte(sql<number>`(${riskScores.components}->'inputs'->>'cases')::int`, 2),
          ),
        )
        .orderBy(desc(riskScores.score), riskScores.employerId)
        .limit(FLAGGED_PER_PROVINCE);
      for (const { employerId } of worst) {
        for (const f of [
          { factorName: '矽尘（总尘）', measuredValue: '2.6 mg/m³', limitValue: '1 mg/m³' },
          { factorName: '噪声', measuredValue: '92 dB(A)', limitValue: '85 dB(A)' },
        ]) {
          const issued = await issueRectification(
            db,
            officer,
            {
              jurisdictionCode: p.code,
              employerId,
              findingKind: 'over_limit_factor',
              finding: `职业病危害因素定期检测：${f.factorName}超标`,
              ...f,
              suggestion: '采取工程防护措施并复测，为接害岗位配发合格防护用品',
              deadline,
              responsibleOrganisationId: unit.id,
            },
            issuedAt,
          );
          // The row records when it was entered; the demo's monitoring took place last autumn.
          await db
            .update(rectifications)
            .set({ createdAt: issuedAt })
            .where(eq(rectifications.id, issued.id));
        }
        flagged.push(employerId);
      }
    }
    for (const y of [last, year])
      await recomputeRiskScores(db, { year: y, employerIds: flagged, now: now() });
  });
}
