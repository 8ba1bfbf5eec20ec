import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { copyText } from '../../../sdk/ui/clipboard.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { Lookup } from '../../../sdk/ui/page-load.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { fieldOf } from '../../../sdk/ui/schema-validators.js';
import { LIVING_CODE } from '../shared/channels.js';
import type { LivingCodeAnswer } from '../shared/live-surface-api.js';
import { LivingCodeSchema } from '../shared/live-surface-schemas.js';
import { LookupCard } from './lookup-card.js';

/**
 * 微信观看码 (living/get_living_code): for one WeChat user (their openid in the corp's own mini program or
 * official account) WeCom issues a code, valid five minutes, with which that mini program opens the live
 * in WeChat. Shown as a QR image to save or as text to copy.
 */
@Component({
  selector: 'wl-live-code-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LookupCard, MatButtonModule, MatIconModule],
  templateUrl: './live-code-card.html',
  styleUrl: './live-code-card.scss',
})
export class LiveCodeCard {
  private readonly rpc = inject(RpcClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly time = inject(DateTimeText);
  readonly livingid = input.required<string>();
  protected readonly lookup = new Lookup<LivingCodeAnswer>();
  protected readonly openidSchema = fieldOf(LivingCodeSchema, 'openid');
  protected readonly expires = computed(() => {
    const answer = this.lookup.answer();
    return answer === null ? '' : this.time.format(Date.parse(answer.expiresAt));
  });
  protected readonly fileName = computed(() => `观看码-${this.livingid().slice(0, 12)}.png`);

  protected fetch(openid: string): Promise<void> {
    return this.lookup.run(() => this.rpc.call(LIVING_CODE, { livingid: this.livingid(), openid }));
  }

  protected async copy(text: string): Promise<void> {
    const copied = await copyText(text);
    this.snackBar.open(copied ? '已复制观看码' : '复制失败，请手动选择复制', '关闭', { duration: 3000 });
  }
}
