import { eq, sql } from 'drizzle-orm';
import { injuryFacts } from '../modules/facts/counting.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { submitAppeal } from '../modules/rates/appeals.service.js';
import {
  EXAMPLE_RULE_SETS,
  NATIONAL_BASE_RATES_BP,
  RISK_CLASS_BY_DIVISION,
} from '../modules/rates/rates.data.js';
import { runRating } from '../modules/rates/rating.service.js';
import { adoptRuleSet, draftRuleSet, reviewRuleSet } from '../modules/rates/rule-sets.service.js';
import { users } from '../modules/users/users.tables.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { now as clockNow, currentYear } from '../platform/time.js';
import { DEMO_PASSWORD } from './demo.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/** Demo accounts of premium-rate floating: 福建省财政厅 reviews rule sets; an employer reads its notice. */
export const DEMO_RATES_ACCOUNTS = {
  finance: { username: 'fjczt', displayName: '福建省财政厅社保处', organisation: '福建省财政厅' },
  employer: {
    username: 'rcjz',
    displayName: '福州榕城建筑工程有限公司',
    organisation: '福州榕城建筑工程有限公司',
  },
} as const;

/**
 * Demo mode only, once: each insured employer's contributions and benefits (单位缴费与待遇) for the
 * whole years of the demo data, derived from its headcount (wage bill 80,000 yuan a person) and its
 * injuries' fund expenditure, with gaps — a year missing for about one employer in 37, a recent
 * insurance start for one in 23, arrears for one in 29; Fujian's example A adopted after 福建省财政厅's
 * review, example B drafted for simulation; Fuzhou rated for this year, one appeal open. Jilin has
 * no rule set (it shows as not run). 闽侯县 and 连江县 stay empty for the tests.
 */
export async function seedDemoRates(db: Db, now = clockNow()): Promise<boolean> {
  return runSeedOnce(db, 'demo-rates:v1', async () => {
    const year = currentYear(now);
    const classes = sql.join(
      Object.entries(RISK_CLASS_BY_DIVISION).map(
        ([d, v]) => sql`(${d}, ${NATIONAL_BASE_RATES_BP[v.riskClass] ?? 100}::int)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      insert into employer_contributions (employer_id, year, insured_from, wage_bill_fen, premiums_paid_fen, benefits_paid_fen, arrears_fen, batch_id)
      select h.employer_id, h.year,
        case when abs(hashtext(o.id::text)) % 23 = 0 then make_date(${year - 2}, 6, 1) else date '2015-01-01' end,
        h.average_insured::bigint * 8000000,
        round(h.average_insured::bigint * 8000000 * c.bp / 10000.0 * (case when abs(hashtext(o.id::text)) % 29 = 0 then 0.8 else 1 end))::bigint,
        coalesce((select sum(i.fund_expenditure_fen) from injury_cases i
          where i.employer_id = h.employer_id and ${injuryFacts.year('i', 'determined')} = h.year), 0)::bigint,
        case when abs(hashtext(o.id::text)) % 29 = 0
          then round(h.average_insured::bigint * 8000000 * c.bp / 10000.0 * 0.2)::bigint else 0 end,
        0
      from insured_headcounts h
      join organisations o on o.id = h.employer_id
      join jurisdictions j on j.id = o.jurisdiction_id
      join (values ${classes}) as c(division, bp) on c.division = left(o.industry_code, 2)
      where h.year < ${year} and j.code not in ('350121', '350122')
        and not (abs(hashtext(o.id::text)) % 37 = 0 and h.year = ${year - 2})
        and not (abs(hashtext(o.id::text)) % 23 = 0 and h.year < ${year - 2})
      on conflict do nothing`);
    const [finance] = await db
      .select({ id: organisations.id, jurisdictionId: organisations.jurisdictionId })
      .from(organisations)
      .where(eq(organisations.name, DEMO_RATES_ACCOUNTS.finance.organisation));
    const [employer] = await db
      .select({ id: organisations.id, jurisdictionId: organisations.jurisdictionId })
      .from(organisations)
      .where(eq(organisations.name, DEMO_RATES_ACCOUNTS.employer.organisation));
    if (!finance || !employer) return;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values([
        {
          username: DEMO_RATES_ACCOUNTS.finance.username,
          passwordHash,
          displayName: DEMO_RATES_ACCOUNTS.finance.displayName,
          role: 'member_officer',
          jurisdictionId: finance.jurisdictionId,
          organisationId: finance.id,
        },
        {
          username: DEMO_RATES_ACCOUNTS.employer.username,
          passwordHash,
          displayName: DEMO_RATES_ACCOUNTS.employer.displayName,
          role: 'employer',
          jurisdictionId: employer.jurisdictionId,
          organisationId: employer.id,
        },
      ])
      .onConflictDoNothing();
    await db
      .update(organisations)
      .set({ insuranceStatus: 'insured' })
      .where(eq(organisations.id, employer.id));
    // The demo employer's own record (class 6, 120 insured, premiums at base 1.3 %): benefits of
    // 130 % of its premiums over the three years, most of them in the oldest year — rated 120 %
    // now, projected at base once that year leaves the cycle.
    const premium = Math.round(120 * 8_000_000 * 0.013);
    for (const [i, share] of [2.9, 0.5, 0.5].entries()) {
      const y = year - 3 + i;
      await db.execute(sql`
        insert into insured_headcounts (employer_id, year, average_insured, average_paying, employees, batch_id)
        values (${employer.id}, ${y}, 120, 118, 125, 0) on conflict do nothing`);
      await db.execute(sql`
        insert into employer_contributions (employer_id, year, insured_from, wage_bill_fen, premiums_paid_fen, benefits_paid_fen, arrears_fen, batch_id)
        values (${employer.id}, ${y}, '2012-03-01', ${120 * 8_000_000}, ${premium}, ${Math.round(premium * share)}, 0, 0)
        on conflict (employer_id, year) do update set insured_from = excluded.insured_from,
          wage_bill_fen = excluded.wage_bill_fen, premiums_paid_fen = excluded.premiums_paid_fen,
          benefits_paid_fen = excluded.benefits_paid_fen, arrears_fen = 0`);
    }
    const fujian = await actorOf(db, 'fujian');
    const reviewer = await actorOf(db, DEMO_RATES_ACCOUNTS.finance.username);
    const [a, b] = EXAMPLE_RULE_SETS;
    if (!a || !b) return;
    const adopted = await draftRuleSet(
      db,
      fujian,
      {
        jurisdiction: '350000',
        name: a.nameZh,
        effectiveFrom: `${year}-01-01`,
        definition: a.definition(),
        fromExample: a.key,
      },
      now,
    );
    await reviewRuleSet(
      db,
      reviewer,
      adopted.id,
      { decision: 'approve', note: '演示数据：同意按示例试行' },
      now,
    );
    await adoptRuleSet(db, fujian, adopted.id, now);
    await draftRuleSet(
      db,
      fujian,
      {
        jurisdiction: '350000',
        name: b.nameZh,
        effectiveFrom: `${year + 1}-01-01`,
        definition: b.definition(),
        fromExample: b.key,
      },
      now,
    );
    await runRating(db, fujian, { jurisdiction: '350100', rateYear: year }, now);
    const [own] = rowsOf<{ id: number }>(
      await db.execute(sql`
        select a.id from rate_assignments a join rate_runs r on r.id = a.run_id
        where a.employer_id = ${employer.id} and r.superseded_at is null limit 1`),
    );
    if (own)
      await submitAppeal(
        db,
        await actorOf(db, DEMO_RATES_ACCOUNTS.employer.username),
        own.id,
        { reason: '演示数据：去年一笔待遇支出属于另一单位职工，请核查后更正支缴率' },
        now,
      );
  });
}
