import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, isNotNull, like } from 'drizzle-orm';
import { YEARLY_REPORT_SOURCES } from '../app.js';
import { analyticsMergeListener } from '../modules/analytics/refresh.js';
import { runImport } from '../modules/exchange/exchange.service.js';
import { exchangeBatches } from '../modules/exchange/exchange.tables.js';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import {
  composeImplementationReport,
  submitImplementationReport,
} from '../modules/joint-meeting/implementation-reports.service.js';
import { createMeeting, holdMeeting, scheduleMeeting } from '../modules/joint-meeting/meetings.service.js';
import {
  followUpRectification,
  issueRectification,
} from '../modules/joint-meeting/rectifications.service.js';
import { jurisdictions } from '../modules/jurisdictions/jurisdictions.tables.js';
import { organisations } from '../modules/organisations/organisations.tables.js';
import { signOffScorecard } from '../modules/scorecard/scorecard.service.js';
import type { Actor } from '../platform/auth/actor.js';
import type { Database, Db } from '../platform/db/client.js';
import { JobQueue } from '../platform/jobs/queue.js';
import { addDays, now as clockNow, currentYear, today } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/** 10:00 in Beijing on a calendar date: the instant a seeded step is said to happen. */
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/**
 * Demo mode only, once, last (after the projects demo): the records the scorecard (SV-1) reads that
 * the other demo seeds do not make, so 福建省 sees its prefectures ranked for this year and last
 * year with real scores, red as well as green, and 福州市's scorecard of last year signed off.
 * - Joint meetings of four prefectures (福建省's account convenes them): 福州 held after the fund's
 *   accounts (05-31) both years; 厦门 last year after, this year only before (否); 泉州 last year
 *   before, this year after; 漳州 this year before. The other prefectures held none: not assessed.
 * - 福州's yearly implementation report: last year's submitted before its 12-20 deadline, this
 *   year's submitted early in December (the other prefectures' are not yet due this year).
 * - 福州's rectification suggestions: last year 2 of 3 closed on time, this year 2 of 3 (and the
 *   joint inspection's overdue one).
 * - Pneumoconiosis diagnoses (卫健's import, through the exchange) in 泉州 falling and in 龙岩 rising
 *   over the four years before last, so last year's trend is assessed (the demo data set has almost
 *   none: too few years everywhere).
 * - 福州's scorecard of its counties for last year, signed off on 20 January.
 * Steps whose date has not come yet (a demo started early in a year) are left out.
 */
export async function seedDemoScorecard(database: Database, now = clockNow()): Promise<boolean> {
  const { db } = database;
  return runSeedOnce(db, 'demo-scorecard:v1', async () => {
    const province = await actorOf(db, 'fujian');
    const fuzhou = await actorOf(db, 'fuzhou');
    const day = today(now);
    const year = currentYear(now);
    const last = year - 1;
    const isPast = (date: string) => date < day;

    const meetings: [string, string, number][] = [
      ['350100', `${last}-06-20`, last - 1],
      ['350100', `${year}-06-18`, last],
      ['350200', `${last}-06-25`, last - 1],
      ['350200', `${year}-03-20`, last],
      ['350500', `${last}-04-15`, last - 1],
      ['350500', `${year}-07-09`, last],
      ['350600', `${year}-05-12`, last],
    ];
    for (const [code, heldOn, reportYear] of meetings)
      if (isPast(heldOn)) await holdDemoMeeting(db, province, code, heldOn, reportYear);

    for (const [y, composedOn, submittedOn] of [
      [last, `${last}-12-12`, `${last}-12-16`],
      [year, `${year}-12-03`, `${year}-12-04`],
    ] as const) {
      if (!isPast(submittedOn)) continue;
      const report = await composeImplementationReport(
        db,
        fuzhou,
        {
          jurisdictionCode: '350100',
          year: y,
          narrative: `${y}年，福州市按照全省部署推进工伤预防工作，召开联席会议，开展重点行业培训和集中宣传，督促隐患整改。`,
        },
        at(composedOn),
        YEARLY_REPORT_SOURCES,
      );
      await submitImplementationReport(
        db,
        fuzhou,
        report.id,
        { comment: '请省联席会议办公室审核' },
        at(submittedOn),
      );
    }

    await seedRectifications(db, fuzhou, last, year, isPast);
    await seedPneumoconiosis(database, last);

    const signedOn = `${year}-01-20`;
    await signOffScorecard(
      db,
      fuzhou,
      { jurisdiction: '350100', year: last, note: `经福州市工伤预防工作联席会议审定（${last}年度）` },
      isPast(signedOn) ? at(signedOn) : now,
    );
  });
}

/** A regular meeting drafted, scheduled and held on `heldOn` through the meeting services. */
async function holdDemoMeeting(db: Db, actor: Actor, code: string, heldOn: string, reportYear: number) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!j) throw new Error(`demo scorecard: jurisdiction ${code} is not loaded`);
  const when = at(heldOn);
  const drafted = at(addDays(heldOn, -20));
  const meeting = await createMeeting(
    db,
    actor,
    {
      jurisdictionCode: code,
      kind: 'regular',
      title: `${j.name}工伤预防工作联席会议${heldOn.slice(0, 4)}年度例会`,
      reportYear,
      plannedOn: heldOn,
      location: `${j.name}人社局会议室`,
      topics: ['通报上年度工伤预防费使用情况', '研究本年度重点行业和重点项目'],
      reason: '演示数据',
    },
    drafted,
  );
  await scheduleMeeting(db, actor, meeting.id, { reason: '演示数据' }, drafted);
  await holdMeeting(
    db,
    actor,
    meeting.id,
    {
      heldOn,
      attendance: meeting.participants.map((p) => ({
        organisationId: p.organisationId,
        attendance: 'present',
      })),
    },
    when,
  );
}

/** 福州's rectification suggestions with deadlines in both years, closed on time or late. */
async function seedRectifications(
  db: Db,
  fuzhou: Actor,
  last: number,
  year: number,
  isPast: (date: string) => boolean,
) {
  const employers = await db
    .select({ id: organisations.id })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
    .where(and(eq(organisations.kind, 'employer'), like(jurisdictions.path, `%/350100/%`)))
    .orderBy(asc(organisations.id))
    .limit(3);
  const [fzJ] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '350100'));
  const units = fzJ
    ? await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.jurisdictionId, fzJ.id), eq(organisations.kind, 'member_department')))
        .orderBy(asc(organisations.id))
        .limit(2)
    : [];
  if (employers.length === 0 || units.length === 0) return;
  const cases: [string, string][] = [
    [`${last}-05-31`, `${last}-05-20`],
    [`${last}-09-30`, `${last}-10-12`],
    [`${last}-11-30`, `${last}-11-25`],
    [`${year}-04-30`, `${year}-04-18`],
    [`${year}-08-31`, `${year}-08-20`],
    [`${year}-10-31`, `${year}-11-05`],
  ];
  let i = 0;
  for (const [deadline, closedOn] of cases) {
    if (!isPast(closedOn) || !isPast(deadline)) continue;
    const employer = employers[i % employers.length]?.id as number;
    const unit = units[i % units.length]?.id as number;
    i += 1;
    const issued = await issueRectification(
      db,
      fuzhou,
      {
        jurisdictionCode: '350100',
        employerId: employer,
        findingKind: 'hazard',
        finding: i % 2 === 0 ? '有限空间作业未执行审批制度' : '临边洞口防护设施缺失',
        suggestion: '限期落实防护措施并报送整改材料',
        deadline,
        responsibleOrganisationId: unit,
        reason: '演示数据',
      },
      at(addDays(deadline, -45)),
    );
    await followUpRectification(
      db,
      fuzhou,
      issued.id,
      { kind: 'close', note: '现场复核，整改到位' },
      at(closedOn),
    );
  }
}

/** Diagnoses per year from `last` − 4 (泉州: falling) and from `last` − 3 (龙岩: rising). */
const PNEUMOCONIOSIS: readonly { prefecture: string; counts: number[]; from: number }[] = [
  { prefecture: '350500', counts: [3, 2, 2, 1], from: 4 },
  { prefecture: '350800', counts: [1, 2, 3], from: 3 },
];

/**
 * A batch of pneumoconiosis diagnoses submitted by 福建省卫生健康委员会 through the real import
 * (validation, merge, the figures refreshed after the commit). Each prefecture's diagnoses go to
 * one of its employers, a dust-hazard one where it has one; a prefecture without employers is left out.
 */
async function seedPneumoconiosis(database: Database, last: number) {
  const { db } = database;
  const [health] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '福建省卫生健康委员会'));
  const [province] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '350000'));
  if (!health || !province) return;
  const lines: string[] = [];
  let serial = 0;
  for (const { prefecture, counts, from } of PNEUMOCONIOSIS) {
    const employers = await db
      .select({
        creditCode: organisations.creditCode,
        industry: organisations.industryCode,
        code: jurisdictions.code,
      })
      .from(organisations)
      .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId))
      .where(
        and(
          eq(organisations.kind, 'employer'),
          eq(organisations.isPending, false),
          isNotNull(organisations.creditCode),
          like(jurisdictions.path, `%/${prefecture}/%`),
        ),
      )
      .orderBy(asc(organisations.id));
    const dusty = /^(0[6-9]|1[0-2]|30|31|32)/;
    const employer = employers.find((e) => dusty.test(e.industry ?? '')) ?? employers[0];
    if (!employer) continue;
    for (const [i, count] of counts.entries()) {
      const y = last - from + i;
      for (let n = 0; n < count; n++) {
        serial += 1;
        const body = `${employer.code}19750301${String(100 + serial).slice(-3)}`;
        lines.push(
          [
            `闽职诊〔${y}〕演示${String(serial).padStart(3, '0')}号`,
            employer.creditCode,
            employer.code,
            body + computeIdCheckChar(body),
            `患者${serial}`,
            '2013',
            '职业性尘肺病及其他呼吸系统疾病',
            '矽肺',
            `${y}-0${3 + n}-1${n}`,
            '12.5',
          ].join(','),
        );
      }
    }
  }
  if (lines.length === 0) return;
  const header =
    '诊断证明书编号,统一社会信用代码,行政区划代码,身份证号,姓名,目录版本,职业病类别,职业病名称,诊断日期,接害工龄（年）';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yufang-demo-scorecard-'));
  try {
    const file = path.join(dir, 'diseases.csv');
    writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
    const [batch] = await db
      .insert(exchangeBatches)
      .values({
        domain: 'diseases',
        organisationId: health.id,
        jurisdictionId: province.id,
        submittedBy: 'demo-seed',
        channel: 'api',
        fileName: 'demo-pneumoconiosis.csv',
        format: 'csv',
        encoding: 'utf-8',
        fileBytes: 0,
        sha256: 'demo-scorecard-pneumoconiosis',
        status: 'queued',
      })
      .returning({ id: exchangeBatches.id });
    if (!batch) throw new Error('demo scorecard: batch insert failed');
    const runtime = {
      database,
      config: { uploadDir: dir },
      queue: new JobQueue(() => undefined),
      mergeListener: analyticsMergeListener,
    };
    await runImport(runtime, batch.id, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
