import { createCipheriv } from 'node:crypto';
import {
  computeSignature,
  pkcs7Pad,
  pkcs7Unpad,
  WXBizMsgCrypt,
  WXBizMsgCryptError,
} from './wx-biz-msg-crypt.js';

// The official test vector of WeCom's WXBizMsgCrypt samples (URL verification).
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORPID = 'wx5823bf96d3bd56c7';
const SIGNATURE = '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3';
const TIMESTAMP = '1409659589';
const NONCE = '263014780';
const ECHOSTR = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';

function problemOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof WXBizMsgCryptError ? error.problem : `unexpected ${String(error)}`;
  }
  return undefined;
}

describe('WXBizMsgCrypt', () => {
  const crypt = new WXBizMsgCrypt(TOKEN, AES_KEY, CORPID);

  it('verifies the official URL-verification vector', () => {
    expect(crypt.verifyURL(SIGNATURE, TIMESTAMP, NONCE, ECHOSTR)).toBe('1616140317555161061');
  });

  it('signs as sha1 of the sorted token, timestamp, nonce and ciphertext', () => {
    expect(computeSignature(TOKEN, TIMESTAMP, NONCE, ECHOSTR)).toBe(SIGNATURE);
  });

  it('round-trips messages of every length around the 32-byte block', () => {
    for (const length of [0, 1, 11, 12, 13, 31, 32, 33, 100, 1000]) {
      const message = 'x'.repeat(length);
      const sealed = crypt.encrypt(message);
      expect(crypt.decrypt(sealed.signature, sealed.timestamp, sealed.nonce, sealed.encrypt)).toBe(message);
    }
  });

  it('round-trips Chinese text and a callback XML body', () => {
    const xml =
      '<xml><Event><![CDATA[living_status_change]]></Event><LivingId><![CDATA[直播]]></LivingId></xml>';
    const body = crypt.encryptMsg(xml, '1700000000', '42');
    const signature = /<MsgSignature><!\[CDATA\[(\w+)\]\]>/.exec(body)?.[1] ?? '';
    expect(crypt.decryptMsg(signature, '1700000000', '42', body)).toBe(xml);
  });

  it('is deterministic for a given random prefix, timestamp and nonce', () => {
    const random = Buffer.alloc(16, 7);
    const a = crypt.encrypt('hello', { random, timestamp: '1', nonce: '2' });
    const b = crypt.encrypt('hello', { random, timestamp: '1', nonce: '2' });
    expect(a).toEqual(b);
  });

  it('rejects a bad signature', () => {
    const tampered = SIGNATURE.replace(/^5/, '6');
    expect(problemOf(() => crypt.verifyURL(tampered, TIMESTAMP, NONCE, ECHOSTR))).toBe('validateSignature');
    expect(problemOf(() => crypt.verifyURL(SIGNATURE, '1409659590', NONCE, ECHOSTR))).toBe(
      'validateSignature',
    );
  });

  it('rejects a message meant for another corp (receiveid check)', () => {
    const other = new WXBizMsgCrypt(TOKEN, AES_KEY, 'wwanothercorp000');
    expect(problemOf(() => other.verifyURL(SIGNATURE, TIMESTAMP, NONCE, ECHOSTR))).toBe('validateReceiveId');
  });

  it('rejects tampered ciphertext', () => {
    const bytes = Buffer.from(ECHOSTR, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    const tampered = bytes.toString('base64');
    const signature = crypt.signature(TIMESTAMP, NONCE, tampered);
    const problem = problemOf(() => crypt.decrypt(signature, TIMESTAMP, NONCE, tampered));
    expect(['illegalBuffer', 'validateReceiveId']).toContain(problem as string);
  });

  it('rejects bad padding', () => {
    // A correctly signed ciphertext whose plaintext ends in a padding byte of 0.
    const key = Buffer.from(`${AES_KEY}=`, 'base64');
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    const plain = Buffer.alloc(64, 0);
    const encrypt = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    const signature = crypt.signature(TIMESTAMP, NONCE, encrypt);
    expect(problemOf(() => crypt.decrypt(signature, TIMESTAMP, NONCE, encrypt))).toBe('illegalBuffer');
  });

  it('rejects ciphertext that is not a whole number of AES blocks', () => {
    const encrypt = Buffer.alloc(20, 1).toString('base64');
    const signature = crypt.signature(TIMESTAMP, NONCE, encrypt);
    expect(problemOf(() => crypt.decrypt(signature, TIMESTAMP, NONCE, encrypt))).toBe('decryptAes');
  });

  it('rejects an EncodingAESKey of the wrong length', () => {
    expect(problemOf(() => new WXBizMsgCrypt(TOKEN, AES_KEY.slice(1), CORPID))).toBe('illegalAesKey');
  });

  it('rejects a callback body without Encrypt', () => {
    expect(problemOf(() => crypt.decryptMsg(SIGNATURE, TIMESTAMP, NONCE, '<xml><A>1</A></xml>'))).toBe(
      'parseXml',
    );
    expect(problemOf(() => crypt.decryptMsg(SIGNATURE, TIMESTAMP, NONCE, 'not xml'))).toBe('parseXml');
  });
});

describe('PKCS#7 with 32-byte blocks', () => {
  it('always pads, up to a full block', () => {
    expect(pkcs7Pad(Buffer.alloc(32)).length).toBe(64);
    expect(pkcs7Pad(Buffer.alloc(31)).subarray(31)).toEqual(Buffer.from([1]));
    expect(pkcs7Unpad(pkcs7Pad(Buffer.from('abc'))).toString()).toBe('abc');
  });

  it('rejects inconsistent padding bytes', () => {
    const padded = pkcs7Pad(Buffer.from('abc'));
    padded[padded.length - 2] = 0;
    expect(() => pkcs7Unpad(padded)).toThrowError(WXBizMsgCryptError);
  });
});
