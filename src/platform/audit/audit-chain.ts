import { createHash } from 'node:crypto';
import smCrypto from 'sm-crypto';

/**
 * The audit log's hash chain (decision 0019): each record's hash covers its content and the hash of
 * the record before it, so changing, removing or reordering a record breaks every link after it.
 * SHA-256 by default; SM3 (GB/T 32905, 国密) where a deployment selects it with AUDIT_HASH=sm3.
 */
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** The prevHash of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Hex digest of the UTF-8 bytes of `text`. */
export function digest(algorithm: HashAlgorithm, text: string): string {
  if (algorithm === 'sm3') return smCrypto.sm3(text);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The algorithm a deployment chose (AUDIT_HASH), checked at start. */
export function hashAlgorithmOf(value: string | undefined): HashAlgorithm {
  const chosen = (value ?? '').trim().toLowerCase() || 'sha256';
  if (!(HASH_ALGORITHMS as readonly string[]).includes(chosen))
    throw new Error(`AUDIT_HASH must be sha256 or sm3, got "${value}"`);
  return chosen as HashAlgorithm;
}

/**
 * JSON with object keys sorted at every level, so the text hashed at insert equals the text
 * rebuilt from what the database gives back (jsonb keeps its own key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a record's hash covers: every column but its id and its own hash. */
export interface ChainedContent {
  at: Date;
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  jurisdictionPath: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** The hash of one record, chained to `prevHash`. */
export function hashRecord(algorithm: HashAlgorithm, record: ChainedContent, prevHash: string): string {
  const text = canonicalJson([
    1,
    algorithm,
    prevHash,
    record.at.toISOString(),
    record.actorUserId,
    record.actorUsername,
    record.action,
    record.outcome,
    record.targetType,
    record.targetId,
    record.jurisdictionPath,
    record.ip,
    record.userAgent,
    // A JSON round trip first: undefined members vanish and dates become strings, as in jsonb.
    record.details === null || record.details === undefined
      ? null
      : JSON.parse(JSON.stringify(record.details)),
  ]);
  return digest(algorithm, text);
}
