import { eq, sql } from 'drizzle-orm';
import { refreshSlices } from '../modules/analytics/refresh.js';
import { exchangeBatches, injuryCases } from '../modules/exchange/exchange.tables.js';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import { issueRectification } from '../modules/joint-meeting/rectifications.service.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { addKeyPostHolder, recordCompletion } from '../modules/training/training.service.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { piiCrypto } from '../platform/privacy/crypto.js';
import { addDays, now as clockNow, currentYear, today } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { DEMO_RATES_ACCOUNTS } from './demo-rates.js';
import { runSeedOnce } from './reference.js';

/** A valid 18-digit 身份证号 registered in 鼓楼区 (350102). */
function idNumberOf(birth: string, serial: number, sex: 'male' | 'female'): string {
  const seq = serial * 2 + (sex === 'male' ? 1 : 0);
  const body = `350102${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + computeIdCheckChar(body);
}

/**
 * Demo mode only, once: the demo employer account (rcjz, 福州榕城建筑工程有限公司, made by the rates
 * demo) gets a record worth opening on 本单位 (issue 17 item 7): three injury determinations (one
 * this year), an open rectification suggestion to answer and an overdue one (red), and two key
 * posts of which one is trained (50 %, below the target: red). Dates follow the clock.
 */
export async function seedDemoEmployer(db: Db, now = clockNow()): Promise<boolean> {
  return runSeedOnce(db, 'demo-my-employer:v1', async () => {
    const [employer] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, DEMO_RATES_ACCOUNTS.employer.organisation));
    if (!employer) return;
    const officer = await actorOf(db, 'fuzhou');
    const day = today(now);
    const year = currentYear(now);
    // A medium enterprise: it may declare prevention projects itself (PP-2).
    await db.update(organisations).set({ sizeBand: 'medium' }).where(eq(organisations.id, employer.id));
    const crypto = piiCrypto();
    const [fuzhou] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, '350100'));
    const fuzhouId = fuzhou?.id as number;
    const injured = [
      {
        name: '陈建华',
        birth: '1979-04-12',
        occurred: `${year - 2}-06-18`,
        determined: `${year - 2}-08-02`,
        isDeath: false,
      },
      {
        name: '黄志明',
        birth: '1988-11-03',
        occurred: `${year - 1}-03-09`,
        determined: `${year - 1}-04-20`,
        isDeath: false,
      },
      {
        name: '吴秀兰',
        birth: '1992-02-27',
        occurred: addDays(day, -75),
        determined: addDays(day, -40),
        isDeath: false,
      },
    ];
    await db.transaction(async (tx) => {
      // Every fact keeps the batch that wrote it: the three determinations arrive as one committed
      // batch of Fuzhou's HRSS (the sentinel batch 0 would belong to no submission).
      const [batch] = await tx
        .insert(exchangeBatches)
        .values({
          domain: 'injuries',
          organisationId: officer.organisationId as number,
          jurisdictionId: fuzhouId,
          submittedBy: 'demo-seed',
          channel: 'api',
          fileName: 'demo-my-employer-injuries.csv',
          format: 'csv',
          encoding: 'utf-8',
          fileBytes: 0,
          sha256: 'demo-my-employer-injuries',
          status: 'committed',
          totalRows: injured.length,
          validRows: injured.length,
          rowsDone: injured.length,
          finishedAt: now,
        })
        .returning({ id: exchangeBatches.id });
      if (!batch) throw new Error('demo employer: batch insert failed');
      for (const [i, p] of injured.entries()) {
        const idNumber = idNumberOf(p.birth, 31 + i, i === 2 ? 'female' : 'male');
        await tx.insert(injuryCases).values({
          caseNo: `榕工伤认字〔${p.determined.slice(0, 4)}〕${801 + i}号`,
          employerId: employer.id,
          jurisdictionId: employer.jurisdictionId,
          idNumber: crypto.encrypt(idNumber) as string,
          idNumberIndex: crypto.index(idNumber) as string,
          personName: crypto.encrypt(p.name) as string,
          sex: i === 2 ? 'female' : 'male',
          birthDate: p.birth,
          post: i === 1 ? '架子工' : '钢筋工',
          occurredOn: p.occurred,
          determinedOn: p.determined,
          ground: '14-1',
          accidentCategory: i === 1 ? '06' : '05',
          severity: i === 1 ? 'serious' : 'minor',
          disabilityGrade: i === 1 ? 9 : null,
          isDeath: p.isDeath,
          fundExpenditureFen: [3_850_000, 12_600_000, 1_420_000][i] as number,
          batchId: batch.id,
          batchLine: i + 2,
        });
      }
      // The figures of the years touched, as an import's commit would refresh them.
      const years = [
        ...new Set(injured.flatMap((p) => [p.occurred, p.determined]).map((d) => Number(d.slice(0, 4)))),
      ];
      const slices = years.map((y) => [employer.jurisdictionId, y] as const);
      await refreshSlices(tx, { 'injury.determined': slices, 'injury.occurred': slices });
    });
    const unitId = async (name: string) =>
      (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]
        ?.id;
    const [emergency, health] = await Promise.all([
      unitId('福州市应急管理局'),
      unitId('福州市卫生健康委员会'),
    ]);
    if (emergency)
      await issueRectification(
        db,
        officer,
        {
          jurisdictionCode: '350100',
          employerId: employer.id,
          findingKind: 'hazard',
          finding: '在建工地脚手架连墙件缺失，临边防护不到位',
          suggestion: '20 日内补设连墙件和临边防护，报送整改照片',
          deadline: addDays(day, 20),
          responsibleOrganisationId: emergency,
        },
        now,
      );
    if (health)
      // Issued a month ago with a deadline already past: shown overdue (red).
      await issueRectification(
        db,
        officer,
        {
          jurisdictionCode: '350100',
          employerId: employer.id,
          findingKind: 'over_limit_factor',
          finding: '钢筋加工区噪声超标',
          factorName: '噪声',
          measuredValue: '92 dB(A)',
          limitValue: '85 dB(A)',
          suggestion: '加装隔声罩，配发护耳器，复测合格后报送',
          deadline: addDays(day, -3),
          responsibleOrganisationId: health,
        },
        new Date(now.getTime() - 30 * 86_400_000),
      );
    // Key posts: the principal trained this year, a team leader never (due: red at 50 %).
    const holders = [
      { role: 'principal', name: '陈建国', birth: '1975-08-21', serial: 41 },
      { role: 'team_leader', name: '刘国强', birth: '1983-01-30', serial: 42 },
    ];
    for (const h of holders)
      await addKeyPostHolder(db, officer, {
        employerId: employer.id,
        roleCode: h.role,
        personName: h.name,
        idNumber: idNumberOf(h.birth, h.serial, 'male'),
        startedOn: `${year - 3}-03-01`,
      });
    const [course] = rowsOf<{ id: number }>(
      await db.execute(
        sql`select id from training_courses where role_codes ? 'principal' order by id limit 1`,
      ),
    );
    const principal = holders[0];
    if (course && principal)
      await recordCompletion(db, officer, {
        courseId: Number(course.id),
        personName: principal.name,
        idNumber: idNumberOf(principal.birth, principal.serial, 'male'),
        employerId: employer.id,
        completedOn: addDays(day, -60),
        method: 'offline',
      });
  });
}
