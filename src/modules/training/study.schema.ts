import { z } from 'zod';

export const ZSegmentInput = z.object({
  title: z.string().trim().min(1).max(200),
  /** What must be studied, in seconds (the video's length). */
  durationSeconds: z.number().int().positive().max(36_000),
});

export const ZSegmentList = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        seq: z.number(),
        title: z.string(),
        durationSeconds: z.number(),
        videoFileName: z.string().nullable(),
        videoSizeBytes: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'SegmentList' });

export const ZVideoUploadQuery = z.object({ fileName: z.string().trim().min(1).max(200) });
export const ZVideoUploaded = z.object({
  id: z.number(),
  segmentId: z.number(),
  sizeBytes: z.number(),
  sha256: z.string(),
  contentType: z.string(),
});

export const ZLearnerAccountInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/),
  /** A first password: the learner changes it at the first sign-in. */
  password: z.string().min(12).max(128),
});
export const ZLearnerAccount = z.object({ userId: z.number(), username: z.string() });

const ZStanding = z.object({
  segments: z.number(),
  segmentsDone: z.number(),
  /** Seconds of study the server credited from heartbeats. */
  onlineSeconds: z.number(),
  offlineHours: z.number(),
  offlineHoursRequired: z.number(),
  questions: z.number(),
  isExamPassed: z.boolean(),
  bestScore: z.number().nullable(),
  isOnlineDone: z.boolean(),
  isOfflineDone: z.boolean(),
  completion: z
    .object({
      id: z.number(),
      certificateNumber: z.string(),
      completedOn: z.string(),
      validUntil: z.string(),
    })
    .nullable(),
});

const ZStudyCourseBase = z.object({
  id: z.number(),
  title: z.string(),
  form: z.enum(['online', 'offline', 'mixed']),
  hours: z.number(),
  roleCodes: z.array(z.string()),
  contentItems: z.array(z.string()),
});

export const ZStudyCourses = z
  .object({
    /** 0 for an account that is not a learner's. */
    total: z.number(),
    items: z.array(ZStudyCourseBase.extend({ standing: ZStanding })),
  })
  .meta({ id: 'StudyCourses' });

export const ZStudyCourse = z
  .object({
    course: ZStudyCourseBase,
    isLearner: z.boolean(),
    segments: z.array(
      z.object({
        id: z.number(),
        seq: z.number(),
        title: z.string(),
        durationSeconds: z.number(),
        hasVideo: z.boolean(),
        watchedSeconds: z.number(),
        isCompleted: z.boolean(),
        /** Ahead of the first unfinished segment: not yet open. */
        isLocked: z.boolean(),
      }),
    ),
    offlineSessions: z.array(
      z.object({
        id: z.number(),
        heldOn: z.string(),
        place: z.string(),
        hours: z.number(),
        signedInAt: z.string().nullable(),
      }),
    ),
    standing: ZStanding.nullable(),
  })
  .meta({ id: 'StudyCourse' });

export const ZStudySessionStarted = z.object({
  id: z.number(),
  startedAt: z.string(),
  /** Sessions of the same learner this one ended. */
  superseded: z.array(z.number()),
});

export const ZHeartbeatInput = z.object({
  /** The segment being watched. */
  segmentId: z.number().int().positive(),
  /** Where the player is, in seconds (recorded for nothing: the server counts time itself). */
  positionSeconds: z.number().min(0).max(36_000).optional(),
});

export const ZHeartbeatResult = z
  .object({
    /** Seconds this heartbeat added (at most the time since the previous one). */
    creditedSeconds: z.number(),
    segment: z.object({ id: z.number(), watchedSeconds: z.number(), isCompleted: z.boolean() }),
    nextSegmentId: z.number().nullable(),
    /** Issued when this heartbeat completed the course. */
    certificateNumber: z.string().nullable(),
  })
  .meta({ id: 'HeartbeatResult' });
