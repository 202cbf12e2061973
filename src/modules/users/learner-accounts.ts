import { eq } from 'drizzle-orm';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { maskName } from '../../platform/privacy/mask.js';
import { users } from './users.tables.js';

/**
 * The display name stored for a learner account (issue 13, decision 0047): the masked name (陈明 →
 * 陈*), never the name. A learner is a worker, not an official: the name is personal data, kept
 * once, under SM4, in the key-post holder's row, and read from there for the learner's own pages.
 */
export const learnerDisplayName = (name: string): string => maskName(name) || '*';

/**
 * Creates a learner account (role `learner`, decision 0025) inside the caller's transaction. The
 * training module decides who may (an employer for its own key-post holder, an officer in scope) and
 * audits it; this only applies the account rules: the password policy, a free username, and a first
 * password to be changed at first sign-in. `displayName` is the holder's name: stored masked.
 */
export async function insertLearnerUser(
  tx: Db,
  input: {
    username: string;
    password: string;
    displayName: string;
    jurisdictionId: number;
    organisationId: number;
  },
): Promise<number> {
  const broken = checkPasswordPolicy(input.password, input.username);
  if (broken) throw badRequest(broken, 'password');
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw new AppError(409, 'username.taken', {}, 'username');
  const [created] = await tx
    .insert(users)
    .values({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      displayName: learnerDisplayName(input.displayName),
      role: 'learner',
      jurisdictionId: input.jurisdictionId,
      organisationId: input.organisationId,
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  if (!created) throw new Error('insert returned no row');
  return created.id;
}
