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
