/**
 * The typed errors of the gateway. Each one is an `AppError` already carrying its envelope code, Chinese message
 * and details, so a handler can let it travel to the RPC envelope untouched; `toAppError` turns anything
 * thrown by the gateway into that shape. None of them ever holds an access token or a secret: callers pass
 * errmsg values through `scrubSecrets` first.
 */
import { isIP } from 'node:net';
import { AppError, type ErrorCode, type ErrorDetails } from '../contracts/errors.js';
import { errcodeMessage } from './errcode-messages.js';

/** Where an admin sets an app's trusted IPs (R2.7). */
export const TRUSTED_IP_CONSOLE_URL = 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp';

export type ConfigField = 'corpid' | 'corpsecret' | 'agentid';

/** errcodes that mean "this access token is unusable": drop it, refresh once, retry once (docs/architecture.md "WeCom gateway"). */
const TOKEN_ERRCODES = new Set([40014, 42001, 41001]);

export function isTokenErrcode(api: string, errcode: number): boolean {
  // 40001 from gettoken is a wrong secret; from any other API it is an invalid token.
  return TOKEN_ERRCODES.has(errcode) || (errcode === 40001 && api !== 'gettoken');
}

/** The configuration field an errcode blames, if any. */
export function configFieldOf(api: string, errcode: number): ConfigField | undefined {
  if (errcode === 40013 || errcode === 41002) return 'corpid';
  if ((errcode === 40001 && api === 'gettoken') || errcode === 40091 || errcode === 41004)
    return 'corpsecret';
  if (errcode === 40056 || errcode === 41011) return 'agentid';
  return undefined;
}

/**
 * The IP in a 60020 errmsg (`... from ip: 139.215.46.96, more info ...`), IPv4 or IPv6; undefined when
 * the text holds no valid address.
 */
export function parseFromIp(errmsg: string): string | undefined {
  const match = /from ip:\s*\[?([0-9a-f:.%]+)/i.exec(errmsg);
  if (!match?.[1]) return undefined;
  const candidate = match[1].replace(/\.+$/, '');
  return isIP(candidate) === 0 ? undefined : candidate;
}

const FIELD_LABELS: Record<ConfigField, string> = {
  corpid: '企业 ID（corpid）',
  corpsecret: '应用 Secret（corpsecret）',
  agentid: '应用 ID（AgentId）',
};

/**
 * What a configuration errcode adds to "<field>不正确" (the errcode's own text would name the field a second
 * time, "应用 Secret（corpsecret）不正确（应用 Secret（corpsecret）不正确，…）").
 */
const CONFIG_ERRCODE_NOTES: Readonly<Record<number, string>> = {
  40091: '，可能填了其他企业或其他应用的 Secret',
  41002: '（未填写）',
  41004: '（未填写）',
};

function classify(api: string, errcode: number, ip: string | undefined): [ErrorCode, string, ErrorDetails] {
  const field = configFieldOf(api, errcode);
  if (field) {
    return [
      'WECOM_CONFIG_INVALID',
      `企业配置有误：${FIELD_LABELS[field]}不正确${CONFIG_ERRCODE_NOTES[errcode] ?? ''}，请核对后重试（错误码 ${errcode}）`,
      { field, errcode, api },
    ];
  }
  if (errcode === 60020) {
    const who = ip ? `本机出口 IP ${ip} ` : '本机出口 IP ';
    return [
      'WECOM_IP_NOT_ALLOWED',
      `${who}不在企业微信应用的可信 IP 列表中。请到企业微信管理后台「应用管理」选择本应用，设置企业可信 IP，约 5 分钟后再试。`,
      { ip: ip ?? null, ips: ip ? [ip] : [], consoleUrl: TRUSTED_IP_CONSOLE_URL, api },
    ];
  }
  return ['WECOM_ERROR', `企业微信接口 ${api} 调用失败：${errcodeMessage(errcode)}（错误码 ${errcode}）`, {}];
}

/** WeCom answered with a non-zero errcode. */
export class WeComError extends AppError {
  readonly api: string;
  readonly errcode: number;
  /** WeCom's own text, already scrubbed of credentials. */
  readonly errmsg: string;
  /** For 60020: the caller's public IP as WeCom saw it. */
  readonly ip: string | undefined;

  constructor(api: string, errcode: number, errmsg: string) {
    const ip = errcode === 60020 ? parseFromIp(errmsg) : undefined;
    const [code, message, extra] = classify(api, errcode, ip);
    super(code, message, code === 'WECOM_ERROR' ? { errcode, errmsg, api } : extra);
    this.name = 'WeComError';
    this.api = api;
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.ip = ip;
  }
}

/**
 * How a request failed below the WeCom protocol. `refused`, `dns` and `connect-timeout` mean the request
 * never reached WeCom; the others leave it unknown whether WeCom processed it.
 */
export type TransportFailure = 'refused' | 'dns' | 'connect-timeout' | 'timeout' | 'network' | 'http';

const TRANSPORT_MESSAGES: Record<TransportFailure, string> = {
  refused: '无法连接企业微信服务器，请检查网络后重试',
  dns: '无法解析企业微信服务器地址，请检查网络或 DNS 设置',
  'connect-timeout': '连接企业微信服务器超时，请检查网络后重试',
  timeout: '企业微信接口响应超时，请稍后重试',
  network: '与企业微信服务器的连接中断，请稍后重试',
  http: '企业微信服务器返回了异常的 HTTP 状态，请稍后重试',
};

export class WeComTransportError extends AppError {
  readonly api: string;
  readonly failure: TransportFailure;
  readonly status: number | undefined;

  constructor(api: string, failure: TransportFailure, status?: number) {
    super('WECOM_UNREACHABLE', TRANSPORT_MESSAGES[failure], {
      api,
      reason: failure,
      ...(status === undefined ? {} : { status }),
    });
    this.name = 'WeComTransportError';
    this.api = api;
    this.failure = failure;
    this.status = status;
  }

  /** True when the request certainly never reached WeCom, so even a write may be sent again. */
  get notProcessed(): boolean {
    return this.failure === 'refused' || this.failure === 'dns' || this.failure === 'connect-timeout';
  }
}

/** WeCom answered errcode 0 with a body we cannot use (not JSON, or missing required fields). */
export class WeComProtocolError extends AppError {
  readonly api: string;

  constructor(api: string, problem: string) {
    super('WECOM_ERROR', `企业微信接口 ${api} 返回了无法识别的数据`, { errcode: null, errmsg: problem, api });
    this.name = 'WeComProtocolError';
    this.api = api;
  }
}

export type PagingProblem = 'repeated-key' | 'max-pages';

/** A paged API that would loop forever (a cursor seen before) or runs past the page bound. */
export class WeComPagingError extends AppError {
  readonly api: string;
  readonly problem: PagingProblem;
  readonly pages: number;

  constructor(api: string, problem: PagingProblem, pages: number, key?: string) {
    const text =
      problem === 'repeated-key'
        ? `分页游标重复（${key ?? ''}），已停止拉取以免死循环`
        : `分页超过 ${pages} 页上限，已停止拉取`;
    super('WECOM_ERROR', `企业微信接口 ${api} 的分页数据异常：${text}`, {
      errcode: null,
      errmsg: problem,
      api,
      pages,
      ...(key === undefined ? {} : { key }),
    });
    this.name = 'WeComPagingError';
    this.api = api;
    this.problem = problem;
    this.pages = pages;
  }
}

/** The configuration is wrong in a way WeCom reports without a dedicated errcode (a foreign agentid). */
export class WeComConfigError extends AppError {
  readonly field: ConfigField;

  constructor(field: ConfigField, reason: string) {
    super('WECOM_CONFIG_INVALID', `企业配置有误：${FIELD_LABELS[field]}不正确（${reason}）`, { field });
    this.name = 'WeComConfigError';
    this.field = field;
  }
}

/**
 * The envelope form of anything the gateway throws: its own errors as they are, anything else as `INTERNAL`
 * without the original text (which could hold a URL or stack).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('INTERNAL', '调用企业微信时发生内部错误');
}
