import { z } from 'zod';

const numberLeaf = z.number().finite().nonnegative();
const LimitGroupSchema = z
  .object({
    source: z.string().min(1, 'every limits group needs its legal source'),
    refs: z.array(z.string()).default([]),
    unsure: z.boolean(),
  })
  .catchall(z.union([numberLeaf, z.string(), z.record(z.string(), numberLeaf)]));

export const LimitsFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .catchall(LimitGroupSchema);
export type LimitsFile = z.infer<typeof LimitsFileSchema>;

/** A flattened view of limits.yaml: "tobacco.ordinary.cigars" -> 20, with the group's flags. */
export type Limits = {
  readonly values: ReadonlyMap<string, number>;
  /** Groups whose figures the fact sheet marks UNSURE. */
  readonly unsureGroups: ReadonlySet<string>;
  readonly sources: ReadonlyMap<string, string>;
  readonly reviewed: string;
};

/** Flattens a parsed limits file into dotted paths. */
export function toLimits(file: LimitsFile): Limits {
  const values = new Map<string, number>();
  const unsureGroups = new Set<string>();
  const sources = new Map<string, string>();
  for (const [group, body] of Object.entries(file)) {
    if (group === 'schemaVersion' || group === 'reviewed' || typeof body !== 'object' || body === null) continue;
    const parsed = LimitGroupSchema.parse(body);
    if (parsed.unsure) unsureGroups.add(group);
    sources.set(group, parsed.source);
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'number') values.set(`${group}.${key}`, value);
      else if (typeof value === 'object' && !Array.isArray(value)) {
        for (const [sub, n] of Object.entries(value)) values.set(`${group}.${key}.${sub}`, n);
      }
    }
  }
  return { values, unsureGroups, sources, reviewed: file.reviewed };
}

/**
 * Reads one limit; a missing path is a broken invariant (kb:check verifies every path the
 * code uses, see REQUIRED_LIMITS), so it throws.
 * @example getLimit(limits, 'tobacco.ordinary.cigars') // 20
 */
export function getLimit(limits: Limits, path: string): number {
  const value = limits.values.get(path);
  if (value === undefined) throw new Error(`bot: limits.yaml has no value at "${path}"`);
  return value;
}
