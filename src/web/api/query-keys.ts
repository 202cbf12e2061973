/**
 * Query keys shared between components (TanStack Query, decision 0030): a write invalidates the keys
 * whose data it changes.
 */
export const queryKeys = {
  /** The header bell's unread count: marking notifications read invalidates it. */
  unreadNotifications: ['notifications', 'unread'] as const,
  /** The workbench's counts (decision 0041): a reminder or a read notification changes them. */
  workbench: ['workbench'] as const,
};
