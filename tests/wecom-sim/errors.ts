import { randomInt } from 'node:crypto';

/** errmsg texts as WeCom writes them (English, lower case), by errcode. */
const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40004: 'invalid media type',
  40005: 'invalid type',
  40006: 'invalid file size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40056: 'invalid agentid',
  40058: 'invalid Request Parameter',
  40073: 'invalid openid',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41009: 'missing userid',
  41010: 'missing url',
  41011: 'missing agentid',
  41016: 'missing title',
  41033: 'missing description',
  42001: 'access_token expired',
  44001: 'empty media data',
  44004: 'empty content',
  45001: 'media size out of limit',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  47001: 'data format error',
  48001: 'api unauthorized',
  48002: 'api forbidden',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60111: 'userid not found',
  81013: 'user & party & tag all invalid',
  301002: 'not allow operate another agent with this accesstoken.',
};

/** A WeCom error answer raised by a handler; the pipeline turns it into `{errcode, errmsg}`. */
export class WecomApiError extends Error {
  constructor(
    readonly errcode: number,
    /** Replaces the standard text, e.g. to name the offending parameter. */
    readonly text?: string,
    /** Extra fields WeCom sends along with some errors (e.g. invaliduser of message/send). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text ?? ERRMSG[errcode] ?? `errcode ${errcode}`);
    this.name = 'WecomApiError';
  }
}

export function standardErrmsg(errcode: number): string {
  return ERRMSG[errcode] ?? 'unknown error';
}

/**
 * The errmsg of a failed call in WeCom's shape: text, request hint, the caller's IP (which 60020
 * users copy into the trusted-IP list) and the look-up link.
 */
export function formatErrmsg(errcode: number, ip: string, text = standardErrmsg(errcode)): string {
  const hint = `${Math.floor(Date.now() / 1000)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
  return `${text}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

export function errorBody(errcode: number, ip: string, text?: string): { errcode: number; errmsg: string } {
  return { errcode, errmsg: formatErrmsg(errcode, ip, text) };
}
