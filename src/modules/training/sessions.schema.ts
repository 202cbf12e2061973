import { z } from 'zod';

export const ZTrainingSessionInput = z.object({
  heldOn: z.iso.date(),
  place: z.string().trim().min(2).max(200),
  hours: z.number().positive().max(99),
  /** A code announced in the room; rostered learners may sign in with it that day. */
  signInCode: z.string().trim().min(4).max(12).optional(),
});

export const ZTrainingSessionList = z
  .object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        heldOn: z.string(),
        place: z.string(),
        hours: z.number(),
        hasSignInCode: z.boolean(),
        rostered: z.number(),
        attended: z.number(),
      }),
    ),
  })
  .meta({ id: 'TrainingSessionList' });

export const ZTrainingSessionRoster = z
  .object({
    id: z.number(),
    courseId: z.number(),
    courseTitle: z.string(),
    heldOn: z.string(),
    place: z.string(),
    hours: z.number(),
    signInCode: z.string().nullable(),
    masked: z.boolean(),
    attendees: z.array(
      z.object({
        holderId: z.number(),
        personName: z.string(),
        employerName: z.string(),
        roleNameZh: z.string(),
        roleNameEn: z.string(),
        signedInAt: z.string().nullable(),
        signedInBy: z.enum(['organiser', 'code']).nullable(),
      }),
    ),
  })
  .meta({ id: 'TrainingSessionRoster' });

export const ZRosterInput = z.object({ holderIds: z.array(z.number().int().positive()).min(1).max(500) });
export const ZAttendanceInput = z.object({ holderId: z.number().int().positive() });
export const ZCodeSignIn = z.object({ code: z.string().trim().min(1).max(12) });
export const ZAttendanceResult = z.object({
  signedIn: z.literal(true),
  /** Issued when this attendance completes the course. */
  certificateNumber: z.string().nullable(),
});
