import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Assistant } from '../../bot/core/conversation';
import { LANGUAGES, type LanguageCode } from '../../bot/core/knowledge/schema';
import { DEPARTMENTS, type Reply, type ReplyKind } from '../../bot/core/types';
import { detectLanguage } from '../../bot/core/text';

const KINDS = ['answer', 'clarify', 'escalated', 'routed', 'smalltalk'] as const;

export const EvalItemSchema = z
  .object({
    q: z.string().min(1),
    kind: z.enum(KINDS),
    /** The entry that must be cited first; a list when either is right. */
    entry: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    expect: z.array(z.string()).default([]),
    /** Patterns the reply must not contain: harmful advice ("no need to declare" for 12 cartons). */
    never: z.array(z.string()).default([]),
    department: z.enum(DEPARTMENTS).optional(),
    context: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type EvalItem = z.infer<typeof EvalItemSchema> & { lang: LanguageCode; line: number };

/** The entry ids an item accepts. */
export const acceptedEntries = (item: EvalItem): string[] => (item.entry === undefined ? [] : typeof item.entry === 'string' ? [item.entry] : item.entry);

/**
 * Reads test/eval/<set>.<lang>.yaml for every language. Sets: `questions` (the evaluation set
 * the language data was tuned against), `holdout` (written separately, never tuned on) and the
 * blind sets `blind<N>` (written by helpers who never saw the data; see DESIGN.md's history).
 */
export function loadEvalSet(dir: string, set = 'questions'): EvalItem[] {
  const items: EvalItem[] = [];
  for (const lang of LANGUAGES) {
    const raw: unknown = parseYaml(readFileSync(join(dir, `${set}.${lang}.yaml`), 'utf8'));
    const parsed = z.array(EvalItemSchema).safeParse(raw);
    if (!parsed.success) throw new Error(`eval: ${set}.${lang}.yaml: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    parsed.data.forEach((item, i) => items.push({ ...item, lang, line: i + 1 }));
  }
  return items;
}

export type EvalOutcome = { item: EvalItem; reply: Reply; problems: string[]; harmful: string[] };

/** Runs one item in a fresh conversation (its context messages first), through the core. */
export async function runItem(assistant: Assistant, item: EvalItem): Promise<EvalOutcome> {
  let conversationId: string | undefined;
  for (const text of item.context) {
    const r = await assistant.handleMessage({ text, channel: 'api', conversationId: conversationId as never });
    if (!r.ok) throw new Error(`eval: ${r.error.message}`);
    conversationId = r.value.conversationId;
  }
  const result = await assistant.handleMessage({ text: item.q, channel: 'api', conversationId: conversationId as never });
  if (!result.ok) throw new Error(`eval: ${result.error.message}`);
  const reply = result.value.reply;
  const harmful = item.never.filter((p) => new RegExp(p, 'iu').test(reply.text)).map((p) => `harmful: text has /${p}/`);
  return { item, reply, problems: [...check(item, reply), ...harmful], harmful };
}

function check(item: EvalItem, reply: Reply): string[] {
  const problems: string[] = [];
  if (reply.kind !== item.kind) problems.push(`kind ${reply.kind}, expected ${item.kind}`);
  // A question without letters (emoji only) has no language to detect; any reply language will do.
  if (reply.lang !== item.lang && detectLanguage(item.q).confident) problems.push(`reply in ${reply.lang}, expected ${item.lang}`);
  const entries = acceptedEntries(item);
  if (entries.length > 0 && (reply.kind === 'answer' || reply.kind === 'clarify') && !entries.includes(reply.entryId)) problems.push(`entry ${reply.entryId}, expected ${entries.join(' or ')}`);
  if (item.department && reply.kind === 'routed' && reply.department !== item.department) problems.push(`department ${reply.department}, expected ${item.department}`);
  for (const pattern of item.expect) {
    if (!new RegExp(pattern, 'iu').test(reply.text)) problems.push(`text lacks /${pattern}/`);
  }
  return problems;
}

export type Rate = { ok: number; total: number; rate: number };
const rate = (ok: number, total: number): Rate => ({ ok, total, rate: total === 0 ? 1 : ok / total });

export type EvalReport = {
  overall: Rate;
  byLanguage: Record<LanguageCode, Rate>;
  byKind: Record<ReplyKind, Rate>;
  /** Answerable (answer/clarify) items answered correctly, per language. */
  answerableByLanguage: Record<LanguageCode, Rate>;
  /** Routed and escalated items handled correctly (right kind and department). */
  routingEscalation: Rate;
  /** Answerable items that were handed to a human, over all answerable items. */
  falseEscalations: Rate;
  /** Items that should have escalated but did not. */
  missedEscalations: Rate;
  /** Replies that match a `never` pattern (harmful advice), over items that have one. */
  harmful: Rate;
  /** Reply length in characters per language: median and 95th percentile. */
  lengths: Record<LanguageCode, { p50: number; p95: number; max: number }>;
  failures: EvalOutcome[];
};

/** Aggregates outcomes into the figures the issue asks for. */
export function summarise(outcomes: EvalOutcome[]): EvalReport {
  const pass = (o: EvalOutcome) => o.problems.length === 0;
  const of = (filter: (o: EvalOutcome) => boolean, ok: (o: EvalOutcome) => boolean = pass) => {
    const subset = outcomes.filter(filter);
    return rate(subset.filter(ok).length, subset.length);
  };
  const answerable = (o: EvalOutcome) => o.item.kind === 'answer' || o.item.kind === 'clarify';
  const byLang = (extra: (o: EvalOutcome) => boolean) => Object.fromEntries(LANGUAGES.map((l) => [l, of((o) => o.item.lang === l && extra(o))])) as Record<LanguageCode, Rate>;
  const routing = (o: EvalOutcome) => o.item.kind === 'routed' || o.item.kind === 'escalated';
  return {
    overall: of(() => true),
    byLanguage: byLang(() => true),
    byKind: Object.fromEntries(KINDS.map((k) => [k, of((o) => o.item.kind === k)])) as Record<ReplyKind, Rate>,
    answerableByLanguage: byLang(answerable),
    routingEscalation: of(routing, (o) => o.reply.kind === o.item.kind && (!o.item.department || (o.reply.kind === 'routed' && o.reply.department === o.item.department))),
    falseEscalations: of(answerable, (o) => o.reply.kind === 'escalated'),
    missedEscalations: of((o) => o.item.kind === 'escalated', (o) => o.reply.kind !== 'escalated'),
    harmful: of((o) => o.item.never.length > 0, (o) => o.harmful.length > 0),
    lengths: Object.fromEntries(LANGUAGES.map((l) => [l, lengthStats(outcomes.filter((o) => o.reply.lang === l).map((o) => [...o.reply.text].length))])) as EvalReport['lengths'],
    failures: outcomes.filter((o) => !pass(o)),
  };
}

function lengthStats(lengths: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...lengths].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
