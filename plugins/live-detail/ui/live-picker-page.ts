import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import { LivePicker } from '../../../sdk/ui/live-picker.js';

/** `/live`: find a live stored here and open it (the live list links straight to `/live/<id>`). */
@Component({
  selector: 'wl-live-picker-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LivePicker],
  template: `
    <h1 class="title">直播详情</h1>
    <p class="lead">选择一场已保存在本机的直播，查看观众明细、签到和观众画像。</p>
    <wl-live-picker label="搜索直播" (picked)="open($event)" />
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    .title {
      font: var(--mat-sys-headline-small);
      margin: 0 0 4px;
    }
    .lead {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LivePickerPage {
  private readonly router = inject(Router);

  protected open(live: LiveOption): void {
    void this.router.navigate(['/live', live.livingid]);
  }
}
