/**
 * Open data of the public portal (SV-2): the published aggregates as data sets, one per kind and
 * year, with their dictionary and licence. The statistics are the analytics module's own figures
 * (the signed-in dashboard's count, never a second one), with small cells suppressed (decision 0039).
 */
import { eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/http/errors.js';
import { currentYear } from '../../platform/time.js';
import { findIndicator } from '../analytics/analytics.service.js';
import { latestAnalyticsYear } from '../analytics/cube.js';
import { readAnalyticsVersion } from '../analytics/dashboard.service.js';
import { evaluateIndicator, prepareQuery } from '../analytics/query.service.js';
import { toCsvLine } from '../exchange/csv.js';
import type { JurisdictionRow } from '../jurisdictions/jurisdictions.service.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { unsafeListPublicBudgets, unsafeListPublicProjects } from '../projects/disclosure.service.js';
import { resolveSettings } from '../settings/settings.service.js';
import { PORTAL_SETTINGS } from './portal.settings.js';

export const DATASETS = ['injury-statistics', 'fee-budgets', 'projects'] as const;
export type DatasetCode = (typeof DATASETS)[number];

type Cell = string | number | boolean | null;
export type DataRow = Record<string, Cell>;

/** One column of a data set's dictionary. */
export interface DictionaryColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  zh: string;
  en: string;
  /** Unit of the figure, if any (分 = fen, 1/100 yuan). */
  unit: string | null;
  /** True when a value may be withheld by small-cell suppression. */
  isSuppressible: boolean;
}

const column = (
  name: string,
  type: DictionaryColumn['type'],
  zh: string,
  en: string,
  extra: { unit?: string; isSuppressible?: boolean } = {},
): DictionaryColumn => ({
  name,
  type,
  zh,
  en,
  unit: extra.unit ?? null,
  isSuppressible: extra.isSuppressible ?? false,
});

const JURISDICTION_COLUMNS = [
  column(
    'jurisdiction_code',
    'string',
    '行政区划代码（GB/T 2260）',
    'Administrative division code (GB/T 2260)',
  ),
  column('jurisdiction_name', 'string', '行政区划名称', 'Administrative division name'),
];

/** The count columns of the statistics and the analytics indicator whose numerator each is. */
const STATISTICS_MEASURES = [
  { name: 'injuries', indicator: 'injury_rate_per_1000', zh: '工伤认定数', en: 'Injury determinations' },
  { name: 'injury_deaths', indicator: 'fatality_rate_per_100k', zh: '工亡人数', en: 'Work-related deaths' },
  {
    name: 'accidents',
    indicator: 'accident_count',
    zh: '生产安全事故起数',
    en: 'Safety-production accidents',
  },
  {
    name: 'accident_deaths',
    indicator: 'accident_deaths',
    zh: '生产安全事故死亡人数',
    en: 'Deaths in safety-production accidents',
  },
  {
    name: 'occupational_diseases',
    indicator: 'disease_rate_per_100k',
    zh: '新发职业病病例数',
    en: 'New occupational-disease cases',
  },
  {
    name: 'pneumoconiosis',
    indicator: 'pneumoconiosis_rate_per_100k',
    zh: '新发尘肺病病例数',
    en: 'New pneumoconiosis cases',
  },
] as const;

interface DatasetDefinition {
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  columns: DictionaryColumn[];
}

export const DATASET_DEFINITIONS: Record<DatasetCode, DatasetDefinition> = {
  'injury-statistics': {
    title: { zh: '工伤、事故和职业病统计', en: 'Injury, accident and occupational-disease statistics' },
    description: {
      zh: '所选地区合计、其下各地区及本级的年度计数，与工作台的统计口径相同；低于阈值的计数不公开。',
      en: 'Yearly counts for the chosen area, each area below it and its own level, counted as on the signed-in dashboard; counts below the threshold are withheld.',
    },
    columns: [
      ...JURISDICTION_COLUMNS,
      column(
        'part',
        'string',
        '行类型：total 合计，child 下级地区，own_level 本级',
        'Row kind: total, child (an area below) or own_level',
      ),
      column('year', 'integer', '统计年度', 'Year'),
      ...STATISTICS_MEASURES.map((m) => column(m.name, 'integer', m.zh, m.en, { isSuppressible: true })),
      column(
        'insured',
        'integer',
        '年平均参保人数（发生率的分母）',
        'Average insured persons (the rate denominator)',
        {
          unit: '人',
        },
      ),
      column('injury_rate_per_1000', 'number', '工伤发生率（‰）', 'Injury incidence per 1,000 insured', {
        unit: '‰',
        isSuppressible: true,
      }),
    ],
  },
  'fee-budgets': {
    title: { zh: '工伤预防费预算和使用', en: 'Prevention-fee budgets and use' },
    description: {
      zh: '各统筹地区当年工伤预防费的上限、预算、已承诺和已拨付金额。',
      en: "Each pooling area's prevention-fee cap, budget, committed and paid amounts for the year.",
    },
    columns: [
      ...JURISDICTION_COLUMNS,
      column('year', 'integer', '预算年度', 'Budget year'),
      column(
        'cap_fen',
        'integer',
        '预算上限（上年征缴收入 × 比例）',
        "Cap (the previous year's contribution income × share)",
        {
          unit: '分',
        },
      ),
      column('budget_fen', 'integer', '预算', 'Budget', { unit: '分' }),
      column('committed_fen', 'integer', '已承诺（合同未付）', 'Committed (contracted, not yet paid)', {
        unit: '分',
      }),
      column('paid_fen', 'integer', '已拨付', 'Paid', { unit: '分' }),
    ],
  },
  projects: {
    title: { zh: '工伤预防项目及成效', en: 'Prevention projects and outcomes' },
    description: {
      zh: '公示中和已公开实施情况的项目：类型、重点领域、金额和验收成效（不含申报单位名称）。',
      en: 'Projects in their public notice or with released implementation: kind, key field, amounts and measured outcomes (no applicant names).',
    },
    columns: [
      column('project_id', 'integer', '项目编号', 'Project number'),
      ...JURISDICTION_COLUMNS,
      column('year', 'integer', '项目年度', 'Project year'),
      column('type', 'string', '类型：publicity 宣传，training 培训', 'Kind: publicity or training'),
      column('key_field', 'string', '重点领域', 'Key field'),
      column('industry_code', 'string', '行业大类代码（GB/T 4754）', 'Industry division (GB/T 4754)'),
      column(
        'status',
        'string',
        '状态：listed 公示中，disclosed 已公开实施情况',
        'Status: listed (in notice) or disclosed',
      ),
      column('contract_fen', 'integer', '合同金额', 'Contract amount', { unit: '分' }),
      column('paid_fen', 'integer', '已支付', 'Paid', { unit: '分' }),
      column('deduction_fen', 'integer', '绩效扣减', 'Performance deduction', { unit: '分' }),
      column('satisfaction_pct', 'number', '验收：满意度', 'Outcome: satisfaction', { unit: '%' }),
      column('pass_rate_pct', 'number', '验收：考核通过率', 'Outcome: test pass rate', { unit: '%' }),
      column('injury_rate_change_pct', 'number', '验收：工伤发生率变化', 'Outcome: injury-rate change', {
        unit: '%',
      }),
      column('is_showcase', 'boolean', '示范项目', 'Showcase project'),
    ],
  },
};

export interface Dataset {
  dataset: DatasetCode;
  title: { zh: string; en: string };
  year: number;
  jurisdiction: { code: string; name: string };
  /** Counts below this are withheld (written "<N" in the CSV). */
  threshold: number;
  licence: { zh: string; en: string };
  columns: DictionaryColumn[];
  rows: DataRow[];
  /** The withheld cells: their value is null in `rows`. */
  suppressed: { row: number; column: string }[];
}

/**
 * The jurisdiction whose figures are asked for (default: the top of the tree). Unknown answers 404.
 * Unscoped by design: the portal publishes every area's aggregates.
 */
async function unsafeFindJurisdiction(db: Db, code: string | undefined): Promise<JurisdictionRow> {
  const [row] = await db
    .select()
    .from(jurisdictions)
    .where(code ? eq(jurisdictions.code, code) : isNull(jurisdictions.parentId))
    .orderBy(jurisdictions.code)
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** The materialized path of a jurisdiction by code (404 when unknown); public, so unscoped. */
export async function unsafeFindJurisdictionPath(db: Db, code: string): Promise<string> {
  return (await unsafeFindJurisdiction(db, code)).path;
}

/**
 * The reader the analytics module counts for: an anonymous actor whose scope is the published
 * jurisdiction, with no permission. It lets the portal call the dashboard's own query functions.
 */
function publicReader(scope: JurisdictionRow): Actor {
  return {
    userId: 0,
    username: 'public',
    displayName: 'public',
    role: 'member_officer',
    permissions: new Set(),
    jurisdictionId: scope.id,
    jurisdictionCode: scope.code,
    jurisdictionPath: scope.path,
    organisationId: null,
    sessionId: '',
    mustChangePassword: false,
    csrfToken: '',
    ip: '',
    userAgent: null,
  };
}

/** The years offered in the catalogue: the last five with analytics figures, newest first. */
export async function listOpenDataYears(db: Db): Promise<number[]> {
  const latest = (await latestAnalyticsYear(db)) ?? currentYear() - 1;
  return Array.from({ length: 5 }, (_, i) => latest - i);
}

/**
 * Small-cell suppression (decision 0039). Primary: a count below the threshold. Secondary: where a
 * column's total is shown and exactly one part below it is withheld, the next smallest part is
 * withheld too, so the withheld one cannot be had by subtraction. A rate goes with its count.
 */
export function suppressSmallCells(
  rows: DataRow[],
  options: { threshold: number; counts: readonly string[]; rates: Record<string, string> },
): { row: number; column: string }[] {
  const hidden = new Set<string>();
  const hide = (i: number, c: string) => hidden.add(`${i}\u0001${c}`);
  const isHidden = (i: number, c: string) => hidden.has(`${i}\u0001${c}`);
  for (const [i, row] of rows.entries())
    for (const c of options.counts) {
      const v = row[c];
      if (typeof v === 'number' && v < options.threshold) hide(i, c);
    }
  const totalAt = rows.findIndex((r) => r.part === 'total');
  for (const c of options.counts) {
    if (totalAt < 0 || isHidden(totalAt, c)) continue;
    const parts = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.part !== 'total');
    const withheld = parts.filter(({ i }) => isHidden(i, c));
    if (withheld.length !== 1) continue;
    const next = parts
      .filter(({ i }) => !isHidden(i, c))
      .sort((a, b) => Number(a.r[c]) - Number(b.r[c]) || a.i - b.i)[0];
    if (next) hide(next.i, c);
  }
  for (const [rate, count] of Object.entries(options.rates))
    for (const i of rows.keys()) if (isHidden(i, count)) hide(i, rate);
  const out: { row: number; column: string }[] = [];
  const columns = [...options.counts, ...Object.keys(options.rates)];
  for (const i of rows.keys())
    for (const c of columns)
      if (isHidden(i, c)) {
        out.push({ row: i, column: c });
        (rows[i] as DataRow)[c] = null;
      }
  return out;
}

/** Statistics answers by analytics version (a commit, refresh or changed setting moves it). */
const statisticsCache = new WeakMap<Db, { version: number; answers: Map<string, Promise<DataRow[]>> }>();
const MAX_ANSWERS = 200;

async function computeStatistics(db: Db, scope: JurisdictionRow, year: number): Promise<DataRow[]> {
  const prepared = await prepareQuery(db, publicReader(scope), { jurisdiction: scope.code });
  const results = await Promise.all(
    STATISTICS_MEASURES.map(async (m) => {
      const indicator = await findIndicator(db, m.indicator, scope.path);
      return evaluateIndicator(prepared, indicator, { rows: 'jurisdiction', year }, 'zh');
    }),
  );
  const first = results[0];
  if (!first) return [];
  const total: DataRow = {
    jurisdiction_code: scope.code,
    jurisdiction_name: scope.name,
    part: 'total',
    year,
  };
  const parts: DataRow[] = first.rows.items.map((h) => ({
    jurisdiction_code: h.key === '' ? scope.code : h.key,
    jurisdiction_name: h.key === '' ? scope.name : h.label,
    part: h.key === '' ? 'own_level' : 'child',
    year,
  }));
  for (const [k, m] of STATISTICS_MEASURES.entries()) {
    const r = results[k];
    if (!r) continue;
    total[m.name] = r.total.numerator;
    for (const [i, h] of first.rows.items.entries())
      (parts[i] as DataRow)[m.name] = r.cells.find((c) => c.row === h.key)?.numerator ?? 0;
  }
  // The injury rate: the dashboard's own value and denominator (insured) of the same cells.
  const rate = first;
  const rounded = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  total.insured = rate.total.denominator;
  total.injury_rate_per_1000 = rounded(rate.total.value);
  for (const [i, h] of first.rows.items.entries()) {
    const cell = rate.cells.find((c) => c.row === h.key);
    (parts[i] as DataRow).insured = cell?.denominator ?? 0;
    (parts[i] as DataRow).injury_rate_per_1000 = rounded(cell?.value ?? null);
  }
  return [total, ...parts];
}

/** The statistics of a jurisdiction and year, cached for the data's version (rows are copied). */
async function readStatistics(db: Db, scope: JurisdictionRow, year: number): Promise<DataRow[]> {
  const version = await readAnalyticsVersion(db);
  let held = statisticsCache.get(db);
  if (!held || held.version < version) {
    held = { version, answers: new Map() };
    statisticsCache.set(db, held);
  }
  if (held.version > version) return computeStatistics(db, scope, year);
  const key = `${scope.path}|${year}`;
  let answer = held.answers.get(key);
  if (!answer) {
    answer = computeStatistics(db, scope, year);
    const answers = held.answers;
    answers.set(key, answer);
    answer.catch(() => answers.get(key) === answer && answers.delete(key));
    if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  }
  return (await answer).map((r) => ({ ...r }));
}

async function readRows(
  db: Db,
  dataset: DatasetCode,
  scope: JurisdictionRow,
  year: number,
): Promise<DataRow[]> {
  if (dataset === 'injury-statistics') return readStatistics(db, scope, year);
  if (dataset === 'fee-budgets')
    return (await unsafeListPublicBudgets(db, { path: scope.path, year })).map((b) => ({
      jurisdiction_code: b.jurisdiction.code,
      jurisdiction_name: b.jurisdiction.name,
      year: b.year,
      cap_fen: b.capFen,
      budget_fen: b.budgetFen,
      committed_fen: b.committedFen,
      paid_fen: b.paidFen,
    }));
  const projects = await unsafeListPublicProjects(db, { jurisdiction: scope.code });
  return projects
    .filter((p) => p.year === year)
    .sort((a, b) => a.id - b.id)
    .map((p) => ({
      project_id: p.id,
      jurisdiction_code: p.jurisdiction.code,
      jurisdiction_name: p.jurisdiction.name,
      year: p.year,
      type: p.type,
      key_field: p.keyField,
      industry_code: p.industryCode,
      status: p.status,
      contract_fen: p.contractFen,
      paid_fen: p.paidFen,
      deduction_fen: p.deductionFen,
      satisfaction_pct: p.performanceResults?.satisfactionPct ?? null,
      pass_rate_pct: p.performanceResults?.passRatePct ?? null,
      injury_rate_change_pct: p.performanceResults?.injuryRateChangePct ?? null,
      is_showcase: p.isShowcase,
    }));
}

/**
 * One data set for one year: the rows of the jurisdiction (default: the top of the tree) with
 * small cells withheld, the dictionary and the licence. Unscoped by design (public aggregates).
 */
export async function unsafeDescribeDataset(
  db: Db,
  input: { dataset: DatasetCode; year: number; jurisdiction?: string },
): Promise<Dataset> {
  if (input.year > currentYear()) throw notFound();
  const scope = await unsafeFindJurisdiction(db, input.jurisdiction);
  const definition = DATASET_DEFINITIONS[input.dataset];
  const [settings, rows] = await Promise.all([
    resolveSettings(db, scope.path, PORTAL_SETTINGS),
    readRows(db, input.dataset, scope, input.year),
  ]);
  const threshold = settings.smallCellThreshold.value;
  const suppressed =
    input.dataset === 'injury-statistics'
      ? suppressSmallCells(rows, {
          threshold,
          counts: STATISTICS_MEASURES.map((m) => m.name),
          rates: { injury_rate_per_1000: 'injuries' },
        })
      : [];
  return {
    dataset: input.dataset,
    title: definition.title,
    year: input.year,
    jurisdiction: { code: scope.code, name: scope.name },
    threshold,
    licence: settings.licence.value,
    columns: definition.columns,
    rows,
    suppressed,
  };
}

/** The data set as CSV (UTF-8 with BOM for spreadsheet programs): a withheld cell reads "<N". */
export function datasetToCsv(data: Dataset): string {
  const names = data.columns.map((c) => c.name);
  const withheld = new Set(data.suppressed.map((s) => `${s.row}\u0001${s.column}`));
  const lines = [toCsvLine(names)];
  for (const [i, row] of data.rows.entries())
    lines.push(
      toCsvLine(names.map((n) => (withheld.has(`${i}\u0001${n}`) ? `<${data.threshold}` : (row[n] ?? '')))),
    );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The catalogue: every data set, its dictionary and its stable URLs for the offered years. */
export async function unsafeDescribeCatalogue(db: Db, input: { jurisdiction?: string }) {
  const scope = await unsafeFindJurisdiction(db, input.jurisdiction);
  const [years, settings] = await Promise.all([
    listOpenDataYears(db),
    resolveSettings(db, scope.path, PORTAL_SETTINGS),
  ]);
  const query = input.jurisdiction ? `?jurisdiction=${scope.code}` : '';
  return {
    jurisdiction: { code: scope.code, name: scope.name },
    threshold: settings.smallCellThreshold.value,
    licence: settings.licence.value,
    datasets: DATASETS.map((code) => ({
      code,
      title: DATASET_DEFINITIONS[code].title,
      description: DATASET_DEFINITIONS[code].description,
      columns: DATASET_DEFINITIONS[code].columns,
      years: years.map((year) => ({
        year,
        csv: `/api/open-data/${code}/${year}.csv${query}`,
        json: `/api/open-data/${code}/${year}.json${query}`,
      })),
    })),
  };
}
