import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers.js';
import { fixedClock } from '../../platform/time.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { warningBases } from './publicity.tables.js';

/**
 * Warning-base review reminders (PU-2, issue 15 "review due notifies nobody"), as of 2026-10-15:
 * the horizon is 30 days, so a designated base due on or before 2026-11-14 is announced. Four bases
 * in 鼓楼区 (350102), by hand:
 *   A due 2026-11-01 (designated) → announced;  B due 2026-12-01 → not yet (47 days);
 *   C due 2026-10-01 (designated, past due) → announced;  D due 2026-10-20 but withdrawn → never.
 */
let t: TestApp;
const employer: Record<'A' | 'B' | 'C' | 'D', number> = { A: 0, B: 0, C: 0, D: 0 };
const DUE = { A: '2026-11-01', B: '2026-12-01', C: '2026-10-01', D: '2026-10-20' } as const;

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-10-15T04:00:00Z') });
  const [gulou] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350102'));
  const jurisdictionId = gulou?.id as number;
  for (const key of ['A', 'B', 'C', 'D'] as const) {
    const [org] = await t.db
      .insert(organisations)
      .values({ kind: 'employer', name: `基地复评提醒测试单位${key}`, industryCode: '4710', jurisdictionId })
      .returning({ id: organisations.id });
    employer[key] = org?.id as number;
    await t.db.insert(warningBases).values({
      employerId: employer[key],
      jurisdictionId,
      name: `复评提醒测试基地${key}`,
      address: '福州市鼓楼区测试路1号',
      cases: '高处坠落事故案例',
      exhibits: '展板、视频',
      capacity: 40,
      openingTimes: '工作日 9:00-17:00',
      booking: '电话预约',
      status: key === 'D' ? 'withdrawn' : 'designated',
      appliedBy: 'test',
      appliedAt: new Date('2023-01-01T00:00:00Z'),
      designatedOn: '2023-10-01',
      nextReviewDue: DUE[key],
    });
  }
});

afterAll(async () => t?.close());

type Inbox = { items: { kind: string; params: { name: string; due: string }; link: string | null }[] };

async function reminders(username: string, password?: string) {
  const agent = await t.signIn(username, password);
  const inbox = (await agent.get('/api/notifications?pageSize=100')).json() as Inbox;
  return inbox.items
    .filter((n) => n.kind === 'warning_base.review_due' && n.params.name.startsWith('复评提醒测试基地'))
    .map((n) => `${n.params.name}:${n.params.due}`)
    .sort();
}

describe('warning-base review reminders', () => {
  it('announces A and C to the Fuzhou officer, once however often the inbox is read', async () => {
    expect(await reminders('fuzhou')).toEqual([
      '复评提醒测试基地A:2026-11-01',
      '复评提醒测试基地C:2026-10-01',
    ]);
    expect(await reminders('fuzhou')).toEqual([
      '复评提醒测试基地A:2026-11-01',
      '复评提醒测试基地C:2026-10-01',
    ]);
  });

  it('announces its own base only to the employer that runs it', async () => {
    const a = await t.buildUser({ role: 'employer', jurisdictionCode: '350102', organisationId: employer.A });
    expect(await reminders(a.username, TEST_PASSWORD)).toEqual(['复评提醒测试基地A:2026-11-01']);
    const b = await t.buildUser({ role: 'employer', jurisdictionCode: '350102', organisationId: employer.B });
    expect(await reminders(b.username, TEST_PASSWORD)).toEqual([]);
  });

  it('announces nothing of Fuzhou to a sibling prefecture’s officer', async () => {
    const xiamen = await t.buildUser({ role: 'hrss_officer', jurisdictionCode: '350200' });
    expect(await reminders(xiamen.username, TEST_PASSWORD)).toEqual([]);
  });
});
