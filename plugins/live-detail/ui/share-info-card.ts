import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { fieldOf, SchemaValidator, schemaIssue, schemaMessage } from '../../../sdk/ui/schema-validators.js';
import { SHARE_INFO } from '../shared/channels.js';
import type { ShareInfoAnswer, SharePerson } from '../shared/live-surface-api.js';
import { ShareInfoSchema } from '../shared/live-surface-schemas.js';

/**
 * 分享来源 (living/get_living_share_info): a viewer who came from this promotion live to the corp's mini
 * program mall carries a ww_share_code in the page's link; WeCom says who that viewer is and who shared
 * the live with them, named from the live's viewers, the anchor or the address book.
 */
@Component({
  selector: 'wl-share-info-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, SchemaValidator],
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
          [wlSchema]="shareCodeSchema"
          #shareCodeModel="ngModel"
          autocomplete="off"
          spellcheck="false"
        />
        @if (schemaMessage(shareCodeModel.errors); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="busy()">{{ busy() ? '查询中…' : '查询' }}</button>
    </form>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (answer(); as found) {
      <dl class="people" data-testid="share-info">
        <dt>观众</dt>
        <dd>{{ describe(found.viewer) }}</dd>
        <dt>分享人</dt>
        <dd>{{ describe(found.invitor) }}</dd>
      </dl>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .lead {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .ask {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .ask mat-form-field {
      flex: 1 1 200px;
    }
    .error {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
    .people {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      margin: 12px 0 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      word-break: break-all;
    }
  `,
})
export class ShareInfoCard {
  private readonly rpc = inject(RpcClient);
  readonly livingid = input.required<string>();
  protected readonly shareCode = signal('');
  /** The channel's own rule for the share code: the field says what the host would. */
  protected readonly shareCodeSchema = fieldOf(ShareInfoSchema, 'shareCode');
  protected readonly schemaMessage = schemaMessage;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly answer = signal<ShareInfoAnswer | null>(null);

  protected describe(person: SharePerson | null): string {
    if (person === null) return '（企业微信未提供）';
    const kind = person.kind === 'internal' ? '成员' : '外部联系人';
    return person.name === ''
      ? `${person.id}（${kind}，未能获取姓名）`
      : `${person.name}（${kind} ${person.id}）`;
  }

  protected async lookUp(): Promise<void> {
    if (this.busy() || schemaIssue(this.shareCodeSchema, this.shareCode()) !== null) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.answer.set(
        await this.rpc.call(SHARE_INFO, {
          livingid: this.livingid(),
          shareCode: this.shareCode(),
        }),
      );
    } catch (error) {
      this.answer.set(null);
      this.error.set(describeAnyError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
