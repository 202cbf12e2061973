import { describe, expect, it } from 'vitest';
import { buildJurisdictionSeeds, NATIONAL_CODE, PROVINCES } from './jurisdictions.data.js';

const provincesOf = (seeds: ReturnType<typeof buildJurisdictionSeeds>) =>
  seeds.filter((s) => s.level === 'province').map((s) => s.code);

describe('the served provinces (PROVINCES)', () => {
  it('serves Fujian and Jilin by default', () => {
    expect([...PROVINCES]).toEqual(['35', '22']);
    expect(provincesOf(buildJurisdictionSeeds()).sort()).toEqual(['220000', '350000']);
  });

  it('loads a third province with its prefectures and counties under the national root', () => {
    const seeds = buildJurisdictionSeeds(['35', '22', '36']);
    expect(provincesOf(seeds).sort()).toEqual(['220000', '350000', '360000']);
    const jiangxi = seeds.find((s) => s.code === '360000');
    expect(jiangxi).toMatchObject({ name: '江西省', parentCode: NATIONAL_CODE });
    // 江西省 has 11 设区市 (GB/T 2260): 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶.
    expect(seeds.filter((s) => s.parentCode === '360000')).toHaveLength(11);
    expect(seeds.find((s) => s.code === '360102')).toMatchObject({ name: '东湖区', parentCode: '360100' });
    // Every parent comes before its children, so the loader can resolve paths in one pass.
    const seen = new Set<string>();
    for (const seed of seeds) {
      if (seed.parentCode) expect(seen.has(seed.parentCode), seed.code).toBe(true);
      seen.add(seed.code);
    }
  });

  it('refuses a code that is no province, naming the setting', () => {
    expect(() => buildJurisdictionSeeds(['35', '99'])).toThrow(/PROVINCES: 99 is not a province/);
    expect(() => buildJurisdictionSeeds(['3501'])).toThrow(/PROVINCES: 3501/);
  });
});
