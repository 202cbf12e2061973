import { computeIdCheckChar } from '../src/modules/exchange/id-number.js';
import { computeCreditCodeCheckChar } from '../src/modules/organisations/credit-code.js';

/** A valid 身份证号 for a birth date and sex (serial chosen by `n`). */
export function makeIdNumber(region: string, birth: string, sex: 'male' | 'female', n = 1): string {
  const serial = n * 2 + (sex === 'male' ? 1 : 0);
  const body = `${region}${birth.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return body + computeIdCheckChar(body);
}

export function makeCreditCode(region: string, n: number): string {
  const body = `91${region}MA${String(n).padStart(7, '0')}`;
  return body + computeCreditCodeCheckChar(body);
}

export const INJURY_HEADER = [
  '认定书编号',
  '统一社会信用代码',
  '行政区划代码',
  '身份证号',
  '姓名',
  '性别',
  '出生日期',
  '岗位',
  '受伤日期',
  '认定日期',
  '认定依据',
  '事故类别',
  '伤害程度',
  '伤残等级',
  '是否死亡',
  '基金支出（分）',
];

export interface InjuryOverrides {
  caseNo?: string;
  creditCode?: string;
  jurisdiction?: string;
  idNumber?: string;
  name?: string;
  sex?: string;
  birth?: string;
  post?: string;
  occurred?: string;
  determined?: string;
  ground?: string;
  category?: string;
  severity?: string;
  grade?: string;
  death?: string;
  fen?: string;
}

/** One injury-determination row, valid unless overridden. */
export function injuryRow(n: number, o: InjuryOverrides = {}): string[] {
  const birth = o.birth ?? '1985-06-15';
  return [
    o.caseNo ?? `榕人社工认〔2025〕${String(n).padStart(4, '0')}号`,
    o.creditCode ?? makeCreditCode('350102', 1000),
    o.jurisdiction ?? '350102',
    o.idNumber ?? makeIdNumber('350102', birth, 'male', n),
    o.name ?? `职工${n}`,
    o.sex ?? '男',
    birth,
    o.post ?? '架子工',
    o.occurred ?? '2025-03-14',
    o.determined ?? '2025-04-20',
    o.ground ?? '14-1',
    o.category ?? '09',
    o.severity ?? '重伤',
    o.grade ?? '8',
    o.death ?? '否',
    o.fen ?? '8650000',
  ];
}

export function toCsv(rows: string[][]): string {
  return `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n')}\n`;
}

export const ACCIDENT_HEADER = [
  '事故编号',
  '统一社会信用代码',
  '行政区划代码',
  '发生日期',
  '事故类别',
  '事故等级',
  '死亡人数',
  '重伤人数',
  '直接经济损失（元）',
];

export interface AccidentOverrides {
  accidentNo?: string;
  creditCode?: string;
  jurisdiction?: string;
  occurred?: string;
  category?: string;
  grade?: string;
  deaths?: string;
  serious?: string;
  lossYuan?: string;
}

/** One safety-production accident row (应急), valid unless overridden: 一般 with 1 death, 2 serious. */
export function accidentRow(n: number, o: AccidentOverrides = {}): string[] {
  return [
    o.accidentNo ?? `FZ-2025-${String(n).padStart(4, '0')}`,
    o.creditCode ?? makeCreditCode('350102', 1000),
    o.jurisdiction ?? '350102',
    o.occurred ?? '2025-06-02',
    o.category ?? '10',
    o.grade ?? '一般',
    o.deaths ?? '1',
    o.serious ?? '2',
    o.lossYuan ?? '1250000.00',
  ];
}

export const DISEASE_HEADER = [
  '诊断证明书编号',
  '统一社会信用代码',
  '行政区划代码',
  '身份证号',
  '姓名',
  '目录版本',
  '职业病类别',
  '职业病名称',
  '诊断日期',
  '接害工龄（年）',
];

export interface DiseaseOverrides {
  caseNo?: string;
  creditCode?: string;
  jurisdiction?: string;
  idNumber?: string;
  name?: string;
  version?: string;
  diseaseClass?: string;
  disease?: string;
  diagnosed?: string;
  exposureYears?: string;
}

/** One occupational-disease diagnosis row (卫健), valid unless overridden: 矽肺, 2013 catalogue. */
export function diseaseRow(n: number, o: DiseaseOverrides = {}): string[] {
  return [
    o.caseNo ?? `闽职诊〔2025〕${String(n).padStart(3, '0')}号`,
    o.creditCode ?? makeCreditCode('350102', 1000),
    o.jurisdiction ?? '350102',
    o.idNumber ?? makeIdNumber('350102', '1978-09-01', 'male', n),
    o.name ?? `患者${n}`,
    o.version ?? '2013',
    o.diseaseClass ?? '职业性尘肺病及其他呼吸系统疾病',
    o.disease ?? '矽肺',
    o.diagnosed ?? '2025-05-08',
    o.exposureYears ?? '6.5',
  ];
}

export const FUND_HEADER = ['统筹区代码', '年度', '征缴收入（元）', '待遇支出（元）', '工伤预防费支出（元）'];

export const HEADCOUNT_HEADER = ['统一社会信用代码', '年度', '年平均参保人数', '年平均缴费人数', '职工人数'];

/** An XLSX workbook (one sheet) holding `rows`, as exceljs writes it. */
export async function toXlsx(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
