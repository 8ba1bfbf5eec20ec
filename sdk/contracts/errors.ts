/** The error codes of the RPC envelope (docs/architecture.md "RPC and errors"). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PLUGIN_DISABLED',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'WECOM_CONFIG_INVALID',
  'WECOM_ERROR',
  'WECOM_IP_NOT_ALLOWED',
  'WECOM_UNREACHABLE',
  'IMPORT_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, unknown>;

export interface RpcErrorBody {
  code: ErrorCode;
  /** A message in Simplified Chinese, safe to show: no stack trace, no secret. */
  message: string;
  details?: ErrorDetails;
}

/**
 * An error meant for the caller: its code, Chinese message and details travel in the envelope as they
 * are. Anything else thrown by a handler becomes `INTERNAL` with a generic message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): RpcErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
