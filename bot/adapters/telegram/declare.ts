import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { z } from 'zod';
import { DECLARATION_ENTRY_ID } from '../../core/declaration';
import { LanguageCodeSchema, type LanguageCode } from '../../core/knowledge/schema';
import type { Reply } from '../../core/types';
import type { TelegramTextKey, TelegramTexts } from './texts';

/** Questions of the declaration check that a button can answer (the traveller's category). */
const BUTTON_FIELDS = ['category.route', 'category.residency'] as const;
type ButtonField = (typeof BUTTON_FIELDS)[number];

/**
 * Each button: the question it answers, its label, and the words it sends to the assistant as
 * the traveller's answer (words the core's own answer matcher reads; see telegram.yaml).
 */
export const DECLARE_CHOICES = {
  ordinary: { field: 'category.route', label: 'declare_route_ordinary', answer: 'declare_answer_route_ordinary' },
  hk_macao: { field: 'category.route', label: 'declare_route_hk_macao', answer: 'declare_answer_route_hk_macao' },
  frequent: { field: 'category.route', label: 'declare_route_frequent', answer: 'declare_answer_route_frequent' },
  resident: { field: 'category.residency', label: 'declare_residency_resident', answer: 'declare_answer_residency_resident' },
  non_resident: { field: 'category.residency', label: 'declare_residency_non_resident', answer: 'declare_answer_residency_non_resident' },
} as const satisfies Record<string, { field: ButtonField; label: TelegramTextKey; answer: TelegramTextKey }>;
export type DeclareChoice = keyof typeof DECLARE_CHOICES;
const CHOICES = Object.keys(DECLARE_CHOICES) as [DeclareChoice, ...DeclareChoice[]];

/** Button data: `lang:<code>` or `decl:<choice>`; anything else is refused politely. */
export const CallbackDataSchema = z.union([z.tuple([z.literal('lang'), LanguageCodeSchema]), z.tuple([z.literal('decl'), z.enum(CHOICES)])]);

/** The question a chat's buttons are waiting on, stored with the chat (telegram_chats.dialogue_json). */
export const DeclareDialogueSchema = z.object({ kind: z.literal('declare'), asked: z.enum(BUTTON_FIELDS), messageId: z.number().int(), lang: LanguageCodeSchema }).strict();
export type DeclareDialogue = z.infer<typeof DeclareDialogueSchema>;

/** The category question a declaration-check reply asks, if buttons can answer it. */
export function askedCategory(reply: Reply): ButtonField | undefined {
  if (reply.kind !== 'clarify' || reply.entryId !== DECLARATION_ENTRY_ID) return undefined;
  const field = reply.declaration?.missing[0]?.field;
  return BUTTON_FIELDS.find((f) => f === field);
}

/** One button per row (labels are long), for the choices answering `asked`. */
export function declareKeyboard(asked: ButtonField, texts: TelegramTexts, lang: LanguageCode): InlineKeyboardMarkup {
  const rows = CHOICES.filter((c) => DECLARE_CHOICES[c].field === asked).map((c) => [Markup.button.callback(texts[DECLARE_CHOICES[c].label][lang], `decl:${c}`)]);
  return Markup.inlineKeyboard(rows).reply_markup;
}

/** The dialogue a button press belongs to, or undefined when the press is stale or forged. */
export function pendingChoice(stored: unknown, choice: DeclareChoice, messageId: number): DeclareDialogue | undefined {
  const dialogue = DeclareDialogueSchema.safeParse(stored);
  if (!dialogue.success || dialogue.data.messageId !== messageId || dialogue.data.asked !== DECLARE_CHOICES[choice].field) return undefined;
  return dialogue.data;
}
