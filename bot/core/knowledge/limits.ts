import { z } from 'zod';

const numberLeaf = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const RESERVED = new Set(['source', 'refs', 'unsure', 'unsureKeys', 'unsureWhy', 'validFrom', 'validUntil']);
const LimitGroupSchema = z
  .object({
    source: z.string().min(1, 'every limits group needs its legal source'),
    refs: z.array(z.string()).default([]),
    unsure: z.boolean(),
    /** The figures of the group that are UNSURE; without it, every figure of an unsure group is. */
    unsureKeys: z.array(z.string()).optional(),
    /** Why the group (or its unsureKeys) is UNSURE. */
    unsureWhy: z.string().min(1).optional(),
    /** A time-limited measure: the first and last day it applies. */
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
  })
  .catchall(z.union([numberLeaf, z.string(), z.array(z.string()), z.record(z.string(), numberLeaf)]))
  .superRefine((g, ctx) => {
    if (g.unsureKeys && !g.unsure) ctx.addIssue({ code: 'custom', path: ['unsureKeys'], message: 'unsureKeys given but unsure is false' });
    for (const key of g.unsureKeys ?? []) if (!(key in g) || RESERVED.has(key)) ctx.addIssue({ code: 'custom', path: ['unsureKeys'], message: `"${key}" is not a figure of this group` });
    if (g.validFrom && g.validUntil && g.validFrom > g.validUntil) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil is before validFrom' });
  });

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
  /** Dotted paths of the figures the fact sheet marks UNSURE (every figure of a group without unsureKeys). */
  readonly unsurePaths: ReadonlySet<string>;
  /** Groups that are time-limited measures, with their dates. */
  readonly validity: ReadonlyMap<string, { readonly from?: string; readonly until?: string }>;
  readonly reviewed: string;
};

/** Flattens a parsed limits file into dotted paths. */
export function toLimits(file: LimitsFile): Limits {
  const values = new Map<string, number>();
  const unsureGroups = new Set<string>();
  const sources = new Map<string, string>();
  const unsurePaths = new Set<string>();
  const validity = new Map<string, { from?: string; until?: string }>();
  for (const [group, body] of Object.entries(file)) {
    if (group === 'schemaVersion' || group === 'reviewed' || typeof body !== 'object' || body === null) continue;
    const parsed = LimitGroupSchema.parse(body);
    if (parsed.unsure) unsureGroups.add(group);
    sources.set(group, parsed.source);
    if (parsed.validFrom || parsed.validUntil) validity.set(group, { ...(parsed.validFrom ? { from: parsed.validFrom } : {}), ...(parsed.validUntil ? { until: parsed.validUntil } : {}) });
    const unsureKey = (key: string) => parsed.unsure && (parsed.unsureKeys === undefined || parsed.unsureKeys.includes(key));
    for (const [key, value] of Object.entries(parsed)) {
      if (RESERVED.has(key)) continue;
      const paths: [string, number][] = typeof value === 'number' ? [[`${group}.${key}`, value]] : typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([sub, n]): [string, number] => [`${group}.${key}.${sub}`, n]) : [];
      for (const [path, n] of paths) {
        values.set(path, n);
        if (unsureKey(key)) unsurePaths.add(path);
      }
    }
  }
  return { values, unsureGroups, sources, unsurePaths, validity, reviewed: file.reviewed };
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
