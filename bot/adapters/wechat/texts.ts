import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeIssue } from '../../core/knowledge/load';
import { trilingualTexts } from '../../core/knowledge/templates';

/** Where the WeChat phrases live, relative to the knowledge dir. */
export const WECHAT_TEXTS_FILE = join('lang', 'wechat.yaml');

/**
 * Phrases of the WeChat channel (knowledge/lang/wechat.yaml), each in zh, en and ru, as plain
 * text (WeChat text messages have no markup). `{name}` marks a value filled in code.
 */
export const WECHAT_TEXT_KEYS = [
  'subscribe_greeting',
  'subscribe_other_languages',
  'unsupported_message',
  'too_long',
  'ask_hint',
  'declare_intro',
  'human_request',
  'coordinator_label',
  'coordinator_resolved',
  'sources_label',
  'try_again',
  'delivery_failed_note',
  'unsubscribed_note',
] as const;
export type WechatTextKey = (typeof WECHAT_TEXT_KEYS)[number];

export const WechatTextsFileSchema = z.object({ schemaVersion: z.literal(1), texts: trilingualTexts(WECHAT_TEXT_KEYS) }).strict();
export type WechatTexts = z.infer<typeof WechatTextsFileSchema>['texts'];

export type WechatTextsResult = { ok: true; texts: WechatTexts } | { ok: false; issues: KnowledgeIssue[] };

/** Reads and validates knowledge/lang/wechat.yaml; every problem is named by file and path. */
export function loadWechatTexts(knowledgeDir: string): WechatTextsResult {
  const file = WECHAT_TEXTS_FILE;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(knowledgeDir, file), 'utf8'));
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const parsed = WechatTextsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })) };
  return { ok: true, texts: parsed.data.texts };
}

/** Start-up path: the texts, or one error listing every issue. */
export function loadWechatTextsOrThrow(knowledgeDir: string): WechatTexts {
  const result = loadWechatTexts(knowledgeDir);
  if (result.ok) return result.texts;
  throw new Error(`bot: ${WECHAT_TEXTS_FILE} is invalid:\n${result.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
}
