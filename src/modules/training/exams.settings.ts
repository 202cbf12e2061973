import { z } from 'zod';
import { defineSetting } from '../settings/settings.registry.js';

/** Settings of exams and online study (TR-4, TR-6); app.ts registers them. */
export const EXAM_SETTINGS = {
  /** The score (0–100) at or above which an exam is passed. */
  passMark: defineSetting({
    key: 'training.exam.passMark',
    module: 'training',
    schema: z.number().int().min(1).max(100),
    default: 60,
    description: { zh: '考试合格分数线（百分制）', en: 'Exam pass mark (out of 100)' },
  }),
  /** How many attempts a learner has at one course's exam. */
  maxAttempts: defineSetting({
    key: 'training.exam.maxAttempts',
    module: 'training',
    schema: z.number().int().min(1).max(20),
    default: 3,
    description: { zh: '每门课程考试次数上限', en: 'Attempts a learner has at a course’s exam' },
  }),
  /** Minutes from drawing a paper to the last moment answers are accepted. */
  timeLimitMinutes: defineSetting({
    key: 'training.exam.timeLimitMinutes',
    module: 'training',
    schema: z.number().int().min(1).max(600),
    default: 30,
    description: { zh: '考试限时（分钟）', en: 'Exam time limit, minutes' },
  }),
  /** Questions drawn per paper (fewer when the bank is smaller). */
  questionCount: defineSetting({
    key: 'training.exam.questionCount',
    module: 'training',
    schema: z.number().int().min(1).max(200),
    default: 20,
    description: { zh: '每份试卷抽题数', en: 'Questions drawn per paper' },
  }),
  /** A study session without a heartbeat for this long is locked (the learner starts a new one). */
  idleLockMinutes: defineSetting({
    key: 'training.study.idleLockMinutes',
    module: 'training',
    schema: z.number().int().min(1).max(120),
    default: 5,
    description: {
      zh: '在线学习无操作锁定时间（分钟）：超时未收到心跳即结束本次学习',
      en: 'Online study idle lock, minutes: a session without a heartbeat this long ends',
    },
  }),
  /** The largest course video accepted, in MB. */
  videoMaxMegabytes: defineSetting({
    key: 'training.study.videoMaxMegabytes',
    module: 'training',
    schema: z.number().int().min(1).max(4096),
    default: 500,
    description: { zh: '课程视频大小上限（MB）', en: 'Largest course video accepted, MB' },
  }),
};
