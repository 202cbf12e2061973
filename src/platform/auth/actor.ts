import type { Permission, Role } from './permissions.js';

/** Who is acting: every service function takes it first. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  jurisdictionId: number;
  jurisdictionCode: string;
  /** Materialized path of the actor's jurisdiction: its scope is this path and everything below. */
  jurisdictionPath: string;
  organisationId: number | null;
  sessionId: string;
  /** An initial or reset password: until changed, only the routes without a permission answer. */
  mustChangePassword: boolean;
  csrfToken: string;
  ip: string;
  userAgent: string | null;
  /** Authenticated by an API token (Authorization: Bearer), not a browser session: no CSRF check. */
  isToken?: boolean;
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** True when `path` is the actor's jurisdiction or lies below it. */
export function isInScope(actor: Pick<Actor, 'jurisdictionPath'>, path: string): boolean {
  return path === actor.jurisdictionPath || path.startsWith(`${actor.jurisdictionPath}/`);
}
