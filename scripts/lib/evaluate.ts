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
    entry: z.string().optional(),
    expect: z.array(z.string()).default([]),
    department: z.enum(DEPARTMENTS).optional(),
    context: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type EvalItem = z.infer<typeof EvalItemSchema> & { lang: LanguageCode; line: number };

/**
 * Reads test/eval/<set>.<lang>.yaml for every language. Sets: `questions` (the evaluation set
 * the language data was tuned against) and `holdout` (written separately, never tuned on).
 */
export function loadEvalSet(dir: string, set: 'questions' | 'holdout' = 'questions'): EvalItem[] {
  const items: EvalItem[] = [];
  for (const lang of LANGUAGES) {
    const raw: unknown = parseYaml(readFileSync(join(dir, `${set}.${lang}.yaml`), 'utf8'));
    const parsed = z.array(EvalItemSchema).safeParse(raw);
    if (!parsed.success) throw new Error(`eval: ${set}.${lang}.yaml: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    parsed.data.forEach((item, i) => items.push({ ...item, lang, line: i + 1 }));
  }
  return items;
}

export type EvalOutcome = { item: EvalItem; reply: Reply; problems: string[] };

/** Runs one item in a fresh conversation (its context messages first), through the core. */
export function runItem(assistant: Assistant, item: EvalItem): EvalOutcome {
  let conversationId: string | undefined;
  for (const text of item.context) {
    const r = assistant.handleMessage({ text, channel: 'api', conversationId: conversationId as never });
    if (!r.ok) throw new Error(`eval: ${r.error.message}`);
    conversationId = r.value.conversationId;
  }
  const result = assistant.handleMessage({ text: item.q, channel: 'api', conversationId: conversationId as never });
  if (!result.ok) throw new Error(`eval: ${result.error.message}`);
  const reply = result.value.reply;
  return { item, reply, problems: check(item, reply) };
}

function check(item: EvalItem, reply: Reply): string[] {
  const problems: string[] = [];
  if (reply.kind !== item.kind) problems.push(`kind ${reply.kind}, expected ${item.kind}`);
  // A question without letters (emoji only) has no language to detect; any reply language will do.
  if (reply.lang !== item.lang && detectLanguage(item.q).confident) problems.push(`reply in ${reply.lang}, expected ${item.lang}`);
  if (item.entry && (reply.kind === 'answer' || reply.kind === 'clarify') && reply.entryId !== item.entry) problems.push(`entry ${reply.entryId}, expected ${item.entry}`);
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
    failures: outcomes.filter((o) => !pass(o)),
  };
}
