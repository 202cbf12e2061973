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
import { generateDataset } from './generate.js';

const dirs: string[] = [];
async function generate(seed: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yufang-gen-'));
  dirs.push(dir);
  const summary = await generateDataset({ scale: 'demo', seed, outDir: dir });
  return { dir, summary };
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const context = {
  jurisdictionCodes: new Set(buildJurisdictionSeeds().map((s) => s.code)),
  today: '2026-11-25',
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
    expect(a.summary.files.headcounts).toBe(1500 * 5);
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

  it('gives dust-hazard industries pneumoconiosis and spreads injuries over the five years', async () => {
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
    expect(byYear('2021')).toBeGreaterThan(0);
    expect(byYear('2025')).toBeGreaterThan(0);
  });
});
