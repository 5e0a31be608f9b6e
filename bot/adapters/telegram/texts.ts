import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeIssue } from '../../core/knowledge/load';
import { trilingualTexts } from '../../core/knowledge/templates';

/** Where the Telegram UI phrases live, relative to the knowledge dir. */
export const TELEGRAM_TEXTS_FILE = join('lang', 'telegram.yaml');

/**
 * Phrases of the Telegram UI (knowledge/lang/telegram.yaml), each in zh, en and ru. They are
 * plain text: the adapter escapes them for HTML. `{name}` marks a value filled in code.
 */
export const TELEGRAM_TEXT_KEYS = [
  'language_name',
  'start_greeting',
  'choose_language',
  'language_set',
  'help',
  'mention_empty',
  'unsupported_message',
  'edited_message',
  'rate_limited',
  'human_request',
  'coordinator_label',
  'coordinator_resolved',
  'button_expired',
  'try_again',
  'sources_label',
  'command_start',
  'command_help',
  'command_lang',
  'command_human',
  'command_declare',
  'command_quiz',
  'declare_intro',
  'declare_route_ordinary',
  'declare_route_hk_macao',
  'declare_route_frequent',
  'declare_residency_resident',
  'declare_residency_non_resident',
  'declare_answer_route_ordinary',
  'declare_answer_route_hk_macao',
  'declare_answer_route_frequent',
  'declare_answer_residency_resident',
  'declare_answer_residency_non_resident',
] as const;
export type TelegramTextKey = (typeof TELEGRAM_TEXT_KEYS)[number];

export const TelegramTextsFileSchema = z.object({ schemaVersion: z.literal(1), texts: trilingualTexts(TELEGRAM_TEXT_KEYS) }).strict();
export type TelegramTexts = z.infer<typeof TelegramTextsFileSchema>['texts'];

export type TelegramTextsResult = { ok: true; texts: TelegramTexts } | { ok: false; issues: KnowledgeIssue[] };

/** Reads and validates knowledge/lang/telegram.yaml; every problem is named by file and path. */
export function loadTelegramTexts(knowledgeDir: string): TelegramTextsResult {
  const file = TELEGRAM_TEXTS_FILE;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(knowledgeDir, file), 'utf8'));
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const parsed = TelegramTextsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })) };
  return { ok: true, texts: parsed.data.texts };
}

/** Start-up path: the texts, or one error listing every issue. */
export function loadTelegramTextsOrThrow(knowledgeDir: string): TelegramTexts {
  const result = loadTelegramTexts(knowledgeDir);
  if (result.ok) return result.texts;
  throw new Error(`bot: ${TELEGRAM_TEXTS_FILE} is invalid:\n${result.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
}
