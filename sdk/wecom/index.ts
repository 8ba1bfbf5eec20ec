/** The public API of sdk/wecom: the gateway, its models and errors, and the callback crypto. */
export { WeComGateway } from './gateway.js';
export type { CallOptions, GatewayStats, WeComGatewayOptions } from './gateway.js';
export type { CallOutcome, IpNotAllowedInfo } from './api-caller.js';
export * from './models.js';
export {
  configFieldOf,
  isTokenErrcode,
  parseFromIp,
  toAppError,
  TRUSTED_IP_CONSOLE_URL,
  WeComConfigError,
  WeComError,
  WeComPagingError,
  WeComProtocolError,
  WeComTransportError,
} from './errors.js';
export type { ConfigField, PagingProblem, TransportFailure } from './errors.js';
export { ERRCODE_MESSAGES, errcodeMessage } from './errcode-messages.js';
export { DEFAULT_LIMITS, processIpGate } from './rate-limiter.js';
export type { RateLimits } from './rate-limiter.js';
export { WindowGate } from './sliding-window.js';
export { DEFAULT_RETRY } from './retry.js';
export type { RetryOptions } from './retry.js';
export { DEFAULT_BASE_URL } from './http-client.js';
export { redactUrl, scrubSecrets } from './redact.js';
export { computeSignature, WXBizMsgCrypt, WXBizMsgCryptError } from './crypto/wx-biz-msg-crypt.js';
export type { EncryptedMessage } from './crypto/wx-biz-msg-crypt.js';
export { parseLivingStatusChange, CallbackEventError } from './crypto/living-status-event.js';
export type { LivingStatus, LivingStatusChangeEvent } from './crypto/living-status-event.js';
export { readXmlFields, FlatXmlError } from './crypto/flat-xml.js';
