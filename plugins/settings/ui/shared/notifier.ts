import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { messageOf } from './errors.js';

/** Results of actions as snack bars: short for success, longer (and assertive) for failures. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, '好', { duration: 4000, panelClass: 'wls-snack-ok' });
  }

  failure(error: unknown, fallback?: string): void {
    this.snackBar.open(messageOf(error, fallback), '关闭', {
      duration: 8000,
      politeness: 'assertive',
      panelClass: 'wls-snack-error',
    });
  }
}
