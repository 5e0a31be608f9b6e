/** Factories for Telegram updates as the Bot API sends them (telegraf's test/_helpers.js idiom). */

export type ChatFixture = { id: number; type: 'private' | 'group' | 'supergroup'; title?: string };
export type UserFixture = { id: number; is_bot: false; first_name: string; language_code?: string };

export function privateChat(id = 501): ChatFixture {
  return { id, type: 'private' };
}

export function groupChat(id = -100_200): ChatFixture {
  return { id, type: 'supergroup', title: 'Harbin tour, 12-19 Dec' };
}

export function user(languageCode?: string, id = 501): UserFixture {
  return { id, is_bot: false, first_name: 'Traveller', ...(languageCode ? { language_code: languageCode } : {}) };
}

let nextMessageId = 1;

/** Entities Telegram would attach: a leading /command and every @mention. */
function entitiesOf(text: string): Record<string, unknown>[] {
  const entities: Record<string, unknown>[] = [];
  const command = /^\/[\w@]+/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) if (m.index !== 0 || !command) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
  return entities;
}

export type MessageOptions = { chat?: ChatFixture; from?: UserFixture; replyToBot?: { id: number }; messageId?: number };

function messageBase(options: MessageOptions) {
  const chat = options.chat ?? privateChat();
  return {
    message_id: options.messageId ?? nextMessageId++,
    date: 1_780_000_000,
    chat,
    from: options.from ?? user('en', chat.type === 'private' ? chat.id : 777),
    ...(options.replyToBot ? { reply_to_message: { message_id: 1, date: 1_780_000_000, chat, from: { ...options.replyToBot, is_bot: true, first_name: 'bot' }, text: 'earlier answer' } } : {}),
  };
}

export function textUpdate(text: string, options: MessageOptions = {}) {
  const entities = entitiesOf(text);
  return { message: { ...messageBase(options), text, ...(entities.length ? { entities } : {}) } };
}

export function editedTextUpdate(text: string, options: MessageOptions = {}) {
  return { edited_message: { ...messageBase(options), edit_date: 1_780_000_100, text } };
}

export function stickerUpdate(options: MessageOptions = {}) {
  return { message: { ...messageBase(options), sticker: { file_id: 'CAAC', file_unique_id: 'u1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } } };
}

export function photoUpdate(options: MessageOptions = {}) {
  return { message: { ...messageBase(options), photo: [{ file_id: 'AgAD', file_unique_id: 'u2', width: 90, height: 90 }] } };
}

export function voiceUpdate(options: MessageOptions = {}) {
  return { message: { ...messageBase(options), voice: { file_id: 'AwAD', file_unique_id: 'u3', duration: 3 } } };
}

export function memberJoinedUpdate(options: MessageOptions = {}) {
  return { message: { ...messageBase(options), new_chat_members: [user('ru', 9)] } };
}

export function callbackUpdate(data: string, options: { chat?: ChatFixture; from?: UserFixture; messageId?: number } = {}) {
  const chat = options.chat ?? privateChat();
  return {
    callback_query: {
      id: `cb${nextMessageId++}`,
      from: options.from ?? user(undefined, chat.id),
      chat_instance: 'ci-1',
      data,
      message: { message_id: options.messageId ?? 1000, date: 1_780_000_000, chat, text: 'Please choose your language:' },
    },
  };
}
