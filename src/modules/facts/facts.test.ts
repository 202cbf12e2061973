import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, describeCounting, describeDeaths } from './counting.js';

/** Every source file of the server and the seed, except the facts module itself and tests. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory())
      return d.name === 'web' || full.endsWith(path.join('modules', 'facts')) ? [] : sourceFiles(full);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('one owner of the counting rules', () => {
  it('no file outside modules/facts places a fact in a year or filters grounds in SQL', () => {
    const offenders: string[] = [];
    const patterns = [/extract\s*\(\s*year/i, /ground\s+like/i, /ground\s+in\s*\(/i, /like\s+'14-/i];
    for (const file of sourceFiles(path.resolve('src')))
      for (const [i, line] of fs.readFileSync(file, 'utf8').split('\n').entries())
        if (patterns.some((p) => p.test(line)))
          offenders.push(`${path.relative('.', file)}:${i + 1}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('the default rules are the determination year and 人次 of all grounds', () => {
    expect(DEFAULT_RULES).toEqual({
      yearBasis: 'determined',
      countUnit: 'cases',
      groundScope: 'all',
      denominator: 'insured',
    });
  });

  it('every figure names its rule', () => {
    expect(describeCounting(DEFAULT_RULES, 'zh')).toBe('人次，全部认定及视同情形，按认定年度');
    expect(
      describeCounting({ yearBasis: 'occurred', countUnit: 'persons', groundScope: 'production' }, 'en'),
    ).toBe('persons (each counted once), production injuries (14-1…14-4), by year of injury');
    expect(describeDeaths({ yearBasis: 'determined', groundScope: 'all' }, 'zh')).toBe(
      '死亡人数（同一人只计一次），全部认定及视同情形，按认定年度',
    );
  });
});
