import { sql } from 'drizzle-orm';
import { listEmployerYears, resolveCountingRules } from '../modules/facts/facts.service.js';
import { computeExampleFigures } from '../modules/publicity/examples.service.js';
import {
  advancedExamples,
  type CampaignIndustry,
  publicityCampaigns,
  warningBaseReviews,
  warningBases,
  warningBaseVisits,
} from '../modules/publicity/publicity.tables.js';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/db/rows.js';
import { addDays, addYears, now, today } from '../platform/time.js';
import { actorOf } from './demo-projects.js';
import { runSeedOnce } from './reference.js';

/** A deterministic sequence in [0, 1) from a seed (so the demo is the same on every machine). */
function sequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOPICS = ['occupational_disease', 'work_safety', 'traffic_accidents', 'cardiovascular'];
const OCCASIONS = ['安全生产月', '《职业病防治法》宣传周', '全国交通安全日', '世界心脏日', '工伤预防宣传周'];
const CHANNELS = [
  ['tv', 'new_media'],
  ['on_site'],
  ['newspaper', 'new_media'],
  ['online_course'],
  ['on_site', 'new_media'],
];

/**
 * Demo mode only: this year's campaigns of Fujian's and Jilin's prefectures and some counties for
 * the key industries (held with reach, planned, or none, so the quota board shows red, amber and
 * green), warning-education bases designated in some prefectures and counties (the coverage view
 * shows both colours; one withdrawn, one provincial, one application waiting), a few visits, and
 * published advanced examples. 长春市 has no 建筑施工 campaign: the end-to-end test plans one.
 */
export async function seedDemoPublicity(db: Db): Promise<boolean> {
  return runSeedOnce(db, 'demo-publicity:v1', async () => {
    const asOf = today();
    const year = Number(asOf.slice(0, 4));
    const [period] = rowsOf<{ id: number }>(
      await db.execute(sql`select id from plan_periods where ${year} between start_year and end_year`),
    );
    if (!period) return;
    const industries = rowsOf<{ id: number; name: string }>(
      await db.execute(sql`
        select id, name from key_industries
        where plan_period_id = ${period.id} and category = 'key' and jurisdiction_id is null order by id`),
    );
    const areas = rowsOf<{
      id: number;
      code: string;
      name: string;
      level: string;
      path: string;
      province: string;
    }>(
      await db.execute(sql`
        select j.id, j.code, j.name, j.level, j.path, substr(j.code, 1, 2) as province from jurisdictions j
        where (j.code like '35%' or j.code like '22%') and j.level in ('province', 'prefecture', 'county')
          and j.code not like '__Z%'
        order by j.code`),
    );
    const random = sequence(20261207);
    const campaigns: (typeof publicityCampaigns.$inferInsert)[] = [];
    const jan1 = `${year}-01-01`;
    const daysSoFar = Math.max(1, Math.round((Date.parse(asOf) - Date.parse(jan1)) / 86_400_000));
    for (const area of areas) {
      // Every prefecture and the provinces hold campaigns; one county in four does too.
      if (area.level === 'county' && random() > 0.25) continue;
      for (const industry of industries) {
        if (area.code === '220100' && industry.name === '建筑施工') continue;
        const roll = random();
        // Prefectures: about 55 % held, 20 % planned, the rest none (red).
        if (roll > (area.level === 'county' ? 0.4 : 0.75)) continue;
        const isHeld = roll < (area.level === 'county' ? 0.3 : 0.55);
        const startsOn = isHeld
          ? addDays(jan1, Math.floor(random() * Math.max(1, daysSoFar - 10)))
          : addDays(asOf, 3 + Math.floor(random() * 20));
        const extra: CampaignIndustry[] = random() < 0.1 ? [{ name: '即时配送', keyIndustryId: null }] : [];
        const n = Math.floor(random() * 5);
        campaigns.push({
          jurisdictionId: area.id,
          year: Number(startsOn.slice(0, 4)),
          planPeriodId: period.id,
          title: `${area.name}${industry.name}行业工伤预防集中宣传`,
          industries: [{ name: industry.name, keyIndustryId: industry.id }, ...extra],
          topics: [TOPICS[n % 4] as string, 'work_safety'].filter((t, i, all) => all.indexOf(t) === i),
          organisers: [{ kind: 'member_unit', name: `${area.name}人力资源和社会保障局` }],
          channels: CHANNELS[n] as string[],
          occasion: OCCASIONS[n] as string,
          startsOn,
          endsOn: addDays(startsOn, 1 + Math.floor(random() * 6)),
          status: isHeld ? (random() < 0.5 ? 'accepted' : 'recorded') : 'planned',
          ...(isHeld
            ? {
                events: 1 + Math.floor(random() * 8),
                views: Math.floor(random() * 50_000),
                participants: Math.floor(random() * 2_000),
                enterprisesReached: Math.floor(random() * 150),
                reachSource: '新媒体平台后台统计、现场签到表',
                summary: '组织企业负责人和一线班组长参加，发放宣传材料，开展事故案例警示教育。',
                recordedBy: 'demo',
                recordedAt: new Date(`${startsOn}T10:00:00+08:00`),
              }
            : {}),
          createdBy: 'demo',
        });
      }
    }
    // Keep only campaigns of this year (a planned one past 31 December would belong to next year's board).
    const thisYear = campaigns.filter((c) => c.year === year);
    if (thisYear.length > 0) await db.insert(publicityCampaigns).values(thisYear);

    // Bases: one employer per chosen area applies to that area's meeting.
    const employers = rowsOf<{ id: number; name: string; jurisdiction_id: number; code: string }>(
      await db.execute(sql`
        select distinct on (j.id) o.id, o.name, j.id as jurisdiction_id, j.code
        from organisations o join jurisdictions j on j.id = o.jurisdiction_id
        where o.kind = 'employer' and (j.code like '35%' or j.code like '22%')
        order by j.id, o.id`),
    );
    const experts = rowsOf<{ id: number; name: string; province: string }>(
      await db.execute(sql`
        select e.id, e.name, substr(j.code, 1, 2) as province
        from experts e join jurisdictions j on j.id = e.jurisdiction_id where e.status = 'active' order by e.id`),
    );
    const prefectureOf = new Map(areas.map((a) => [a.code, a]));
    let baseCount = 0;
    for (const employer of employers) {
      // About half the counties with an employer hold a base; the prefecture above holds one too
      // when its first county does (so prefectures show both colours).
      if (random() > 0.5) continue;
      const county = prefectureOf.get(employer.code);
      if (county?.level !== 'county') continue;
      const prefecture = prefectureOf.get(`${employer.code.slice(0, 4)}00`);
      const meeting = baseCount % 4 === 1 && prefecture ? prefecture : county;
      baseCount += 1;
      const appliedOn = addDays(asOf, -(60 + Math.floor(random() * 500)));
      const designatedOn = addDays(appliedOn, 30);
      const state = baseCount % 9 === 0 ? 'withdrawn' : baseCount % 11 === 0 ? 'applied' : 'designated';
      const [base] = await db
        .insert(warningBases)
        .values({
          employerId: employer.id,
          jurisdictionId: meeting.id,
          name: `${employer.name}工伤预防警示教育基地`,
          address: `${county.name}工业园区${1 + (baseCount % 30)}号`,
          cases: '本行业近五年典型工伤事故案例、尘肺病等职业病案例展板',
          exhibits: '事故现场复原模型、个体防护用品实物、VR 体验设备',
          capacity: 30 + 10 * (baseCount % 8),
          openingTimes: '周一至周五 9:00—11:30，14:00—16:30',
          booking: `提前三个工作日电话预约：0${baseCount % 2 === 0 ? '591' : '431'}-8${String(1000000 + baseCount).slice(1)}`,
          status: state === 'applied' ? 'applied' : state,
          isProvincial: state === 'designated' && baseCount % 5 === 0,
          appliedBy: 'demo',
          appliedAt: new Date(`${appliedOn}T09:00:00+08:00`),
          ...(state === 'applied'
            ? {}
            : {
                designatedOn,
                filedOn: designatedOn,
                nextReviewDue: addYears(designatedOn, 3),
                provincialOn:
                  state === 'designated' && baseCount % 5 === 0 ? addDays(designatedOn, 20) : null,
                withdrawnOn: state === 'withdrawn' ? addDays(designatedOn, 40) : null,
                withdrawnReason: state === 'withdrawn' ? '复核发现展陈内容长期未更新，整改不到位' : null,
              }),
        })
        .returning({ id: warningBases.id });
      if (!base || state === 'applied') continue;
      const expert = experts.find((e) => e.province === employer.code.slice(0, 2));
      await db.insert(warningBaseReviews).values({
        baseId: base.id,
        kind: 'application',
        reviewedOn: designatedOn,
        siteVisit: '联席会议办公室组织现场查看，展陈内容、讲解和开放安排符合要求。',
        expertOpinions: expert ? [{ expertId: expert.id, name: expert.name, opinion: '同意认定' }] : [],
        outcome: 'designate',
        reviewedBy: 'demo',
      });
      if (state === 'designated')
        await db.insert(warningBaseVisits).values(
          [1, 2, 3].map((i) => ({
            baseId: base.id,
            visitedOn: addDays(designatedOn, 10 * i),
            groups: 1 + (i % 3),
            visitors: 20 + 15 * i,
            enterprises: i,
            recordedBy: 'demo',
          })),
        );
    }

    const provinces = areas.filter((a) => a.level === 'province');
    for (const province of provinces) {
      // The demonstration employer is a real employer of the province's 建筑施工 (GB/T 4754 47–50):
      // of those insured this year without an injury this year (under the counting rules), the
      // largest; its figures are computed as a nomination computes them (PU-3).
      const employerYears = await listEmployerYears(db, {
        path: province.path,
        from: year,
        to: year,
        rules: await resolveCountingRules(db, province.path),
      });
      const employer = employerYears
        .filter(
          (y) =>
            ['47', '48', '49', '50'].includes(y.industryCode?.slice(0, 2) ?? '') &&
            (y.averageInsured ?? 0) > 0 &&
            y.injuries === 0,
        )
        .sort((a, b) => (b.averageInsured ?? 0) - (a.averageInsured ?? 0) || a.employerId - b.employerId)
        .map((y) => ({ id: y.employerId, name: y.employerName }))[0];
      // The province's HRSS office (a demo account): the figures read training within its scope.
      const actor = await actorOf(db, province.province === '35' ? 'fujian' : 'jilin');
      const figuresOf = (organisationId: number | null) =>
        computeExampleFigures(db, actor, { organisationId, year }, now());
      await db.insert(advancedExamples).values([
        {
          jurisdictionId: province.id,
          subjectKind: 'employer',
          category: 'demonstration',
          name: employer
            ? `${employer.name}（工伤预防示范企业）`
            : `${province.name}工伤预防示范企业（建筑施工）`,
          organisationId: employer?.id ?? null,
          year,
          story: '建立全员安全生产责任制，开展班前安全讲话和隐患随手拍，隐患整改做到闭环。',
          figures: await figuresOf(employer?.id ?? null),
          status: 'published',
          nominatedBy: 'demo',
          nominatedAt: new Date(`${year}-03-01T09:00:00+08:00`),
          reviewedBy: 'demo',
          publishedOn: `${year}-04-01`,
        },
        {
          jurisdictionId: province.id,
          subjectKind: 'person',
          category: 'advanced',
          name: `${province.name}工伤预防先进个人`,
          year,
          story: '一线班组长二十年坚持岗前安全提醒，带出的班组从未发生工伤事故。',
          figures: await figuresOf(null),
          status: 'published',
          nominatedBy: 'demo',
          nominatedAt: new Date(`${year}-03-01T09:00:00+08:00`),
          reviewedBy: 'demo',
          publishedOn: `${year}-04-01`,
        },
        {
          jurisdictionId: province.id,
          subjectKind: 'project',
          category: 'advanced',
          name: `${province.name}职业病防治宣传项目`,
          year,
          story: '以短视频和现场讲座相结合，覆盖粉尘危害行业企业，待联席会议审核。',
          figures: await figuresOf(null),
          status: 'nominated',
          nominatedBy: 'demo',
          nominatedAt: new Date(`${year}-09-01T09:00:00+08:00`),
        },
      ]);
    }
  });
}
