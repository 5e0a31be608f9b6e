export { createWechatApi, WechatApiError, WechatHttpError, type WechatApi, type WechatApiOptions, type WechatApiSettings } from './api-client';
export { createWechatChannel, type WechatChannel, type WechatChannelDeps, type WechatChannelOptions, type WechatSettings } from './channel';
export { ENCODING_AES_KEY, signatureOf, WechatCipher, WechatCryptoError } from './crypto';
export { CUSTOMER_SERVICE_WINDOW_MS, WechatDeliveryError } from './delivery';
export { replyText, splitText, WECHAT_MAX_TEXT_BYTES } from './format';
export { loadWechatMenu, MENU_ACTIONS, menuActionOf, menuKeyOf, toMenuCreateBody, WECHAT_MENU_FILE, type WechatMenu } from './menu';
export { DEFAULT_PASSIVE_BUDGET_MS, MAX_CLOCK_SKEW_MS } from './push-routes';
export type { AccessTokenStore, StoredAccessToken, WechatPushLog, WechatUser, WechatUserStore } from '../storage/ports';
export { loadWechatTexts, loadWechatTextsOrThrow, WECHAT_TEXTS_FILE, type WechatTexts } from './texts';
