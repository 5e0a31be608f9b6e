export { createTelegramChannel, type TelegramChannel, type TelegramChannelDeps, type TelegramChannelOptions, type TelegramSettings } from './channel';
export type { TelegramChat, TelegramChatStore } from '../storage/ports';
export { escapeHtml, replyHtml, splitHtml, TELEGRAM_MAX_MESSAGE_CHARS } from './html';
export { TelegramDeliveryError, redactToken } from './retry';
export { loadTelegramTexts, loadTelegramTextsOrThrow, TELEGRAM_TEXTS_FILE, TelegramTextsFileSchema, type TelegramTexts } from './texts';
export { DEFAULT_WEBHOOK_PATH, SECRET_HEADER, webhookPathOf } from './webhook';
