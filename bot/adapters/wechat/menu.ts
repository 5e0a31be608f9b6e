import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeIssue } from '../../core/knowledge/load';

/** Where the menu definition lives, relative to the knowledge dir. */
export const WECHAT_MENU_FILE = join('lang', 'wechat-menu.yaml');

/** What a menu button can do; its key in WeChat is the action in upper case (ASK_QUESTION). */
export const MENU_ACTIONS = ['ask_question', 'check_luggage', 'talk_to_person'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** WeChat's limit for a top-level button name, in UTF-8 bytes. */
const MAX_NAME_BYTES = 16;

const ButtonSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .refine((n) => Buffer.byteLength(n, 'utf8') <= MAX_NAME_BYTES, { message: `must be at most ${MAX_NAME_BYTES} bytes of UTF-8 (5 Chinese characters)` }),
    action: z.enum(MENU_ACTIONS),
  })
  .strict();

export const WechatMenuFileSchema = z
  .object({ schemaVersion: z.literal(1), buttons: z.array(ButtonSchema).min(1).max(3, 'WeChat allows at most 3 top-level buttons') })
  .strict()
  .refine((m) => new Set(m.buttons.map((b) => b.action)).size === m.buttons.length, { message: 'each action at most once', path: ['buttons'] });
export type WechatMenu = z.infer<typeof WechatMenuFileSchema>;

/** The key WeChat sends back in the CLICK event of an action's button. */
export function menuKeyOf(action: MenuAction): string {
  return action.toUpperCase();
}

/** The action of a CLICK event's EventKey, if it is one of ours. */
export function menuActionOf(eventKey: string | undefined): MenuAction | undefined {
  return MENU_ACTIONS.find((a) => menuKeyOf(a) === eventKey);
}

/** The body of POST /cgi-bin/menu/create for the menu. */
export function toMenuCreateBody(menu: WechatMenu): { button: { type: 'click'; name: string; key: string }[] } {
  return { button: menu.buttons.map((b) => ({ type: 'click', name: b.name, key: menuKeyOf(b.action) })) };
}

/** Reads and validates the menu file; every problem is named by file and path. */
export function loadWechatMenu(knowledgeDir: string): { ok: true; menu: WechatMenu } | { ok: false; issues: KnowledgeIssue[] } {
  const file = WECHAT_MENU_FILE;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(join(knowledgeDir, file), 'utf8'));
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const parsed = WechatMenuFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })) };
  return { ok: true, menu: parsed.data };
}
