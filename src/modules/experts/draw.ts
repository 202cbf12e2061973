import { createHash } from 'node:crypto';
import type { DrawPick } from './experts.tables.js';

/**
 * The verifiable panel draw (EX-3), pure so anyone holding the record can recompute it.
 * Algorithm sha256-ctr-v1:
 * - seed = SHA-256(secret + "|" + beaconValue), hex;
 * - the k-th random number is the first 8 bytes of SHA-256(seed + ":" + k) as an unsigned integer;
 * - candidates are sorted by id; each slot draws index (random mod n) from the candidates still
 *   undrawn that hold the slot's field (any field for an open slot);
 * - slots are the field mix in its order, then open slots up to the size; each decline adds a
 *   slot of the declined expert's field, drawn with the next k.
 */
export const DRAW_ALGORITHM = 'sha256-ctr-v1';

export interface DrawCandidate {
  id: number;
  fields: string[];
}

export interface DrawRule {
  size: number;
  fieldMix: { field: string; count: number }[];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function seedOf(secret: string, beaconValue: string): string {
  return sha256Hex(`${secret}|${beaconValue}`);
}

function randomAt(seed: string, k: number): bigint {
  return BigInt(`0x${sha256Hex(`${seed}:${k}`).slice(0, 16)}`);
}

/** Thrown when no undrawn candidate holds a slot's field. */
export class NotEnoughCandidatesError extends Error {
  constructor(readonly field: string | null) {
    super(`not enough candidates for ${field ?? 'an open slot'}`);
  }
}

function drawOne(
  seed: string,
  k: number,
  candidates: readonly DrawCandidate[],
  taken: ReadonlySet<number>,
  field: string | null,
): number {
  const pool = candidates.filter((c) => !taken.has(c.id) && (field === null || c.fields.includes(field)));
  if (pool.length === 0) throw new NotEnoughCandidatesError(field);
  const chosen = pool[Number(randomAt(seed, k) % BigInt(pool.length))];
  return (chosen as DrawCandidate).id;
}

/** The initial slots of a rule: the field mix in order, then open slots. */
export function slotsOf(rule: DrawRule): (string | null)[] {
  const slots: (string | null)[] = [];
  for (const { field, count } of rule.fieldMix) for (let i = 0; i < count; i++) slots.push(field);
  while (slots.length < rule.size) slots.push(null);
  return slots;
}

/** Draws the initial panel. */
export function drawPanel(seed: string, candidates: readonly DrawCandidate[], rule: DrawRule): DrawPick[] {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const taken = new Set<number>();
  return slotsOf(rule).map((field, step) => {
    const expertId = drawOne(seed, step, sorted, taken, field);
    taken.add(expertId);
    return { step, field, expertId, replacesStep: null };
  });
}

/** Draws the replacement of the pick at `replacesStep`, after every pick so far (declined ones too). */
export function drawReplacement(
  seed: string,
  candidates: readonly DrawCandidate[],
  picks: readonly DrawPick[],
  replacesStep: number,
): DrawPick {
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  const declined = picks.find((p) => p.step === replacesStep);
  if (!declined) throw new Error(`no pick at step ${replacesStep}`);
  const step = picks.length;
  const expertId = drawOne(seed, step, sorted, new Set(picks.map((p) => p.expertId)), declined.field);
  return { step, field: declined.field, expertId, replacesStep };
}

export interface DrawRecord extends DrawRule {
  commitment: string;
  secret: string;
  beaconValue: string;
  seed: string;
  algorithm: string;
  candidates: DrawCandidate[];
  picks: DrawPick[];
}

/** Recomputes a draw from its record alone: the commitment, the seed and every pick must match. */
export function verifyDrawRecord(record: DrawRecord) {
  const isCommitmentValid = sha256Hex(record.secret) === record.commitment;
  const recomputedSeed = seedOf(record.secret, record.beaconValue);
  const isSeedValid = recomputedSeed === record.seed;
  const isAlgorithmKnown = record.algorithm === DRAW_ALGORITHM;
  let recomputed: DrawPick[] = [];
  try {
    recomputed = drawPanel(recomputedSeed, record.candidates, record);
    for (const pick of record.picks.slice(recomputed.length)) {
      if (pick.replacesStep === null) break;
      recomputed.push(drawReplacement(recomputedSeed, record.candidates, recomputed, pick.replacesStep));
    }
  } catch {
    // Not enough candidates on recomputation: the picks cannot match.
  }
  const isPanelValid =
    recomputed.length === record.picks.length &&
    recomputed.every((p, i) => {
      const stored = record.picks[i];
      return (
        stored?.expertId === p.expertId && stored.field === p.field && stored.replacesStep === p.replacesStep
      );
    });
  return {
    isValid: isCommitmentValid && isSeedValid && isAlgorithmKnown && isPanelValid,
    isCommitmentValid,
    isSeedValid,
    isAlgorithmKnown,
    isPanelValid,
    recomputedPicks: recomputed,
  };
}
