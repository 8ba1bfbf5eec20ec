/**
 * WeCom's callback encryption (WXBizMsgCrypt): URL verification, message decryption and encryption, and
 * signatures, as specified at https://developer.work.weixin.qq.com/document/path/90968.
 *
 * - signature = sha1 of the sorted, concatenated [token, timestamp, nonce, encrypt]
 * - AES-256-CBC, key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding to a
 *   32-byte block (not AES's 16, hence manual padding)
 * - plaintext = 16 random bytes + 4-byte big-endian message length + message + receiveid (the corpid)
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readXmlFields } from './flat-xml.js';

/** The official library's error codes, so logs and docs line up with WeCom's. */
export const CRYPT_ERRORS = {
  validateSignature: -40001,
  parseXml: -40002,
  illegalAesKey: -40004,
  validateReceiveId: -40005,
  encryptAes: -40006,
  decryptAes: -40007,
  illegalBuffer: -40008,
} as const;

export type CryptProblem = keyof typeof CRYPT_ERRORS;

export class WXBizMsgCryptError extends Error {
  readonly code: number;

  constructor(
    readonly problem: CryptProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WXBizMsgCryptError';
    this.code = CRYPT_ERRORS[problem];
  }
}

const BLOCK = 32;

export function pkcs7Pad(data: Buffer, block = BLOCK): Buffer {
  const amount = block - (data.length % block);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

export function pkcs7Unpad(data: Buffer, block = BLOCK): Buffer {
  const amount = data.length === 0 ? 0 : (data[data.length - 1] as number);
  if (amount < 1 || amount > block || amount > data.length) {
    throw new WXBizMsgCryptError('illegalBuffer', 'bad PKCS#7 padding');
  }
  for (let i = data.length - amount; i < data.length; i += 1) {
    if (data[i] !== amount) throw new WXBizMsgCryptError('illegalBuffer', 'bad PKCS#7 padding');
  }
  return data.subarray(0, data.length - amount);
}

export function computeSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  const joined = [token, timestamp, nonce, encrypt].sort().join('');
  return createHash('sha1').update(joined).digest('hex');
}

export interface EncryptedMessage {
  encrypt: string;
  signature: string;
  timestamp: string;
  nonce: string;
}

export class WXBizMsgCrypt {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  /** `receiveId`: the corpid for an internal app's callbacks. */
  constructor(
    private readonly token: string,
    encodingAesKey: string,
    private readonly receiveId: string,
  ) {
    if (encodingAesKey.length !== 43) {
      throw new WXBizMsgCryptError('illegalAesKey', 'EncodingAESKey must be 43 characters');
    }
    this.key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (this.key.length !== 32) throw new WXBizMsgCryptError('illegalAesKey', 'EncodingAESKey is not base64');
    this.iv = this.key.subarray(0, 16);
  }

  signature(timestamp: string, nonce: string, encrypt: string): string {
    return computeSignature(this.token, timestamp, nonce, encrypt);
  }

  /** The GET URL check when the callback URL is saved: returns the plaintext echostr to answer with. */
  verifyURL(msgSignature: string, timestamp: string, nonce: string, echostr: string): string {
    return this.decrypt(msgSignature, timestamp, nonce, echostr);
  }

  /** Checks the signature of `encrypt` and returns its plaintext. */
  decrypt(msgSignature: string, timestamp: string, nonce: string, encrypt: string): string {
    this.checkSignature(msgSignature, timestamp, nonce, encrypt);
    return this.decryptPayload(encrypt);
  }

  /** A POSTed callback body (`<xml><ToUserName/><AgentID/><Encrypt/></xml>`) to its plaintext XML. */
  decryptMsg(msgSignature: string, timestamp: string, nonce: string, postBody: string): string {
    let encrypt: string | undefined;
    try {
      encrypt = readXmlFields(postBody)['Encrypt'];
    } catch {
      throw new WXBizMsgCryptError('parseXml', 'callback body is not XML');
    }
    if (!encrypt) throw new WXBizMsgCryptError('parseXml', 'callback body has no Encrypt');
    return this.decrypt(msgSignature, timestamp, nonce, encrypt);
  }

  /** Encrypts and signs `message`; timestamp, nonce and the 16 random bytes are fresh unless given. */
  encrypt(
    message: string,
    options: { timestamp?: string; nonce?: string; random?: Buffer } = {},
  ): EncryptedMessage {
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE(0));
    const random = options.random ?? randomBytes(16);
    if (random.length !== 16) throw new WXBizMsgCryptError('encryptAes', 'random prefix must be 16 bytes');
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(this.receiveId, 'utf8')]));
    let encrypt: string;
    try {
      const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
      cipher.setAutoPadding(false);
      encrypt = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    } catch {
      throw new WXBizMsgCryptError('encryptAes', 'AES encryption failed');
    }
    return { encrypt, signature: this.signature(timestamp, nonce, encrypt), timestamp, nonce };
  }

  /** A passive reply body, as WeCom expects it back from a callback. */
  encryptMsg(reply: string, timestamp?: string, nonce?: string): string {
    const sealed = this.encrypt(reply, {
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(nonce === undefined ? {} : { nonce }),
    });
    return (
      `<xml><Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt>` +
      `<MsgSignature><![CDATA[${sealed.signature}]]></MsgSignature>` +
      `<TimeStamp>${sealed.timestamp}</TimeStamp><Nonce><![CDATA[${sealed.nonce}]]></Nonce></xml>`
    );
  }

  private checkSignature(msgSignature: string, timestamp: string, nonce: string, encrypt: string): void {
    const expected = Buffer.from(this.signature(timestamp, nonce, encrypt), 'utf8');
    const given = Buffer.from(msgSignature.toLowerCase(), 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new WXBizMsgCryptError('validateSignature', 'signature mismatch');
    }
  }

  private decryptPayload(encrypt: string): string {
    const cipherText = Buffer.from(encrypt, 'base64');
    if (cipherText.length === 0 || cipherText.length % 16 !== 0) {
      throw new WXBizMsgCryptError('decryptAes', 'ciphertext length is not a multiple of the AES block');
    }
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
      decipher.setAutoPadding(false);
      plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
    } catch {
      throw new WXBizMsgCryptError('decryptAes', 'AES decryption failed');
    }
    const content = pkcs7Unpad(plain);
    if (content.length < 20) throw new WXBizMsgCryptError('illegalBuffer', 'decrypted payload too short');
    const length = content.readUInt32BE(16);
    if (20 + length > content.length) {
      throw new WXBizMsgCryptError('illegalBuffer', 'message length exceeds the payload');
    }
    const message = content.subarray(20, 20 + length).toString('utf8');
    const receiveId = content.subarray(20 + length).toString('utf8');
    if (receiveId !== this.receiveId) {
      throw new WXBizMsgCryptError('validateReceiveId', 'receiveid does not match');
    }
    return message;
  }
}
