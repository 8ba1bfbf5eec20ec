import { errorField } from '../../../../sdk/ui/error-text.js';
import { failureText } from '../../../../sdk/ui/page-load.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';

/** One Chinese line for any failure: the host's message when it answered, a generic one otherwise. */
export const messageOf = failureText;

/** The form field the host blamed, if any. */
export function fieldOf(error: unknown): string | null {
  return error instanceof RpcError ? errorField(error.body) : null;
}

export function codeOf(error: unknown): string | null {
  return error instanceof RpcError ? error.code : null;
}
