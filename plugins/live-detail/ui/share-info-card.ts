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
  templateUrl: './share-info-card.html',
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
