/**
 * Deterministic synthetic data in the exchange formats (`npm run generate -- --scale demo|city|province
 * --seed N --out DIR`): employers, insured headcount from 2020 (the 2021–2025 plan's baseline) to the
 * current year (up to today), injury determinations, accidents, occupational-disease diagnoses and the
 * fund, with realistic shapes (industry mix, firm sizes, firms that differ in risk within their
 * industry, injury categories by industry, falling rates in some prefectures and rising in others,
 * a county that reported nothing one year), plus files of deliberately invalid rows under invalid/.
 * Everything streams, so province scale fits in memory. The same seed and `now` give the same files.
 */

import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { GBT4754_CLASSES } from '../modules/code-tables/gbt4754-classes.data.js';
import { gradeOfAccident } from '../modules/code-tables/injury-codes.data.js';
import { toImportCsvLine } from '../modules/exchange/csv.js';
import { type Domain, FORMATS } from '../modules/exchange/formats.js';
import { computeIdCheckChar } from '../modules/exchange/id-number.js';
import { buildJurisdictionSeeds, PROVINCES } from '../modules/jurisdictions/jurisdictions.data.js';
import { computeCreditCodeCheckChar } from '../modules/organisations/credit-code.js';
import { addDays, now, today } from '../platform/time.js';

export type Scale = 'demo' | 'city' | 'province';

/** The first data year: the baseline of the 2021–2025 plan. */
export const FIRST_YEAR = 2020;

/** China is UTC+8 all year (no daylight saving). */

/** Today's date in China (YYYY-MM-DD) at the instant `now`. */
export function chinaDate(at: Date): string {
  return today(at);
}

/** The data years at `now`: 2020 up to and including the current year (in China). */
export function dataYears(now: Date): number[] {
  const current = Number(chinaDate(now).slice(0, 4));
  return Array.from({ length: Math.max(1, current - FIRST_YEAR + 1) }, (_, i) => FIRST_YEAR + i);
}

/**
 * Prefectures whose trend is fixed so every board shows red as well as green (others draw theirs):
 * 福州市 and 长春市 fall 10 % a year (on track for −20 % and ≥ 5 % a year), 厦门市 and 吉林市 rise.
 */
const FIXED_TRENDS: ReadonlyMap<string, number> = new Map([
  ['350100', 0.9],
  ['350200', 1.05],
  ['220100', 0.9],
  ['220200', 1.04],
]);

/**
 * Counties that reported nothing (no headcounts, no injury determinations) in one year, so the
 * boards show a gap (no data), not a zero. Years before 2020 or after the current one never apply.
 */
export const DATA_GAPS: readonly { county: string; year: number }[] = [
  { county: '350124', year: 2023 }, // 闽清县
  { county: '220122', year: 2024 }, // 农安县
];

/** Employers per scale, and which prefectures they are spread over. */
const SCALES: Record<
  Scale,
  { employers: number; prefectures: (code: string) => boolean; insuredPersons: boolean }
> = {
  // Fuzhou in full and a little of every other prefecture, so every page has something to show.
  demo: { employers: 1_500, prefectures: () => true, insuredPersons: true },
  city: { employers: 100_000, prefectures: (code) => code === '350100', insuredPersons: true },
  // Lists of every insured person of a province's dust-hazard employers (millions of rows) are left out.
  province: { employers: 1_000_000, prefectures: (code) => code.startsWith('35'), insuredPersons: false },
};

/** mulberry32: small, fast and deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}
function poisson(r: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r(); p > limit; p *= r()) k++;
  return k;
}
function normal(r: Random): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
}

/** Industry profiles: GB/T 4754 division, weight in the employer mix, injuries per 1,000 insured a year, accident categories. */
interface Industry {
  division: string;
  word: string;
  weight: number;
  rate: number;
  categories: readonly (readonly [string, number])[];
  posts: readonly string[];
  dust?: readonly string[];
}

const INDUSTRIES: readonly Industry[] = [
  {
    division: '47',
    word: '建筑工程',
    weight: 8,
    rate: 6.5,
    categories: [
      ['09', 40],
      ['01', 20],
      ['10', 12],
      ['04', 8],
      ['03', 8],
      ['05', 6],
      ['20', 6],
    ],
    posts: ['架子工', '钢筋工', '木工', '混凝土工', '电焊工', '塔吊司机'],
  },
  {
    division: '48',
    word: '市政路桥',
    weight: 3,
    rate: 5.5,
    categories: [
      ['09', 25],
      ['01', 20],
      ['10', 18],
      ['02', 15],
      ['03', 10],
      ['20', 12],
    ],
    posts: ['施工员', '机械操作工', '普工'],
  },
  {
    division: '26',
    word: '化工',
    weight: 3,
    rate: 4.2,
    categories: [
      ['19', 25],
      ['07', 25],
      ['03', 20],
      ['18', 10],
      ['08', 8],
      ['20', 12],
    ],
    posts: ['操作工', '巡检工', '装卸工', '维修工'],
  },
  {
    division: '34',
    word: '机械制造',
    weight: 6,
    rate: 4.8,
    categories: [
      ['03', 55],
      ['01', 15],
      ['04', 10],
      ['07', 8],
      ['20', 12],
    ],
    posts: ['车工', '铣工', '钳工', '冲压工', '装配工'],
  },
  {
    division: '33',
    word: '金属制品',
    weight: 4,
    rate: 4.5,
    categories: [
      ['03', 50],
      ['01', 18],
      ['07', 12],
      ['20', 20],
    ],
    posts: ['冲压工', '焊工', '打磨工'],
  },
  {
    division: '54',
    word: '物流运输',
    weight: 5,
    rate: 5.0,
    categories: [
      ['02', 60],
      ['01', 10],
      ['09', 10],
      ['20', 20],
    ],
    posts: ['货车司机', '装卸工', '叉车司机'],
  },
  {
    division: '06',
    word: '煤矿',
    weight: 0.4,
    rate: 9,
    categories: [
      ['11', 30],
      ['12', 8],
      ['15', 5],
      ['02', 15],
      ['03', 15],
      ['20', 27],
    ],
    posts: ['采煤工', '掘进工', '支护工', '运输工'],
    dust: ['煤工尘肺', '矽肺'],
  },
  {
    division: '10',
    word: '矿业',
    weight: 1,
    rate: 7.5,
    categories: [
      ['11', 25],
      ['13', 10],
      ['02', 15],
      ['03', 20],
      ['01', 15],
      ['20', 15],
    ],
    posts: ['凿岩工', '爆破工', '铲装工'],
    dust: ['矽肺'],
  },
  {
    division: '30',
    word: '石材建材',
    weight: 3,
    rate: 5.2,
    categories: [
      ['03', 40],
      ['01', 25],
      ['04', 10],
      ['20', 25],
    ],
    posts: ['切割工', '磨光工', '窑炉工'],
    dust: ['矽肺', '水泥尘肺', '陶工尘肺'],
  },
  {
    division: '31',
    word: '钢铁冶炼',
    weight: 0.8,
    rate: 5.8,
    categories: [
      ['07', 30],
      ['03', 25],
      ['04', 15],
      ['01', 10],
      ['20', 20],
    ],
    posts: ['炼钢工', '轧钢工', '天车工'],
    dust: ['矽肺', '电焊工尘肺'],
  },
  {
    division: '13',
    word: '食品加工',
    weight: 4,
    rate: 2.6,
    categories: [
      ['03', 45],
      ['07', 15],
      ['20', 40],
    ],
    posts: ['包装工', '操作工'],
  },
  {
    division: '18',
    word: '服装制造',
    weight: 5,
    rate: 1.6,
    categories: [
      ['03', 50],
      ['20', 50],
    ],
    posts: ['缝纫工', '裁剪工'],
  },
  {
    division: '39',
    word: '电子科技',
    weight: 6,
    rate: 1.3,
    categories: [
      ['03', 40],
      ['05', 10],
      ['20', 50],
    ],
    posts: ['装配工', '测试员', '贴片工'],
  },
  {
    division: '52',
    word: '商贸',
    weight: 14,
    rate: 0.9,
    categories: [
      ['02', 20],
      ['01', 20],
      ['20', 60],
    ],
    posts: ['营业员', '理货员', '配送员'],
  },
  {
    division: '62',
    word: '餐饮',
    weight: 8,
    rate: 1.4,
    categories: [
      ['07', 40],
      ['20', 60],
    ],
    posts: ['厨师', '服务员'],
  },
  {
    division: '70',
    word: '房地产',
    weight: 4,
    rate: 0.8,
    categories: [
      ['09', 20],
      ['20', 80],
    ],
    posts: ['物业维修工', '保安'],
  },
  {
    division: '65',
    word: '软件信息',
    weight: 6,
    rate: 0.3,
    categories: [
      ['02', 40],
      ['20', 60],
    ],
    posts: ['工程师', '运维人员'],
  },
  {
    division: '72',
    word: '商务服务',
    weight: 8,
    rate: 0.7,
    categories: [
      ['02', 40],
      ['20', 60],
    ],
    posts: ['业务员', '保洁员', '保安'],
  },
  {
    division: '44',
    word: '电力',
    weight: 1,
    rate: 2.4,
    categories: [
      ['05', 40],
      ['09', 25],
      ['20', 35],
    ],
    posts: ['电工', '巡线工'],
  },
  {
    division: '83',
    word: '职业培训',
    weight: 3,
    rate: 0.4,
    categories: [['20', 100]],
    posts: ['教师', '后勤人员'],
  },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超霞平刚桂兰建华春梅玉珍志红海峰斌鹏辉宇浩林婷雪晨阳';
const BRAND = '华鑫恒泰宏达盛兴隆昌顺安嘉永德源丰瑞祥和信诚远鸿福联创新金海';

function personName(r: Random): string {
  const given = r() < 0.6 ? pick(r, [...GIVEN]) + pick(r, [...GIVEN]) : pick(r, [...GIVEN]);
  return pick(r, [...SURNAMES]) + given;
}

function creditCode(region: string, serial: number): string {
  // MA + 7 decimal digits: unique for up to ten million employers per region and seed.
  const body = `91${region}MA${String(serial % 10_000_000).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

function idNumber(r: Random, region: string, birthYear: number, sex: 'male' | 'female'): string {
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  let serial = Math.floor(r() * 500) * 2 + (sex === 'male' ? 1 : 0);
  if (serial === 0) serial = 2;
  const body = `${region}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return body + computeIdCheckChar(body);
}

/** Days of `year` that lie on or before `today` (all of them for a past year). */
function daysOf(year: number, today: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year + 1, 0, 1), Date.parse(`${today}T00:00:00Z`) + 86_400_000);
  return Math.max(1, Math.round((end - start) / 86_400_000));
}

/** A day of `year` up to `today`. */
function dateIn(r: Random, year: number, today: string): string {
  const day = Math.floor(r() * Math.min(365, daysOf(year, today)));
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

/** A CSV writer that respects back-pressure. */
class CsvFile {
  private readonly stream: WriteStream;
  rows = 0;
  constructor(file: string, domain: Domain) {
    this.stream = createWriteStream(file);
    this.stream.write(`${FORMATS[domain].columns.map((c) => c.zh).join(',')}\n`);
  }
  async write(cells: (string | number)[]) {
    this.rows++;
    if (!this.stream.write(`${toImportCsvLine(cells)}\n`)) await once(this.stream, 'drain');
  }
  async close() {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  outDir: string;
  /** The present: data run up to this instant's date in China. Pinned by tests; the clock otherwise. */
  now?: Date;
  /**
   * Province scale for another province (two-digit code prefix, e.g. '22'): the national-scale
   * simulation loads several provinces one after another. Serial numbers start at a base of the
   * province's own, so case numbers of two provinces never collide.
   */
  province?: string;
  /** Employers instead of the scale's own number. */
  employers?: number;
}

export interface GenerateSummary {
  files: Record<string, number>;
}

/** Writes the data set; returns the row count of each file. */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const today = chinaDate(options.now ?? now());
  const YEARS = dataYears(new Date(`${today}T12:00:00+08:00`));
  /** Share of each year covered (the current year up to today): events scale with it. */
  const share = YEARS.map((year) => Math.min(1, daysOf(year, today) / 365));
  const gaps = new Set(DATA_GAPS.map((g) => `${g.county}:${g.year}`));
  const r = rng(options.seed);
  const rp = rng(options.seed ^ 0x5bd1e995);
  const province = options.province;
  const scale = {
    ...SCALES[options.scale],
    ...(province ? { prefectures: (code: string) => code.startsWith(province) } : {}),
    ...(options.employers ? { employers: options.employers } : {}),
  };
  const serialBase = province ? Number(province) * 1_000_000 : 0;
  mkdirSync(path.join(options.outDir, 'invalid'), { recursive: true });
  const out = (name: string, domain: Domain) => new CsvFile(path.join(options.outDir, name), domain);
  const files = {
    employers: out('employers.csv', 'employers'),
    headcounts: out('headcounts.csv', 'headcounts'),
    insuredPersons: out('insuredPersons.csv', 'insuredPersons'),
    injuries: out('injuries.csv', 'injuries'),
    accidents: out('accidents.csv', 'accidents'),
    diseases: out('diseases.csv', 'diseases'),
    fund: out('fund.csv', 'fund'),
    invalidEmployers: out('invalid/employers.csv', 'employers'),
    invalidInjuries: out('invalid/injuries.csv', 'injuries'),
  };

  // Another province's counties come from the reference data of that province (PROVINCES).
  const seeds = buildJurisdictionSeeds(province ? [...new Set([...PROVINCES, province])] : PROVINCES);
  const prefectureOf = new Map<string, string>();
  for (const s of seeds) if (s.level === 'prefecture') prefectureOf.set(s.code, s.code);
  const counties = seeds.filter(
    (s) => s.level === 'county' && s.kind === 'gbt2260' && s.parentCode && scale.prefectures(s.parentCode),
  );
  // Demo: Fuzhou carries half the employers, the rest spread thin.
  // The other prefectures of fixed trend get a third as many per county, so their rates are not noise.
  const countyWeight = (c: (typeof counties)[number]) =>
    options.scale !== 'demo'
      ? 1
      : c.parentCode === '350100'
        ? 12
        : FIXED_TRENDS.has(c.parentCode ?? '')
          ? 4
          : 1;
  const countyTable = counties.map((c) => [c, countyWeight(c)] as const);
  // Some prefectures improve 6–9 % a year, others stay flat or worsen a little.
  const trendOf = new Map<string, number>();
  for (const p of new Set(counties.map((c) => c.parentCode as string))) {
    const drawn = pick(r, [0.91, 0.92, 0.94, 0.97, 1.0, 1.02]);
    trendOf.set(p, FIXED_TRENDS.get(p) ?? drawn);
  }
  const classesByDivision = new Map<string, string[]>();
  for (const c of Object.keys(GBT4754_CLASSES))
    classesByDivision.set(c.slice(0, 2), [...(classesByDivision.get(c.slice(0, 2)) ?? []), c]);
  const classesOfDivision = (division: string) => classesByDivision.get(division) ?? [`${division}00`];
  const industryTable = INDUSTRIES.map((i) => [i, i.weight] as const);
  const fund = new Map<string, { insured: number[] }>();

  let serial = 0;
  let caseSerial = serialBase;
  let accidentSerial = serialBase;
  let diseaseSerial = serialBase;
  for (let e = 0; e < scale.employers; e++) {
    const county = weighted(r, countyTable);
    const prefecture = county.parentCode as string;
    const industry = weighted(r, industryTable);
    const region = county.code;
    const code = creditCode(region, ++serial + options.seed * 7919);
    const base = Math.max(3, Math.round(Math.exp(3.1 + 1.25 * normal(r))));
    const size = base >= 1000 ? '大型' : base >= 300 ? '中型' : base >= 20 ? '小型' : '微型';
    const dustPenalty = industry.dust ? 0.1 : 0;
    const status = weighted(r, [
      ['参保', 0.93 - dustPenalty],
      ['未参保', 0.05 + dustPenalty],
      ['暂停', 0.02],
    ] as const);
    const name = `${county.name.replace(/(市|县|区)$/, '')}${pick(r, [...BRAND])}${pick(r, [...BRAND])}${industry.word}有限公司`;
    // A real GB/T 4754 class of the division (the importer checks the full table); two draws, as before.
    const classes = classesOfDivision(industry.division);
    const industryCode = classes[
      (Math.floor(r() * 9) * 10 + Math.floor(r() * 10)) % classes.length
    ] as string;
    // Firms differ in risk within their industry (management, equipment, work): a lognormal factor
    // with mean 1 and a coefficient of variation of about 0.95. Without it the ranking's credibility
    // estimate rightly finds no difference beyond chance (decision 0007).
    const frailty = Math.exp(0.8 * normal(r) - 0.32);
    await files.employers.write([code, name, region, industryCode, size, status]);
    if (e % 200 === 7) {
      // Deliberately invalid employers: a malformed code, an unknown industry, a county outside the provinces.
      const bad = weighted(r, [
        ['code', 1],
        ['industry', 1],
        ['region', 1],
      ] as const);
      await files.invalidEmployers.write([
        bad === 'code' ? code.replace(/.$/, 'I') : code,
        name,
        bad === 'region' ? '110101' : region,
        bad === 'industry' ? '99' : industryCode,
        size,
        status,
      ]);
    }
    const trend = trendOf.get(prefecture) ?? 1;
    let growth = 1;
    for (const [yi, year] of YEARS.entries()) {
      growth *= 1 + 0.03 * normal(r);
      if (gaps.has(`${region}:${year}`)) continue;
      const part = share[yi] ?? 1;
      const insured = status === '未参保' ? 0 : Math.max(1, Math.round(base * growth));
      const paying = Math.round(insured * (0.95 + 0.05 * r()));
      const employees = Math.round(
        Math.max(insured, base * growth) / (industry.dust ? 0.8 + 0.2 * r() : 0.95 + 0.05 * r()),
      );
      await files.headcounts.write([code, year, insured, paying, employees]);
      // The latest year's insured list of a dust-hazard employer (KI-2), from a stream of its own so
      // the rest of the data set does not change with it.
      if (scale.insuredPersons && industry.dust && year === YEARS[YEARS.length - 1])
        for (let k = 0; k < insured; k++) {
          const sex = rp() < 0.8 ? 'male' : 'female';
          const age = Math.round(Math.min(60, Math.max(18, 38 + 10 * normal(rp))));
          await files.insuredPersons.write([
            code,
            year,
            idNumber(rp, region, year - age, sex),
            personName(rp),
            `${year - 1 - Math.floor(rp() * 8)}-${String(1 + Math.floor(rp() * 12)).padStart(2, '0')}-01`,
          ]);
        }
      const f = fund.get(prefecture) ?? { insured: YEARS.map(() => 0) };
      f.insured[yi] = (f.insured[yi] ?? 0) + insured;
      fund.set(prefecture, f);
      const injuries = poisson(r, (insured * industry.rate * frailty * trend ** yi * part) / 1000);
      for (let k = 0; k < injuries; k++) {
        const ground = weighted(r, [
          ['14-1', 70],
          ['14-2', 5],
          ['14-3', 2],
          ['14-4', industry.dust ? 6 : 1],
          ['14-5', 2],
          ['14-6', 15],
          ['15-1', 2],
        ] as const);
        const maleShare = industry.rate > 3 ? 0.85 : 0.55;
        const sex = r() < maleShare ? 'male' : 'female';
        const age = Math.round(Math.min(62, Math.max(18, 38 + 10 * normal(r))));
        const occurred = dateIn(r, year, today);
        const determined = addDays(occurred, 15 + Math.floor(r() * 60));
        const severity =
          ground === '15-1'
            ? '死亡'
            : weighted(r, [
                ['轻伤', 80],
                ['重伤', 18],
                ['死亡', 2],
              ] as const);
        const grade =
          severity === '死亡'
            ? ''
            : r() < (severity === '重伤' ? 0.8 : 0.25)
              ? String(severity === '重伤' ? 5 + Math.floor(r() * 4) : 8 + Math.floor(r() * 3))
              : '';
        const category =
          ground === '14-4' || ground === '15-1'
            ? ''
            : ground === '14-6'
              ? '02'
              : weighted(r, industry.categories);
        const yuan =
          severity === '死亡'
            ? 800_000 + r() * 400_000
            : severity === '重伤'
              ? 50_000 + r() * 450_000
              : 5_000 + r() * 45_000;
        const row = [
          `${county.name.slice(0, 2)}人社工认〔${year}〕${String(++caseSerial).padStart(7, '0')}号`,
          code,
          region,
          idNumber(r, region, year - age, sex),
          personName(r),
          sex === 'male' ? '男' : '女',
          '',
          pick(r, industry.posts),
          occurred,
          determined,
          ground,
          category,
          severity,
          grade,
          severity === '死亡' ? '是' : '否',
          Math.round(yuan * 100),
        ];
        // Not determined yet: an injury of the last weeks is not in the data until its determination
        // (so the current year's determinations so far are a steady flow, comparable to a whole year).
        if (determined.localeCompare(today) > 0) continue;
        await files.injuries.write(row);
        if (caseSerial % 97 === 3) {
          // Deliberately invalid determinations, one kind of error each.
          const bad = [...row];
          const which = caseSerial % 4;
          if (which === 0)
            bad[3] = `${String(bad[3]).slice(0, 17)}${String(bad[3]).endsWith('0') ? '1' : '0'}`;
          if (which === 1) bad[5] = bad[5] === '男' ? '女' : '男';
          if (which === 2) bad[9] = addDays(String(bad[8]), -5);
          if (which === 3) bad[11] = '31';
          await files.invalidInjuries.write(bad);
        }
      }
      // Safety accidents: rare, more in high-risk industries.
      const accidents = poisson(r, (insured * industry.rate * part) / 1000 / 60);
      for (let k = 0; k < accidents; k++) {
        const deaths = weighted(r, [
          [0, 55],
          [1, 35],
          [2, 6],
          [3, 3],
          [5, 1],
        ] as const);
        const serious = weighted(r, [
          [0, 40],
          [1, 30],
          [2, 15],
          [4, 10],
          [12, 5],
        ] as const);
        const lossFen = Math.round((100_000 + r() * (deaths > 2 ? 20_000_000 : 3_000_000)) * 100);
        const grades: Record<string, string> = {
          ordinary: '一般',
          larger: '较大',
          major: '重大',
          especially_major: '特别重大',
        };
        const grade = grades[gradeOfAccident(deaths, serious, lossFen)] ?? '一般';
        await files.accidents.write([
          `AQ-${year}-${String(++accidentSerial).padStart(6, '0')}`,
          code,
          region,
          dateIn(r, year, today),
          weighted(r, industry.categories),
          grade,
          deaths,
          serious,
          (lossFen / 100).toFixed(2),
        ]);
      }
      // Occupational disease: pneumoconiosis in the dust industries, hearing loss and poisoning elsewhere
      // (tuned so the province scale has about 5,000 diagnoses over five years).
      const diseases = poisson(r, (insured * (industry.dust ? 0.28 : 0.008) * part) / 1000);
      for (let k = 0; k < diseases; k++) {
        const diagnosed = dateIn(r, year, today);
        const version = diagnosed >= '2025-08-01' ? '2024' : '2013';
        const [cls, disease] = industry.dust
          ? (['职业性尘肺病及其他呼吸系统疾病', pick(r, industry.dust)] as const)
          : pick(r, [
              ['职业性耳鼻喉口腔疾病', '职业性噪声聋'],
              ['职业性化学中毒', '职业性慢性苯中毒'],
              ['物理因素所致职业病', '中暑'],
            ] as const);
        const sex = r() < 0.85 ? 'male' : 'female';
        await files.diseases.write([
          `职诊〔${year}〕${String(++diseaseSerial).padStart(6, '0')}号`,
          code,
          region,
          idNumber(r, region, year - Math.round(45 + 8 * normal(r)), sex),
          personName(r),
          version,
          cls,
          disease,
          diagnosed,
          (Math.round((industry.dust ? 4 + r() * 20 : 2 + r() * 15) * 10) / 10).toFixed(1),
        ]);
      }
    }
  }
  // The fund per prefecture (pooling area) and year: premiums ≈ insured × ¥80,000 wage × 0.6 %.
  for (const [prefecture, f] of [...fund].sort()) {
    for (const [yi, year] of YEARS.entries()) {
      // The current year's income and spending so far.
      const income = (f.insured[yi] ?? 0) * 80_000 * 0.006 * (0.95 + 0.1 * r()) * (share[yi] ?? 1);
      const previous = yi > 0 ? (f.insured[yi - 1] ?? 0) * 80_000 * 0.006 : income;
      await files.fund.write([
        prefecture,
        year,
        income.toFixed(2),
        (income * (0.65 + 0.2 * r())).toFixed(2),
        (previous * (0.012 + 0.015 * r())).toFixed(2),
      ]);
    }
  }
  const counts: Record<string, number> = {};
  for (const [name, file] of Object.entries(files)) {
    await file.close();
    counts[name] = file.rows;
  }
  return { files: counts };
}
