import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type Domain, FORMATS } from '../modules/exchange/formats.js';
import { mapHeaders } from '../modules/exchange/read-file.js';
import { validateRow } from '../modules/exchange/validate.js';
import { buildJurisdictionSeeds } from '../modules/jurisdictions/jurisdictions.data.js';
import { DATA_GAPS, generateDataset } from './generate.js';

/** The present pinned: 6 December 2026, noon in China. Data run 2020–2026, 2026 up to that day. */
const NOW = new Date('2026-12-06T04:00:00Z');
const TODAY = '2026-12-06';
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

const dirs: string[] = [];
async function generate(seed: number, now = NOW) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-gen-'));
  dirs.push(dir);
  const summary = await generateDataset({ scale: 'demo', seed, outDir: dir, now });
  return { dir, summary };
}
const readCsv = (dir: string, file: string) =>
  parse(fs.readFileSync(path.join(dir, file)), { columns: true }) as Record<string, string>[];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const context = {
  jurisdictionCodes: new Set(buildJurisdictionSeeds().map((s) => s.code)),
  today: TODAY,
};

function validate(dir: string, file: string, domain: Domain) {
  const [header, ...rows] = parse(fs.readFileSync(path.join(dir, file)), { bom: true }) as string[][];
  const info = mapHeaders(domain, header ?? []);
  expect(info.missing).toEqual([]);
  return rows.map((row) => {
    const cells = Object.fromEntries(info.keys.map((k, i) => [k ?? '', row[i] ?? '']));
    return validateRow(domain, cells, context);
  });
}

describe('the synthetic data set', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const hash = (dir: string) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, 'injuries.csv')))
        .digest('hex');
    const [a, b, c] = await Promise.all([generate(1), generate(1), generate(2)]);
    expect(hash(a.dir)).toBe(hash(b.dir));
    expect(hash(a.dir)).not.toBe(hash(c.dir));
    expect(a.summary.files.employers).toBe(1500);
    // One headcount row per employer and year, but none in a county's year without data.
    const employers = readCsv(a.dir, 'employers.csv');
    const gapYears = (region: string) => DATA_GAPS.filter((g) => g.county === region).length;
    const expected = employers.reduce((n, e) => n + YEARS.length - gapYears(e.行政区划代码 ?? ''), 0);
    expect(employers.some((e) => gapYears(e.行政区划代码 ?? '') > 0)).toBe(true);
    expect(a.summary.files.headcounts).toBe(expected);
  });

  it('runs from 2020 to the current year, the current year only up to today, and moves with the date', async () => {
    const { dir } = await generate(5);
    const headcounts = readCsv(dir, 'headcounts.csv');
    expect([...new Set(headcounts.map((h) => Number(h.年度)))].sort()).toEqual(YEARS);
    const injuries = readCsv(dir, 'injuries.csv');
    const dates = injuries.flatMap((i) => [i.受伤日期 ?? '', i.认定日期 ?? '']);
    expect(dates.every((d) => d <= TODAY)).toBe(true);
    // Determinations run up to the last weeks; an injury not yet determined is not in the data.
    expect(injuries.some((i) => (i.认定日期 ?? '') >= '2026-11-01')).toBe(true);
    for (const file of ['accidents.csv', 'diseases.csv'])
      expect(
        readCsv(dir, file).every((row) =>
          Object.values(row).every((v) => !/^2026-12-(0[7-9]|[123])/.test(v)),
        ),
      ).toBe(true);
    // A year later the data run one year further.
    const later = await generate(5, new Date('2027-03-01T04:00:00Z'));
    const laterYears = new Set(readCsv(later.dir, 'headcounts.csv').map((h) => Number(h.年度)));
    expect(laterYears.has(2027)).toBe(true);
  });

  it('leaves a county without data in a year (a gap, not a zero)', async () => {
    const { dir } = await generate(6);
    const gap = DATA_GAPS[0] as { county: string; year: number };
    const employers = readCsv(dir, 'employers.csv').filter((e) => e.行政区划代码 === gap.county);
    expect(employers.length).toBeGreaterThan(0);
    const codes = new Set(employers.map((e) => e.统一社会信用代码));
    const headcounts = readCsv(dir, 'headcounts.csv').filter((h) => codes.has(h.统一社会信用代码));
    expect(headcounts.some((h) => Number(h.年度) === gap.year)).toBe(false);
    expect(headcounts.some((h) => Number(h.年度) === gap.year - 1)).toBe(true);
    const injuries = readCsv(dir, 'injuries.csv').filter((i) => codes.has(i.统一社会信用代码));
    expect(injuries.some((i) => (i.受伤日期 ?? '').startsWith(String(gap.year)))).toBe(false);
  });

  it('writes files every row of which passes the importer’s validation, and invalid files that fail it', async () => {
    const { dir } = await generate(3);
    const domains: [string, Domain][] = [
      ['employers.csv', 'employers'],
      ['headcounts.csv', 'headcounts'],
      ['insuredPersons.csv', 'insuredPersons'],
      ['injuries.csv', 'injuries'],
      ['accidents.csv', 'accidents'],
      ['diseases.csv', 'diseases'],
      ['fund.csv', 'fund'],
    ];
    for (const [file, domain] of domains) {
      const results = validate(dir, file, domain);
      expect(results.length, file).toBeGreaterThan(0);
      const failures = results.flatMap((r, i) => (r.ok ? [] : [{ line: i + 2, errors: r.errors }]));
      expect(failures, `${file}: ${JSON.stringify(failures.slice(0, 3))}`).toEqual([]);
    }
    for (const [file, domain] of [
      ['invalid/employers.csv', 'employers'],
      ['invalid/injuries.csv', 'injuries'],
    ] as const) {
      const results = validate(dir, file, domain);
      expect(results.length).toBeGreaterThan(0);
      expect(
        results.every((r) => !r.ok),
        file,
      ).toBe(true);
    }
    expect(FORMATS.injuries.columns.length).toBe(16);
  });

  it('gives dust-hazard industries pneumoconiosis and spreads injuries over the years', async () => {
    const { dir } = await generate(4);
    const diseases = parse(fs.readFileSync(path.join(dir, 'diseases.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(diseases.some((d) => /尘肺|矽肺/.test(d.职业病名称 ?? ''))).toBe(true);
    const injuries = parse(fs.readFileSync(path.join(dir, 'injuries.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const byYear = (year: string) => injuries.filter((i) => (i.受伤日期 ?? '').startsWith(year)).length;
    for (const year of YEARS) expect(byYear(String(year)), String(year)).toBeGreaterThan(0);
  });
});

describe('another province (the national simulation)', () => {
  it('places every employer in a county of that province, from its reference data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-gen-'));
    dirs.push(dir);
    const summary = await generateDataset({
      scale: 'province',
      province: '36',
      employers: 200,
      seed: 3,
      outDir: dir,
      now: NOW,
    });
    // 200 valid employers plus the one deliberately invalid row of invalid/employers.csv.
    expect(summary.files.employers).toBe(200);
    const jiangxi = new Set(
      buildJurisdictionSeeds(['36'])
        .filter((s) => s.level === 'county')
        .map((s) => s.code),
    );
    const employers = readCsv(dir, 'employers.csv');
    expect(employers).toHaveLength(200);
    for (const e of employers)
      expect(jiangxi.has(Object.values(e)[2] as string), JSON.stringify(e)).toBe(true);
  });
});
