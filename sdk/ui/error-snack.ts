import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { describeError } from './error-text.js';
import { RpcError } from './rpc-client.js';

/** One Chinese line for anything a call or a page may throw. */
export function describeAnyError(error: unknown): string {
  if (error instanceof RpcError) return describeError(error.body);
  return '操作失败，请稍后重试。';
}

/**
 * Shows an error in a snack bar. Outside an injection context pass the MatSnackBar, or use
 * `injectErrorSnack()`. WECOM_IP_NOT_ALLOWED is left to the trusted-IP dialog, which opens app-wide.
 */
export function errorSnack(error: unknown, snackBar: MatSnackBar = inject(MatSnackBar)): void {
  if (error instanceof RpcError && error.code === 'WECOM_IP_NOT_ALLOWED') return;
  snackBar.open(describeAnyError(error), '关闭', { duration: 8000, politeness: 'assertive' });
}

/** For a field initializer: `private readonly errorSnack = injectErrorSnack();` then `this.errorSnack(error)`. */
export function injectErrorSnack(): (error: unknown) => void {
  const snackBar = inject(MatSnackBar);
  return (error) => errorSnack(error, snackBar);
}
