import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { computeIdCheckChar } from '../exchange/id-number.js';
import { jurisdictions } from '../jurisdictions/jurisdictions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { scorePaper } from './exams.service.js';

/**
 * Exams, online study and offline sessions (TR-4, TR-6), driven through the HTTP API on a clock the
 * test moves by hand (2026-12-07, Beijing morning). Every expected figure is worked out in comments.
 */
const T0 = Date.parse('2026-12-07T01:00:00Z');
let at = T0;
const advance = (seconds: number) => {
  at += seconds * 1000;
};
let t: TestApp;
let fuzhou: Agent;
let learner: Agent;
let other: Agent;
const ids = {} as Record<'employer' | 'holder' | 'otherHolder' | 'online' | 'offline' | 'imports', number>;
const segments: number[] = [];
const NEW_PASSWORD = 'Learner-Passw0rd!9';

function person(n: number): string {
  const first17 = `350121199001${String(n).padStart(2, '0')}${String(300 + n).slice(-3)}`;
  return first17 + computeIdCheckChar(first17);
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('题库');
  sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '分值']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(agent: Agent, url: string, body: Buffer, headers: Record<string, string> = {}) {
  return agent.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });
}

/** A holder's learner account, signed in with its changed password. */
async function learnerAgent(holderId: number, username: string): Promise<Agent> {
  const created = await fuzhou.post(`/api/training/holders/${holderId}/learner`, {
    username,
    password: 'First-Passw0rd!7',
  });
  expect(created.statusCode, created.body).toBe(201);
  const first = await t.signIn(username, 'First-Passw0rd!7');
  const changed = await first.post('/api/auth/password', {
    currentPassword: 'First-Passw0rd!7',
    newPassword: NEW_PASSWORD,
  });
  expect(changed.statusCode, changed.body).toBe(200);
  return t.signIn(username, NEW_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date(at) });
  fuzhou = await t.signIn('fuzhou');
  const [county] = await t.db.select().from(jurisdictions).where(eq(jurisdictions.code, '350121'));
  const [employer] = await t.db
    .insert(organisations)
    .values({
      kind: 'employer',
      name: '闽侯考试测试建筑公司',
      industryCode: '4710',
      jurisdictionId: county?.id as number,
    })
    .returning({ id: organisations.id });
  ids.employer = employer?.id as number;
  const hold = async (n: number) => {
    const res = await fuzhou.post('/api/training/holders', {
      employerId: ids.employer,
      roleCode: 'team_leader',
      personName: `学员${n}`,
      idNumber: person(n),
      startedOn: '2026-01-05',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  ids.holder = await hold(1);
  ids.otherHolder = await hold(2);
  const course = async (title: string, form: string) => {
    const res = await fuzhou.post('/api/training/courses', {
      title,
      form,
      roleCodes: ['team_leader'],
      contentItems: ['policy', 'accident_prevention', 'warning_education'],
      hours: 8,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  ids.online = await course('班组长在线课程（测试）', 'online');
  ids.offline = await course('班组长线下课程（测试）', 'offline');
  ids.imports = await course('题库导入课程（测试）', 'online');
  for (const [title, durationSeconds] of [
    ['第一章 政策', 30],
    ['第二章 警示教育', 20],
  ] as const) {
    const res = await fuzhou.post(`/api/training/courses/${ids.online}/segments`, { title, durationSeconds });
    expect(res.statusCode, res.body).toBe(201);
    segments.push(res.json().id);
  }
  // The online course's bank (5 questions, 10 points), there before anyone studies.
  {
    const file = await workbook([
      ['单选', '工伤预防费可用于哪项？', '宣传培训', '发放奖金', '', '', '', '', 'A', 5],
      ['多选', '班组长应当组织哪些活动？', '班前会', '隐患排查', '聚餐', '', '', '', 'AB', 2],
      ['判断', '发现隐患应当立即报告。', '', '', '', '', '', '', '对', 1],
      ['判断', '未经培训可以上岗。', '', '', '', '', '', '', '错误', 1],
      ['单选', '安全生产第一责任人是？', '班组长', '安全员', '主要负责人', '', '', '', 'C', 1],
    ]);
    const res = await upload(
      fuzhou,
      `/api/training/courses/${ids.online}/questions/import?fileName=exam.xlsx`,
      file,
    );
    expect(res.json()).toMatchObject({ imported: 5, rejected: [] });
  }
  learner = await learnerAgent(ids.holder, 'xueyuan1');
  other = await learnerAgent(ids.otherHolder, 'xueyuan2');
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('scoring (pure)', () => {
  it('counts the points of exactly right answers, out of 100, rounded down', () => {
    const paper = [
      { id: 1, answer: [1], points: 2 },
      { id: 2, answer: [0, 2], points: 1 },
      { id: 3, answer: [0], points: 1 },
    ];
    // q1 right (2), q2 half right counts 0, q3 right (1): 3 of 4 points = 75.
    expect(scorePaper(paper, { 1: [1], 2: [0], 3: [0] })).toEqual({ earned: 3, total: 4, score: 75 });
    // q2 all right, answered in another order (1): 1 of 4 = 25; nothing else answered.
    expect(scorePaper(paper, { 2: [2, 0] })).toEqual({ earned: 1, total: 4, score: 25 });
    // 2 of 3 points would be 66.67: rounded down to 66, never up.
    expect(scorePaper(paper.slice(0, 1).concat([{ id: 4, answer: [1], points: 1 }]), { 1: [1] }).score).toBe(
      66,
    );
  });
});

describe('question import from XLSX', () => {
  it('keeps every valid row and names the line and column of each bad one', async () => {
    const file = await workbook([
      ['单选', '安全帽的作用是？', '装饰', '防护头部', '保暖', '', '', '', 'B', 2], // line 2: valid
      ['多选', '以下哪些是劳动防护用品？', '安全帽', '安全带', '手机', '', '', '', 'A', 1], // 3: multiple needs ≥2 letters → I
      ['判断', '发生工伤应当及时报告。', '', '', '', '', '', '', '正确', ''], // 4: valid, 1 point by default
      ['填空', '工伤预防的方针是____。', '', '', '', '', '', '', '安全第一', 1], // 5: unknown kind → A
      ['单选', '选项有空缺的题', '甲', '', '丙', '', '', '', 'A', 1], // 6: gap at 选项B → D
      ['单选', '安全帽的作用是？', '装饰', '防护头部', '', '', '', '', 'B', 1], // 7: repeats line 2 → B
      ['单选', '分值为零的题', '甲', '乙', '', '', '', '', 'A', 0], // 8: points 0 → J
    ]);
    const res = await upload(
      fuzhou,
      `/api/training/courses/${ids.imports}/questions/import?fileName=bank.xlsx`,
      file,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(2);
    expect(body.alreadyInBank).toBe(0);
    expect(
      body.rejected.map((r: { line: number; column: string; code: string }) => [r.line, r.column, r.code]),
    ).toEqual([
      [3, 'I', 'training.question_answer'],
      [5, 'A', 'training.question_kind'],
      [6, 'D', 'training.question_options'],
      [7, 'B', 'training.question_repeated'],
      [8, 'J', 'training.question_points'],
    ]);
    expect(body.rejected[3].message).toContain('第 2 行');
    const bank = (await fuzhou.get(`/api/training/courses/${ids.imports}/questions`)).json();
    expect(
      bank.items.map((q: { kind: string; answer: number[]; points: number }) => [q.kind, q.answer, q.points]),
    ).toEqual([
      ['single', [1], 2],
      ['true_false', [0], 1],
    ]);
    // The same file again: nothing new, the two valid rows already in the bank.
    const again = (
      await upload(fuzhou, `/api/training/courses/${ids.imports}/questions/import?fileName=bank.xlsx`, file)
    ).json();
    expect([again.imported, again.alreadyInBank, again.rejected.length]).toEqual([0, 2, 5]);
  });

  it('refuses a file that is not a workbook, naming the file', async () => {
    const res = await upload(
      fuzhou,
      `/api/training/courses/${ids.imports}/questions/import?fileName=bank.xlsx`,
      Buffer.from('not a workbook'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('file');
  });
});

describe('online study (TR-6)', () => {
  let first: number;
  it('refuses skipping ahead to an unwatched segment, in heartbeats and videos alike', async () => {
    const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    for (const segment of segments) {
      const up = await upload(
        fuzhou,
        `/api/training/segments/${segment}/video?fileName=part${segment}.mp4`,
        video,
      );
      expect(up.statusCode, up.body).toBe(201);
    }
    const started = await learner.post(`/api/study/courses/${ids.online}/sessions`);
    expect(started.statusCode, started.body).toBe(201);
    first = started.json().id;
    advance(5);
    const skip = await learner.post(`/api/study/sessions/${first}/heartbeat`, { segmentId: segments[1] });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('training.study_skip_refused');
    const locked = await learner.get(`/api/study/segments/${segments[1]}/video`);
    expect(locked.statusCode).toBe(409);
    const course = (await learner.get(`/api/study/courses/${ids.online}`)).json();
    expect(course.segments.map((s: { isLocked: boolean }) => s.isLocked)).toEqual([false, true]);
  });

  it('serves a byte range of the open segment’s video (206 with exactly those bytes)', async () => {
    const res = await learner.request({
      method: 'GET',
      url: `/api/study/segments/${segments[0]}/video`,
      headers: { range: 'bytes=100-199' },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/1000');
    expect([...res.rawPayload]).toEqual(Array.from({ length: 100 }, (_, i) => (100 + i) % 251));
  });

  it('credits no more than the time elapsed, however fast heartbeats come', async () => {
    // The refused heartbeat above (t0+5 s) credited nothing and did not move the clock.
    advance(5); // t0+10 s
    const beat = () =>
      learner.post(`/api/study/sessions/${first}/heartbeat`, {
        segmentId: segments[0],
        positionSeconds: 999,
      });
    const one = await beat();
    expect(one.json().creditedSeconds).toBe(10);
    // Five more at the same instant: 0 seconds elapsed, 0 credited, whatever position they claim.
    for (let i = 0; i < 5; i++) expect((await beat()).json().creditedSeconds).toBe(0);
    advance(2); // t0+12 s: 12 s in all, 12 s credited.
    const two = (await beat()).json();
    expect(two.creditedSeconds).toBe(2);
    expect(two.segment).toEqual({ id: segments[0], watchedSeconds: 12, isCompleted: false });
  });

  it('ends the first session when a second starts', async () => {
    advance(3); // t0+15 s
    const second = await learner.post(`/api/study/courses/${ids.online}/sessions`);
    expect(second.json().superseded).toEqual([first]);
    const stale = await learner.post(`/api/study/sessions/${first}/heartbeat`, { segmentId: segments[0] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('training.study_session_ended');
    advance(20); // t0+35 s: 20 s elapsed, but segment 1 needs only 30 − 12 = 18 more.
    const done = (
      await learner.post(`/api/study/sessions/${second.json().id}/heartbeat`, { segmentId: segments[0] })
    ).json();
    expect(done.creditedSeconds).toBe(18);
    expect(done.segment).toEqual({ id: segments[0], watchedSeconds: 30, isCompleted: true });
    expect(done.nextSegmentId).toBe(segments[1]);
    // Another learner cannot beat on this learner's session: as if it did not exist.
    const foreign = await other.post(`/api/study/sessions/${second.json().id}/heartbeat`, {
      segmentId: segments[0],
    });
    expect(foreign.statusCode).toBe(404);
    // Idle past the default 5 minutes: locked, nothing credited.
    advance(6 * 60);
    const idle = await learner.post(`/api/study/sessions/${second.json().id}/heartbeat`, {
      segmentId: segments[1],
    });
    expect(idle.statusCode).toBe(409);
    expect(idle.json().code).toBe('training.study_idle_locked');
  });

  it('opens the next segment once the first is done, and counts the course studied', async () => {
    const third = (await learner.post(`/api/study/courses/${ids.online}/sessions`)).json().id;
    advance(25); // 25 s elapsed on a 20 s segment: 20 credited.
    const done = (
      await learner.post(`/api/study/sessions/${third}/heartbeat`, { segmentId: segments[1] })
    ).json();
    expect(done.creditedSeconds).toBe(20);
    expect(done.segment.isCompleted).toBe(true);
    const course = (await learner.get(`/api/study/courses/${ids.online}`)).json();
    // 12 + 18 + 20 = 50 seconds, both segments done; no certificate yet (the exam is still to pass).
    expect(course.standing).toMatchObject({
      segments: 2,
      segmentsDone: 2,
      onlineSeconds: 50,
      isOnlineDone: true,
    });
    expect(course.standing.completion).toBeNull();
    expect((await learner.post(`/api/study/sessions/${third}/end`)).statusCode).toBe(200);
  });
});

describe('exams (TR-4)', () => {
  /** Stem → its right choice, and a wrong one, for answering papers drawn in any order. */
  const KEY: Record<string, { right: number[]; wrong: number[] }> = {
    '工伤预防费可用于哪项？': { right: [0], wrong: [1] }, // single, 5 points
    '班组长应当组织哪些活动？': { right: [0, 1], wrong: [0] }, // multiple, 2 points
    '发现隐患应当立即报告。': { right: [0], wrong: [1] }, // true/false, 1 point
    '未经培训可以上岗。': { right: [1], wrong: [0] }, // true/false, 1 point
    '安全生产第一责任人是？': { right: [2], wrong: [0] }, // single, 1 point
  };
  /** Answers right exactly the stems listed (total 10 points), wrong the rest. */
  const answer = (questions: { id: number; stem: string }[], right: string[]) => ({
    answers: questions.map((q) => ({
      questionId: q.id,
      choice: right.includes(q.stem)
        ? (KEY[q.stem] as { right: number[] }).right
        : (KEY[q.stem] as { wrong: number[] }).wrong,
    })),
  });
  let firstAttempt: { id: number; questions: { id: number; stem: string }[] };

  it('scores a paper by hand: 5 of 10 points is 50, below the pass mark of 60', async () => {
    const started = await learner.post(`/api/study/courses/${ids.online}/exam-attempts`);
    expect(started.statusCode, started.body).toBe(200);
    firstAttempt = started.json();
    // The default 20 questions per paper, from a bank of 5: all 5, in a random order; no answers shown.
    expect(firstAttempt.questions.map((q) => q.stem).sort()).toEqual(Object.keys(KEY).sort());
    expect(JSON.stringify(firstAttempt)).not.toContain('"answer"');
    // Another learner's paper: refused as if unknown.
    const foreign = await other.post(
      `/api/study/exam-attempts/${firstAttempt.id}/answers`,
      answer(firstAttempt.questions, []),
    );
    expect(foreign.statusCode).toBe(404);
    // A question not on the paper.
    const stray = await learner.post(`/api/study/exam-attempts/${firstAttempt.id}/answers`, {
      answers: [{ questionId: 999_999, choice: [0] }],
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().fields[0].field).toBe('answers.0.questionId');
    advance(60);
    const res = await learner.post(
      `/api/study/exam-attempts/${firstAttempt.id}/answers`,
      answer(firstAttempt.questions, ['工伤预防费可用于哪项？']),
    );
    expect(res.json()).toMatchObject({
      score: 50,
      earnedPoints: 5,
      totalPoints: 10,
      passMark: 60,
      isPassed: false,
      certificateNumber: null,
    });
    const again = await learner.post(
      `/api/study/exam-attempts/${firstAttempt.id}/answers`,
      answer(firstAttempt.questions, []),
    );
    expect(again.statusCode).toBe(409);
  });

  it('refuses answers after the time limit (30 minutes by default) and keeps the attempt as expired', async () => {
    const attempt = (await learner.post(`/api/study/courses/${ids.online}/exam-attempts`)).json();
    expect(attempt.attemptNo).toBe(2);
    advance(30 * 60 + 1);
    const late = await learner.post(
      `/api/study/exam-attempts/${attempt.id}/answers`,
      answer(attempt.questions, Object.keys(KEY)),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('training.exam_time_up');
  });

  it('passes at exactly the pass mark (6 of 10 points = 60) and issues a certificate the public check verifies', async () => {
    const attempt = (await learner.post(`/api/study/courses/${ids.online}/exam-attempts`)).json();
    expect(attempt.attemptNo).toBe(3);
    advance(120);
    // 5 + 1 = 6 points: exactly 60.
    const res = (
      await learner.post(
        `/api/study/exam-attempts/${attempt.id}/answers`,
        answer(attempt.questions, ['工伤预防费可用于哪项？', '发现隐患应当立即报告。']),
      )
    ).json();
    expect(res).toMatchObject({ score: 60, isPassed: true });
    expect(res.certificateNumber).toMatch(/^PX2026350121/);
    // Valid for the default 3 years, to the day before.
    expect(res.validUntil).toBe('2029-12-06');
    const check = await t.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${res.certificateNumber}`,
    });
    expect(check.json()).toMatchObject({
      status: 'valid',
      personName: '学**',
      courseTitle: '班组长在线课程（测试）',
    });
    const attempts = (await learner.get(`/api/study/courses/${ids.online}/exam-attempts`)).json();
    expect(attempts.items.map((a: { status: string; score: number }) => [a.status, a.score])).toEqual([
      ['submitted', 50],
      ['expired', 0],
      ['submitted', 60],
    ]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'training.completion.record'))
      .orderBy(auditLog.id);
    expect(audit?.details).toMatchObject({ certificate: res.certificateNumber, method: 'exam' });
    // The holder now counts as trained.
    const holders = (
      await fuzhou.get(`/api/training/holders?jurisdiction=350121&employerId=${ids.employer}`)
    ).json();
    const trained = holders.items.find((h: { id: number }) => h.id === ids.holder);
    expect(trained.trainedOn).toBe('2026-12-07');
    const passedAgain = await learner.post(`/api/study/courses/${ids.online}/exam-attempts`);
    expect(passedAgain.json().code).toBe('training.exam_already_passed');
  });

  it('refuses the exam before the online segments are studied', async () => {
    const res = await other.post(`/api/study/courses/${ids.online}/exam-attempts`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('training.exam_study_incomplete');
  });
});

describe('offline sessions', () => {
  it('counts attended hours toward the course: 4 + 4 of 8 hours completes it', async () => {
    const session = async (hours: number, signInCode?: string) => {
      const res = await fuzhou.post(`/api/training/courses/${ids.offline}/sessions`, {
        heldOn: '2026-12-07',
        place: '闽侯县职工培训中心',
        hours,
        signInCode,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const morning = await session(4);
    const afternoon = await session(4, 'AB12');
    for (const s of [morning, afternoon])
      expect(
        (await fuzhou.post(`/api/training/sessions/${s}/roster`, { holderIds: [ids.otherHolder] })).json(),
      ).toEqual({ added: 1 });
    const first = (
      await fuzhou.post(`/api/training/sessions/${morning}/attendance`, { holderId: ids.otherHolder })
    ).json();
    expect(first).toEqual({ signedIn: true, certificateNumber: null });
    const wrong = await other.post(`/api/study/offline-sessions/${afternoon}/sign-in`, { code: 'ZZ99' });
    expect(wrong.statusCode).toBe(400);
    // Not on the roster: the first learner cannot sign in to it at all.
    expect(
      (await learner.post(`/api/study/offline-sessions/${afternoon}/sign-in`, { code: 'AB12' })).statusCode,
    ).toBe(404);
    const second = (
      await other.post(`/api/study/offline-sessions/${afternoon}/sign-in`, { code: 'AB12' })
    ).json();
    expect(second.certificateNumber).toMatch(/^PX2026/);
    const roster = (await fuzhou.get(`/api/training/sessions/${afternoon}`)).json();
    expect(roster.attendees).toHaveLength(1);
    expect(roster.attendees[0].signedInBy).toBe('code');
    const list = (await fuzhou.get(`/api/training/courses/${ids.offline}/sessions`)).json();
    expect(list.items.map((s: { rostered: number; attended: number }) => [s.rostered, s.attended])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
