import { z } from 'zod';

export const ZNotification = z
  .object({
    id: z.number().int(),
    kind: z.string().describe('e.g. action_item.assigned, action_item.due_soon, action_item.overdue'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
