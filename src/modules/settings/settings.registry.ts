import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';

/** What a setting means, shown on the settings page: Chinese first, English second. */
export interface SettingDescription {
  zh: string;
  en: string;
}

/**
 * A declared setting: its key (stored in jurisdiction_settings), the module that owns it, the zod
 * schema of its value, the value that applies when no jurisdiction up the tree sets one, and what it
 * means. Modules resolve and write settings through their handles only.
 */
export interface SettingHandle<T> {
  readonly key: string;
  readonly module: string;
  readonly schema: z.ZodType<T>;
  readonly default: T;
  readonly description: SettingDescription;
}

/** A handle of any value type, for lists of settings. */
// biome-ignore lint/suspicious/noExplicitAny: a list holds handles of different value types
export type AnySettingHandle = SettingHandle<any>;

/** The value type of a handle. */
export type SettingValue<H> = H extends SettingHandle<infer T> ? T : never;

/**
 * Declares a setting. The default must satisfy the schema (checked here, at start-up), so a
 * jurisdiction that sets nothing gets a valid value.
 *
 * ```ts
 * export const termYears = defineSetting({
 *   key: 'experts.termYears', module: 'experts', schema: z.number().int().min(1).max(10), default: 3,
 *   description: { zh: '专家聘期（年）', en: 'An expert’s term, years' },
 * });
 * ```
 */
export function defineSetting<S extends z.ZodType>(declaration: {
  key: string;
  module: string;
  schema: S;
  default: z.output<S>;
  description: SettingDescription;
}): SettingHandle<z.output<S>> {
  assertKey(declaration.key);
  const checked = declaration.schema.safeParse(declaration.default);
  if (!checked.success) throw new Error(`setting ${declaration.key}: its default fails its schema`);
  // A stored value is never null (jsonb not null; a missing row means "inherit").
  if (declaration.schema.safeParse(null).success)
    throw new Error(`setting ${declaration.key}: null is not a value`);
  // A schema S validates values of z.output<S>; TypeScript cannot see that through the generic.
  return Object.freeze({ ...declaration, schema: declaration.schema as z.ZodType<z.output<S>> });
}

/**
 * A family of settings that share a schema and meaning, one per qualifier known only at run time
 * (the analytics targets of each plan period: `targets:2021-2025`). The stored key is
 * `<key>:<qualifier>`; each qualifier has its own default.
 */
export interface SettingFamily<T> {
  readonly key: string;
  readonly module: string;
  readonly schema: z.ZodType<T>;
  readonly description: SettingDescription;
  /** The family's settings that exist now (e.g. one per plan period), each with its default. */
  instances(db: Db): Promise<SettingHandle<T>[]>;
  /** The setting of one qualifier. */
  of(qualifier: string, defaultValue: T): SettingHandle<T>;
}
// biome-ignore lint/suspicious/noExplicitAny: a list holds families of different value types
export type AnySettingFamily = SettingFamily<any>;

export function defineSettingFamily<S extends z.ZodType>(declaration: {
  key: string;
  module: string;
  schema: S;
  description: SettingDescription;
  /** The qualifiers that exist now, each with its default value. */
  qualifiers: (db: Db) => Promise<{ qualifier: string; default: z.output<S> }[]>;
}): SettingFamily<z.output<S>> {
  assertKey(declaration.key);
  if (declaration.schema.safeParse(null).success)
    throw new Error(`setting ${declaration.key}: null is not a value`);
  const { qualifiers, ...rest } = declaration;
  const shared = { ...rest, schema: declaration.schema as z.ZodType<z.output<S>> };
  const of = (qualifier: string, defaultValue: z.output<S>): SettingHandle<z.output<S>> =>
    Object.freeze({ ...shared, key: `${declaration.key}:${qualifier}`, default: defaultValue });
  return Object.freeze({
    ...shared,
    of,
    instances: async (db: Db) => (await qualifiers(db)).map((q) => of(q.qualifier, q.default)),
  });
}

function assertKey(key: string): void {
  if (!/^[a-zA-Z][\w.-]*$/.test(key)) throw new Error(`setting key ${key}: letters, digits, . _ - only`);
}

/**
 * Every declared setting, collected by the composition root (app.ts) from the modules'
 * `<module>.settings.ts`: the settings module knows no module, the modules know it.
 */
export interface SettingsRegistry {
  /** Every setting, families expanded, in declaration order. */
  list(db: Db): Promise<AnySettingHandle[]>;
  /** The setting of a stored key, or undefined. */
  find(db: Db, key: string): Promise<AnySettingHandle | undefined>;
}

export function createSettingsRegistry(
  declarations: readonly (AnySettingHandle | AnySettingFamily)[],
): SettingsRegistry {
  const seen = new Set<string>();
  for (const d of declarations) {
    if (seen.has(d.key)) throw new Error(`setting ${d.key} is declared twice`);
    seen.add(d.key);
  }
  const isFamily = (d: AnySettingHandle | AnySettingFamily): d is AnySettingFamily => 'of' in d;
  const list = async (db: Db) => {
    const expanded = await Promise.all(declarations.map((d) => (isFamily(d) ? d.instances(db) : [d])));
    return expanded.flat();
  };
  return {
    list,
    async find(db, key) {
      const single = declarations.find((d) => !isFamily(d) && d.key === key);
      if (single) return single as AnySettingHandle;
      const family = declarations.find((d) => isFamily(d) && key.startsWith(`${d.key}:`));
      if (!family || !isFamily(family)) return undefined;
      return (await family.instances(db)).find((h) => h.key === key);
    },
  };
}

/** The JSON Schema of a setting's value: the settings page picks its input from it. */
export function jsonSchemaOf(handle: AnySettingHandle): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(handle.schema, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return schema;
}
