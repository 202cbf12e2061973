/**
 * The plan periods and their industry lists as the documents give them. The GB/T 4754 mapping of
 * each named industry is ours (the documents name industries, not codes) and stays editable.
 */
export interface IndustrySeed {
  category: 'key' | 'dust';
  name: string;
  industryPrefixes: string[];
}

/** A province's own targets for a plan period, as its plan states them (the clause quoted). */
export interface PlanTargetSeed {
  jurisdictionCode: string;
  targetReductionPct: string;
  annualReductionPct: string | null;
  source: string;
}

export interface PlanPeriodSeed {
  code: string;
  name: string;
  startYear: number;
  endYear: number;
  baselineYear: number;
  targetReductionPct: string;
  annualReductionPct: string | null;
  source: string;
  /** Where the national default's wording is. */
  targetSource: string;
  /** Provinces whose plans state their own targets. */
  targets: PlanTargetSeed[];
  industries: IndustrySeed[];
}

const KEY_2021: IndustrySeed[] = [
  { category: 'key', name: '危险化学品', industryPrefixes: ['25', '26'] },
  { category: 'key', name: '矿山', industryPrefixes: ['06', '07', '08', '09', '10', '11', '12'] },
  { category: 'key', name: '建筑施工', industryPrefixes: ['47', '48', '49', '50'] },
  { category: 'key', name: '交通运输', industryPrefixes: ['53', '54', '55', '56', '57', '58', '59'] },
  { category: 'key', name: '机械制造', industryPrefixes: ['33', '34', '35', '36', '37', '38'] },
];

/** 闽人社文〔2021〕56号 三(三)3: 煤矿、非煤矿山、冶金、建材、陶瓷制造、水泥制造、石材加工. */
const DUST: IndustrySeed[] = [
  { category: 'dust', name: '煤矿', industryPrefixes: ['06'] },
  { category: 'dust', name: '非煤矿山', industryPrefixes: ['08', '09', '10', '11', '12'] },
  { category: 'dust', name: '冶金', industryPrefixes: ['31', '32'] },
  { category: 'dust', name: '建材', industryPrefixes: ['30'] },
  { category: 'dust', name: '陶瓷制造', industryPrefixes: ['307'] },
  { category: 'dust', name: '水泥制造', industryPrefixes: ['3011'] },
  { category: 'dust', name: '石材加工', industryPrefixes: ['3032'] },
];

export const PLAN_PERIODS: readonly PlanPeriodSeed[] = [
  {
    code: '2021-2025',
    name: '工伤预防五年行动计划（2021—2025年）',
    startYear: 2021,
    endYear: 2025,
    baselineYear: 2020,
    // The national plan sets no yearly requirement; Jilin's does (below).
    targetReductionPct: '20',
    annualReductionPct: null,
    source: '人社部发〔2020〕90号；闽人社文〔2021〕56号；吉人社联〔2021〕55号',
    targetSource: '人社部发〔2020〕90号 工作目标（一）：重点行业5年降低20%左右',
    targets: [
      {
        jurisdictionCode: '350000',
        targetReductionPct: '20',
        annualReductionPct: null,
        source: '闽人社文〔2021〕56号 二（一）：工伤事故发生率明显下降，重点行业5年降低20%左右',
      },
      {
        jurisdictionCode: '220000',
        targetReductionPct: '20',
        annualReductionPct: '5',
        source:
          '吉人社联〔2021〕55号 二：重点行业工伤事故发生率5年降低20%左右；计划期内，工伤事故发生率每年比上一年度同比降低5%以上',
      },
    ],
    industries: [...KEY_2021, ...DUST],
  },
  {
    // The 2026–2030 plan's own additions (即时配送 …) are entered as data by an officer, not here.
    code: '2026-2030',
    name: '工伤预防五年行动计划（2026—2030年）',
    startYear: 2026,
    endYear: 2030,
    baselineYear: 2025,
    targetReductionPct: '10',
    annualReductionPct: null,
    source: '工伤预防五年行动计划（2026—2030年）（新华社 2026-03-16）',
    targetSource: '工伤预防五年行动计划（2026—2030年）：重点行业5年降低10%左右（基准 2025 年）',
    // Neither province's plan for 2026–2030 is in our sources yet: the national target applies.
    targets: [],
    industries: [...KEY_2021, ...DUST],
  },
];
