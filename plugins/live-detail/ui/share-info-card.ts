import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Lookup } from '../../../sdk/ui/page-load.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { fieldOf } from '../../../sdk/ui/schema-validators.js';
import { SHARE_INFO } from '../shared/channels.js';
import type { ShareInfoAnswer, SharePerson } from '../shared/live-surface-api.js';
import { ShareInfoSchema } from '../shared/live-surface-schemas.js';
import { LookupCard } from './lookup-card.js';

/**
 * 分享来源 (living/get_living_share_info): a viewer who came from this promotion live to the corp's mini
 * program mall carries a ww_share_code in the page's link; WeCom says who that viewer is and who shared
 * the live with them, named from the live's viewers, the anchor or the address book.
 */
@Component({
  selector: 'wl-share-info-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LookupCard],
  template: `
    <wl-lookup-card
      icon="person_add"
      heading="分享来源"
      lead="观众从直播进入贵企业的小程序商城时，页面链接带有分享码 ww_share_code。粘贴它，查看这位观众是谁、由谁分享而来。"
      label="分享码"
      name="shareCode"
      placeholder="ww_share_code"
      submitText="查询"
      busyText="查询中…"
      [lookup]="lookup"
      [schema]="shareCodeSchema"
      (asked)="lookUp($event)"
    >
      @if (lookup.answer(); as found) {
        <dl class="people" data-testid="share-info">
          <dt>观众</dt>
          <dd>{{ describe(found.viewer) }}</dd>
          <dt>分享人</dt>
          <dd>{{ describe(found.invitor) }}</dd>
        </dl>
      }
    </wl-lookup-card>
  `,
  styleUrl: './share-info-card.scss',
})
export class ShareInfoCard {
  private readonly rpc = inject(RpcClient);
  readonly livingid = input.required<string>();
  protected readonly lookup = new Lookup<ShareInfoAnswer>();
  protected readonly shareCodeSchema = fieldOf(ShareInfoSchema, 'shareCode');

  protected describe(person: SharePerson | null): string {
    if (person === null) return '（企业微信未提供）';
    const kind = person.kind === 'internal' ? '成员' : '外部联系人';
    return person.name === ''
      ? `${person.id}（${kind}，未能获取姓名）`
      : `${person.name}（${kind} ${person.id}）`;
  }

  protected lookUp(shareCode: string): Promise<void> {
    return this.lookup.run(() => this.rpc.call(SHARE_INFO, { livingid: this.livingid(), shareCode }));
  }
}
