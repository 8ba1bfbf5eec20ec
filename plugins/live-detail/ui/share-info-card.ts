import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Lookup } from '../../../sdk/ui/page-load.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type { ShareInfoAnswer, SharePerson } from '../shared/live-surface-api.js';

/**
 * 分享来源 (living/get_living_share_info): a viewer who came from this promotion live to the corp's mini
 * program mall carries a ww_share_code in the page's link; WeCom says who that viewer is and who shared
 * the live with them, named from the live's viewers, the anchor or the address book.
 */
@Component({
  selector: 'wl-share-info-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <h3><mat-icon svgIcon="person_add" aria-hidden="true" />分享来源</h3>
    <p class="lead">
      观众从直播进入贵企业的小程序商城时，页面链接带有分享码
      ww_share_code。粘贴它，查看这位观众是谁、由谁分享而来。
    </p>
    <form class="ask" (ngSubmit)="lookUp()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>分享码</mat-label>
        <input
          matInput
          name="shareCode"
          placeholder="ww_share_code"
          [ngModel]="shareCode()"
          (ngModelChange)="shareCode.set($event)"
          autocomplete="off"
          spellcheck="false"
        />
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="lookup.busy()">
        {{ lookup.busy() ? '查询中…' : '查询' }}
      </button>
    </form>
    @if (lookup.error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (lookup.answer(); as found) {
      <dl class="people" data-testid="share-info">
        <dt>观众</dt>
        <dd>{{ describe(found.viewer) }}</dd>
        <dt>分享人</dt>
        <dd>{{ describe(found.invitor) }}</dd>
      </dl>
    }
  `,
  styleUrl: './share-info-card.scss',
})
export class ShareInfoCard {
  private readonly rpc = inject(RpcClient);
  readonly livingid = input.required<string>();
  protected readonly shareCode = signal('');
  protected readonly lookup = new Lookup<ShareInfoAnswer>();

  protected describe(person: SharePerson | null): string {
    if (person === null) return '（企业微信未提供）';
    const kind = person.kind === 'internal' ? '成员' : '外部联系人';
    return person.name === ''
      ? `${person.id}（${kind}，未能获取姓名）`
      : `${person.name}（${kind} ${person.id}）`;
  }

  protected lookUp(): Promise<void> {
    return this.lookup.run(() =>
      this.rpc.call<ShareInfoAnswer>('live-detail.shareInfo', {
        livingid: this.livingid(),
        shareCode: this.shareCode(),
      }),
    );
  }
}
