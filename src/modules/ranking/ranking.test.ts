import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../../test/exchange-builders.js';
import { type Agent, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { injuryCases, insuredHeadcounts } from '../exchange/exchange.tables.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * Known answers for AN-3: generated employers, headcounts and injuries inserted directly; the
 * expected ranking is computed here, independently, from the same generated rows, and compared
 * with the API for every counting option.
 */

interface EmployerSpec {
  key: string;
  industry: string;
  county: string;
  insured: number | null;
  paying: number | null;
}

/** 4710 建筑 (key industry 建筑施工), 2614 化工 (危险化学品), 5212 retail (not key). */
const EMPLOYERS: EmployerSpec[] = [
  { key: 'bigA', industry: '4710', county: '350102', insured: 2000, paying: 1900 },
  { key: 'bigB', industry: '4710', county: '350104', insured: 2000, paying: 2000 },
  { key: 'bigC', industry: '4720', county: '350102', insured: 2000, paying: 1800 },
  // A firm of ten with one case: 100‰ raw, must not top the list.
  { key: 'tiny', industry: '4710', county: '350102', insured: 10, paying: 10 },
  { key: 'chemA', industry: '2614', county: '350105', insured: 500, paying: 480 },
  { key: 'chemB', industry: '2614', county: '350105', insured: 300, paying: 300 },
  { key: 'shop', industry: '5212', county: '350102', insured: 100, paying: 90 },
  // Cases but no headcount row: counted, never rated.
  { key: 'noHead', industry: '4710', county: '350104', insured: null, paying: null },
  // Insured but nobody paying: a zero denominator under the paying option.
  { key: 'zeroPaying', industry: '2614', county: '350104', insured: 50, paying: 0 },
  // Xiamen: outside Fuzhou's scope.
  { key: 'xiamen', industry: '4710', county: '350203', insured: 100, paying: 100 },
];

interface InjurySpec {
  employer: string;
  person: number;
  ground: string;
  occurred: string;
}

/** Deterministic injuries: grounds cycle through 认定, 视同 and 上下班途中; some workers are hurt twice. */
function generateInjuries(): InjurySpec[] {
  const counts: Record<string, number> = {
    bigA: 30,
    bigB: 40,
    bigC: 50,
    tiny: 1,
    chemA: 6,
    chemB: 0,
    shop: 2,
    noHead: 2,
    zeroPaying: 1,
    xiamen: 20,
  };
  const grounds = ['14-1', '14-1', '14-2', '14-4', '14-6', '15-1', '14-3', '14-1', '14-5', '15-2'];
  const out: InjurySpec[] = [];
  let n = 0;
  for (const [employer, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) {
      n++;
      // Every fourth injury of a firm befalls the worker of the injury before it (2 人次, 1 person).
      const person = i % 4 === 3 ? n - 1 : n;
      out.push({
        employer,
        person,
        ground: grounds[(n + i) % grounds.length] as string,
        occurred: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
      });
    }
    // One injury of the previous year per firm: outside the 2025 ranking.
    out.push({ employer, person: 9000 + n, ground: '14-1', occurred: '2024-12-31' });
  }
  return out;
}
const INJURIES = generateInjuries();

type Options = {
  counting: 'cases' | 'persons';
  grounds: 'all' | 'determined' | 'production';
  denominator: 'insured' | 'paying';
};
const ALL_OPTIONS: Options[] = (['cases', 'persons'] as const).flatMap((counting) =>
  (['all', 'determined', 'production'] as const).flatMap((grounds) =>
    (['insured', 'paying'] as const).map((denominator) => ({ counting, grounds, denominator })),
  ),
);

/** The expected ranking, computed from the specs alone (docs/decisions/0007-ranking-credibility.md). */
function expectedRanking(options: Options) {
  const inFuzhou = EMPLOYERS.filter((e) => e.county.startsWith('3501'));
  const rows = inFuzhou.map((e) => {
    const injuries = INJURIES.filter(
      (i) =>
        i.employer === e.key &&
        i.occurred.startsWith('2025') &&
        (options.grounds === 'all' ||
          (options.grounds === 'determined' && i.ground.startsWith('14-')) ||
          (options.grounds === 'production' && ['14-1', '14-2', '14-3', '14-4'].includes(i.ground))),
    );
    const cases =
      options.counting === 'cases' ? injuries.length : new Set(injuries.map((i) => i.person)).size;
    const exposure = options.denominator === 'insured' ? e.insured : e.paying;
    return { key: e.key, division: e.industry.slice(0, 2), cases, exposure };
  });
  const rated = rows.filter((r) => (r.exposure ?? 0) > 0);
  const divisionRate = (d: string) => {
    const members = rated.filter((r) => r.division === d);
    const e = members.reduce((s, r) => s + (r.exposure ?? 0), 0);
    return members.reduce((s, r) => s + r.cases, 0) / e;
  };
  const E = rated.reduce((s, r) => s + (r.exposure ?? 0), 0);
  const m = rated.reduce((s, r) => s + r.cases, 0) / E;
  // Within-division moments (decision 0007): s² = (Q − Σ_d (n_d − 1)·r_d) / Σ_d (E_d − Σ e² / E_d).
  const divisions = [...new Set(rated.map((r) => r.division))];
  const Q = rated.reduce(
    (s, r) => s + (r.exposure ?? 0) * (r.cases / (r.exposure ?? 1) - divisionRate(r.division)) ** 2,
    0,
  );
  let chance = 0;
  let divisor = 0;
  for (const d of divisions) {
    const members = rated.filter((r) => r.division === d);
    const Ed = members.reduce((s, r) => s + (r.exposure ?? 0), 0);
    chance += (members.length - 1) * divisionRate(d);
    divisor += Ed - members.reduce((s, r) => s + (r.exposure ?? 0) ** 2, 0) / Ed;
  }
  const s2 = (Q - chance) / divisor;
  const k = s2 > 0 ? m / s2 : null;
  const result = rows.map((r) => {
    if (!r.exposure) return { ...r, raw: null, z: null, shrunk: null };
    const raw = r.cases / r.exposure;
    const z = k === null ? 0 : r.exposure / (r.exposure + k);
    return { ...r, raw: raw * 1000, z, shrunk: (z * raw + (1 - z) * divisionRate(r.division)) * 1000 };
  });
  result.sort((a, b) => {
    if (a.shrunk === null || b.shrunk === null)
      return a.shrunk === b.shrunk ? b.cases - a.cases : a.shrunk === null ? 1 : -1;
    return (
      b.shrunk - a.shrunk ||
      (b.raw ?? -1) - (a.raw ?? -1) ||
      b.cases - a.cases ||
      (b.exposure ?? 0) - (a.exposure ?? 0)
    );
  });
  return { k, rows: result };
}

let t: TestApp;
let fuzhou: Agent;
const ids = new Map<string, number>();
const keyOf = (id: number) => [...ids].find(([, v]) => v === id)?.[0];

beforeAll(async () => {
  t = await createTestApp();
  fuzhou = await t.signIn('fuzhou');
  const counties = await t.db
    .select({ id: jurisdictions.id, code: jurisdictions.code })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, [...new Set(EMPLOYERS.map((e) => e.county))]));
  const countyId = (code: string) => counties.find((c) => c.code === code)?.id ?? 0;
  for (const [n, e] of EMPLOYERS.entries()) {
    const [row] = await t.db
      .insert(organisations)
      .values({
        kind: 'employer',
        name: `排名测试${e.key}`,
        creditCode: makeCreditCode(e.county, 5000 + n),
        creditCodeStatus: 'valid',
        industryCode: e.industry,
        jurisdictionId: countyId(e.county),
        insuranceStatus: 'insured',
      })
      .returning({ id: organisations.id });
    ids.set(e.key, row?.id ?? 0);
    if (e.insured !== null)
      await t.db.insert(insuredHeadcounts).values({
        employerId: row?.id ?? 0,
        year: 2025,
        averageInsured: e.insured,
        averagePaying: e.paying ?? 0,
        employees: e.insured,
        batchId: 0,
      });
  }
  await t.db.insert(injuryCases).values(
    INJURIES.map((i, n) => {
      const county = EMPLOYERS.find((e) => e.key === i.employer)?.county ?? '350102';
      return {
        caseNo: `排名测试〔2025〕${n}号`,
        employerId: ids.get(i.employer) ?? 0,
        jurisdictionId: countyId(county),
        idNumber: makeIdNumber(county, '1985-06-15', 'male', i.person),
        idNumberIndex: makeIdNumber(county, '1985-06-15', 'male', i.person),
        personName: `职工${i.person}`,
        sex: 'male' as const,
        birthDate: '1985-06-15',
        post: '架子工',
        occurredOn: i.occurred,
        determinedOn: i.occurred,
        ground: i.ground,
        accidentCategory: '09',
        severity: 'minor' as const,
        isDeath: false,
        fundExpenditureFen: 100_000,
        batchId: 0,
      };
    }),
  );
});
afterAll(async () => t.close());

const query = (o: Options) => `counting=${o.counting}&grounds=${o.grounds}&denominator=${o.denominator}`;

describe('enterprise ranking with credibility (known answers)', () => {
  it.each(ALL_OPTIONS)(
    'matches the independent computation: $counting, $grounds, $denominator',
    async (o) => {
      const res = await fuzhou.get(`/api/ranking/enterprises?year=2025&limit=500&${query(o)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toMatch(/NaN|Infinity/);
      const body = res.json();
      const expected = expectedRanking(o);
      expect(body.options).toEqual({ ...o, yearBasis: 'determined' });
      if (expected.k === null) expect(body.method.k).toBeNull();
      else expect(body.method.k).toBeCloseTo(expected.k, 6);
      expect(body.items.map((r: { employerId: number }) => keyOf(r.employerId))).toEqual(
        expected.rows.map((r) => r.key),
      );
      for (const [i, row] of body.items.entries()) {
        const want = expected.rows[i];
        expect(row.rank).toBe(i + 1);
        expect(row.cases).toBe(want?.cases);
        expect(row.exposure).toBe(want?.exposure);
        for (const [got, exp] of [
          [row.rawRatePer1000, want?.raw],
          [row.credibility, want?.z],
          [row.shrunkRatePer1000, want?.shrunk],
        ] as const) {
          if (exp === null || exp === undefined) expect(got).toBeNull();
          else expect(got).toBeCloseTo(exp, 8);
        }
      }
    },
  );

  it('does not let a firm of ten with one case top a list of firms of thousands', async () => {
    const body = (await fuzhou.get('/api/ranking/enterprises?year=2025')).json();
    const tiny = body.items.find((r: { employerId: number }) => r.employerId === ids.get('tiny'));
    // Its own rate is by far the highest…
    const byRaw = (await fuzhou.get('/api/ranking/enterprises?year=2025&sort=raw')).json();
    expect(byRaw.items[0].employerId).toBe(ids.get('tiny'));
    expect(tiny.rawRatePer1000).toBeCloseTo(100, 8);
    // …but it carries little credibility and ranks below the large firm with the highest rate.
    expect(tiny.credibility).toBeLessThan(0.05);
    expect(body.items[0].employerId).toBe(ids.get('bigC'));
    expect(tiny.rank).toBeGreaterThan(body.items[0].rank);
    expect(tiny.shrunkRatePer1000).toBeLessThan(body.items[0].shrunkRatePer1000);
    // Large firms keep most of their own rate.
    expect(body.items[0].credibility).toBeGreaterThan(tiny.credibility * 50);
  });

  it('gives null, never Infinity or NaN, for a zero or missing denominator', async () => {
    const body = (await fuzhou.get('/api/ranking/enterprises?year=2025&denominator=paying&limit=500')).json();
    const zero = body.items.find((r: { employerId: number }) => r.employerId === ids.get('zeroPaying'));
    expect(zero).toMatchObject({
      exposure: 0,
      rawRatePer1000: null,
      credibility: null,
      shrunkRatePer1000: null,
    });
    const noHead = body.items.find((r: { employerId: number }) => r.employerId === ids.get('noHead'));
    expect(noHead).toMatchObject({ exposure: null, cases: 2, rawRatePer1000: null });
    // Unrated employers come last.
    expect(
      body.items
        .slice(-2)
        .map((r: { employerId: number }) => keyOf(r.employerId))
        .sort(),
    ).toEqual(['noHead', 'zeroPaying']);
  });

  it('ranks by count and filters by division', async () => {
    const body = (await fuzhou.get('/api/ranking/enterprises?year=2025&sort=count&division=26')).json();
    expect(body.items.map((r: { employerId: number }) => keyOf(r.employerId))).toEqual([
      'chemA',
      'zeroPaying',
      'chemB',
    ]);
    expect(body.total).toBe(3);
  });

  it('keeps to the jurisdiction subtree', async () => {
    const body = (await fuzhou.get('/api/ranking/enterprises?year=2025&limit=500')).json();
    expect(body.items.map((r: { employerId: number }) => r.employerId)).not.toContain(ids.get('xiamen'));
    const county = (
      await fuzhou.get('/api/ranking/enterprises?year=2025&jurisdiction=350105&limit=500')
    ).json();
    expect(county.items.map((r: { employerId: number }) => keyOf(r.employerId)).sort()).toEqual([
      'chemA',
      'chemB',
    ]);
    expect((await fuzhou.get('/api/ranking/enterprises?jurisdiction=350200')).statusCode).toBe(404);
  });

  it('refuses a bad option naming the field', async () => {
    const res = await fuzhou.get('/api/ranking/enterprises?counting=heads');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('counting');
  });
});

describe('industry ranking (known answers)', () => {
  it.each(ALL_OPTIONS)('ranks GB/T 4754 divisions: $counting, $grounds, $denominator', async (o) => {
    const body = (await fuzhou.get(`/api/ranking/industries?year=2025&${query(o)}`)).json();
    const rows = expectedRanking(o).rows;
    const divisions = [...new Set(rows.map((r) => r.division))].map((d) => {
      const members = rows.filter((r) => r.division === d);
      const rated = members.filter((r) => (r.exposure ?? 0) > 0);
      const exposure = rated.reduce((s, r) => s + (r.exposure ?? 0), 0);
      const cases = members.reduce((s, r) => s + r.cases, 0);
      // The division's rate is all its cases over its insured, as the indicators compute it
      // (cases at an employer without a headcount are in the numerator, as they are there).
      return { code: d, cases, exposure, rate: exposure > 0 ? (cases * 1000) / exposure : null };
    });
    divisions.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.cases - a.cases);
    expect(body.items.map((r: { code: string }) => r.code)).toEqual(divisions.map((d) => d.code));
    for (const [i, d] of divisions.entries()) {
      expect(body.items[i]).toMatchObject({ rank: i + 1, cases: d.cases, exposure: d.exposure });
      if (d.rate === null) expect(body.items[i].ratePer1000).toBeNull();
      else expect(body.items[i].ratePer1000).toBeCloseTo(d.rate, 8);
    }
  });

  it('ranks the plan period’s key industries', async () => {
    const body = (await fuzhou.get('/api/ranking/industries?year=2025&level=key')).json();
    expect(body.planPeriod).toBe('2021-2025');
    const building = body.items.find((r: { name: string }) => r.name === '建筑施工');
    // bigA, bigB, bigC, tiny rated; noHead's two cases counted (the indicators count them too) and
    // reported as at employers without a headcount.
    expect(building).toMatchObject({ employers: 5, exposure: 6010, cases: 123, unratedCases: 2 });
    expect(building.ratePer1000).toBeCloseTo((123 * 1000) / 6010, 8);
    const mining = body.items.find((r: { name: string }) => r.name === '矿山');
    expect(mining).toMatchObject({ employers: 0, exposure: 0, cases: 0, ratePer1000: null });
  });
});

describe('adoption into the key-enterprise ledger', () => {
  it('refuses a user without analytics:adopt', async () => {
    const member = await t.buildUser({ role: 'member_officer', jurisdictionCode: '350100' });
    const agent = await t.signIn(member.username, TEST_PASSWORD);
    expect((await agent.get('/api/ranking/enterprises?year=2025')).statusCode).toBe(200);
    const res = await agent.post('/api/ranking/adoptions', {
      jurisdictionCode: '350100',
      year: 2025,
      top: 3,
      reason: '联席会议',
    });
    expect(res.statusCode).toBe(403);
  });

  it('adopts the top 3 with their figures, method, who and why; the ledger shows them', async () => {
    const res = await fuzhou.post('/api/ranking/adoptions', {
      jurisdictionCode: '350100',
      year: 2025,
      top: 3,
      reason: '2026年第一次联席会议纪要',
    });
    expect(res.statusCode, res.body).toBe(201);
    const adoption = res.json();
    const ranking = (await fuzhou.get('/api/ranking/enterprises?year=2025')).json();
    expect(adoption).toMatchObject({
      jurisdictionCode: '350100',
      year: 2025,
      method: 'poisson-gamma-eb',
      reason: '2026年第一次联席会议纪要',
      adoptedBy: 'fuzhou',
      supersededAt: null,
      parameters: { counting: 'cases', grounds: 'all', denominator: 'insured', selection: 'top 3' },
    });
    expect(adoption.parameters.k).toBeCloseTo(ranking.method.k, 6);
    expect(adoption.items.map((i: { employerId: number }) => i.employerId)).toEqual(
      ranking.items.slice(0, 3).map((r: { employerId: number }) => r.employerId),
    );
    expect(adoption.items[0].shrunkRatePer1000).toBeCloseTo(ranking.items[0].shrunkRatePer1000, 3);
    expect(ranking.currentAdoption).toMatchObject({ id: adoption.id, employers: 3, adoptedBy: 'fuzhou' });
    expect(ranking.items.slice(0, 4).map((r: { isAdopted: boolean }) => r.isAdopted)).toEqual([
      true,
      true,
      true,
      false,
    ]);

    const ledger = (
      await fuzhou.get('/api/enterprises/ledger?year=2025&adoptedOnly=true&pageSize=50')
    ).json();
    expect(ledger.items.map((r: { id: number }) => r.id).sort()).toEqual(
      adoption.items.map((i: { employerId: number }) => i.employerId).sort(),
    );
    expect(ledger.items[0].adoption).toMatchObject({
      adoptedIn: '福州市',
      adoptedByName: expect.any(String),
    });

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'ranking.adopt'));
    expect(audit).toMatchObject({ actorUsername: 'fuzhou', targetId: String(adoption.id) });
  });

  it('re-adopting the same year replaces the standing adoption with a reason; both are kept', async () => {
    const res = await fuzhou.post('/api/ranking/adoptions', {
      jurisdictionCode: '350100',
      year: 2025,
      employerIds: [ids.get('shop'), ids.get('bigC')],
      reason: '联席会议复议：增列零售企业',
    });
    expect(res.statusCode, res.body).toBe(201);
    const history = (await fuzhou.get('/api/ranking/adoptions?year=2025')).json();
    expect(history.items).toHaveLength(2);
    const [latest, earlier] = history.items;
    expect(latest.supersededAt).toBeNull();
    expect(earlier.supersededById).toBe(latest.id);
    expect(earlier.supersededAt).not.toBeNull();
    expect(earlier.items).toHaveLength(3);
    // Sorted by rank; the retail firm joins the key ledger though outside the key industries.
    expect(latest.items.map((i: { employerId: number }) => keyOf(i.employerId))).toEqual(['bigC', 'shop']);
    const ledger = (await fuzhou.get('/api/enterprises/ledger?year=2025&adoptedOnly=true')).json();
    expect(ledger.items.map((r: { id: number }) => keyOf(r.id)).sort()).toEqual(['bigC', 'shop']);
    const shop = ledger.items.find((r: { id: number }) => r.id === ids.get('shop'));
    expect(shop.keyIndustries).toBe('');
    expect(shop.adoption.rank).toBeGreaterThan(1);
  });

  it('refuses an unranked employer, both or neither of top and selection, and a sibling jurisdiction', async () => {
    const base = { jurisdictionCode: '350100', year: 2025, reason: '联席会议' };
    const unranked = await fuzhou.post('/api/ranking/adoptions', {
      ...base,
      employerIds: [ids.get('noHead')],
    });
    expect(unranked.statusCode).toBe(400);
    expect(unranked.json()).toMatchObject({
      code: 'ranking.not_ranked',
      fields: [{ field: 'employerIds.0' }],
    });
    const both = await fuzhou.post('/api/ranking/adoptions', {
      ...base,
      top: 2,
      employerIds: [ids.get('bigA')],
    });
    expect(both.json()).toMatchObject({ code: 'ranking.top_or_selection', fields: [{ field: 'top' }] });
    const sibling = await fuzhou.post('/api/ranking/adoptions', {
      ...base,
      jurisdictionCode: '350200',
      top: 1,
    });
    expect(sibling.json()).toMatchObject({
      code: 'jurisdiction.unknown',
      fields: [{ field: 'jurisdictionCode' }],
    });
    const noReason = await fuzhou.post('/api/ranking/adoptions', { ...base, top: 1, reason: '' });
    expect(noReason.json().fields[0].field).toBe('reason');
    expect((await fuzhou.get('/api/ranking/adoptions?year=2025')).json().items).toHaveLength(2);
  });
});
