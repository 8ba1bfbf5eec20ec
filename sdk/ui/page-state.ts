import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * The loading, empty and error states a page shows in the same way (the settings pages use it with
 * `PageLoad` of sdk/ui/page-load.ts). `wls-page-state` is the name the settings pages knew it by.
 */
@Component({
  selector: 'wl-page-state, wls-page-state',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    @switch (state()) {
      @case ('loading') {
        <div class="state" role="status">
          <mat-progress-bar mode="indeterminate" aria-label="正在加载" />
          <p class="text">{{ message() || '正在加载…' }}</p>
        </div>
      }
      @case ('empty') {
        <div class="state" role="status">
          <mat-icon svgIcon="inbox" class="big" aria-hidden="true" />
          <p class="text">{{ message() }}</p>
          <ng-content />
        </div>
      }
      @case ('error') {
        <div class="state error" role="alert">
          <mat-icon svgIcon="error" class="big" aria-hidden="true" />
          <p class="text">{{ message() || '加载失败。' }}</p>
          <button matButton="outlined" type="button" (click)="retry.emit()">重试</button>
        </div>
      }
    }
  `,
  styles: `
    .state {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 40px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .state mat-progress-bar {
      max-width: 320px;
    }
    .big {
      width: 48px;
      height: 48px;
      opacity: 0.7;
    }
    .error .big,
    .error .text {
      color: var(--mat-sys-error);
    }
    .text {
      margin: 0;
      max-width: 560px;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class PageState {
  readonly state = input.required<'loading' | 'empty' | 'error'>();
  readonly message = input<string | null>(null);
  readonly retry = output<void>();
}
