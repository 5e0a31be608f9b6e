import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message signing and "safe mode" encryption, as published for Official Accounts
 * (消息加解密说明, the WXBizMsgCrypt samples): SHA-1 over the sorted strings; AES-256-CBC with
 * the 32-byte key decoded from the 43-character EncodingAESKey, IV = its first 16 bytes, and
 * PKCS#7 padding to a multiple of 32 bytes (not the cipher's 16, hence the manual padding).
 * Plaintext = 16 random bytes + 4-byte big-endian length + message + AppID.
 * Pinned by test/adapters/wechat/crypto.test.ts with the samples' own vectors.
 */

/** An EncodingAESKey: 43 characters of A-Z, a-z, 0-9 (base64 of 32 bytes without the final "="). */
export const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;

const BLOCK_BYTES = 32;

/** SHA-1 hex of the strings sorted and concatenated: `signature` (token, timestamp, nonce) and `msg_signature` (plus Encrypt). */
export function signatureOf(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time. */
export function isSameSignature(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a ciphertext was refused; the push route answers 401 for each. */
export class WechatCryptoError extends Error {
  override readonly name = 'WechatCryptoError';
  constructor(
    readonly code: 'bad_ciphertext' | 'wrong_app_id',
    message: string,
  ) {
    super(message);
  }
}

/** Encrypts and decrypts message bodies for one account (AppID + EncodingAESKey). */
export class WechatCipher {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(
    encodingAesKey: string,
    private readonly appId: string,
  ) {
    if (!ENCODING_AES_KEY.test(encodingAesKey)) throw new Error('bot: an EncodingAESKey is 43 characters of A-Z, a-z and 0-9');
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    this.iv = this.key.subarray(0, 16);
  }

  /** The base64 `Encrypt` value for a message. `random` (16 bytes) is for test vectors only. */
  encrypt(message: string, random: Buffer = randomBytes(16)): string {
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([random, length, body, Buffer.from(this.appId, 'utf8')]);
    const pad = BLOCK_BYTES - (plain.length % BLOCK_BYTES);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  }

  /** The message inside an `Encrypt` value; throws WechatCryptoError when it is malformed or for another AppID. */
  decrypt(encrypted: string): string {
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv).setAutoPadding(false);
      plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    } catch (e) {
      throw new WechatCryptoError('bad_ciphertext', `cannot decrypt: ${(e as Error).message}`);
    }
    const pad = plain[plain.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK_BYTES || plain.length < 20 + pad) throw new WechatCryptoError('bad_ciphertext', 'bad padding');
    const content = plain.subarray(16, plain.length - pad);
    const length = content.readUInt32BE(0);
    if (length > content.length - 4) throw new WechatCryptoError('bad_ciphertext', 'length beyond the data');
    const appId = content.subarray(4 + length).toString('utf8');
    if (appId !== this.appId) throw new WechatCryptoError('wrong_app_id', 'message for another AppID');
    return content.subarray(4, 4 + length).toString('utf8');
  }
}
