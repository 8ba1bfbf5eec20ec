import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { copyText } from '../../../sdk/ui/clipboard.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { fieldOf, SchemaValidator, schemaIssue, schemaMessage } from '../../../sdk/ui/schema-validators.js';
import { LIVING_CODE } from '../shared/channels.js';
import type { LivingCodeAnswer } from '../shared/live-surface-api.js';
import { LivingCodeSchema } from '../shared/live-surface-schemas.js';

/**
 * 微信观看码 (living/get_living_code): for one WeChat user (their openid in the corp's own mini program or
 * official account) WeCom issues a code, valid five minutes, with which that mini program opens the live
 * in WeChat. Shown as a QR image to save or as text to copy.
 */
@Component({
  selector: 'wl-live-code-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, SchemaValidator],
  template: `
    <h3><mat-icon svgIcon="qr_code" aria-hidden="true" />微信观看码</h3>
    <p class="lead">
      输入观众在贵企业小程序或公众号中的 openid，获取这场直播的微信观看凭证（living_code，5
      分钟内有效），交给小程序打开直播。
    </p>
    <form class="ask" (ngSubmit)="fetch()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>观众 openid</mat-label>
        <input
          matInput
          name="openid"
          [ngModel]="openid()"
          (ngModelChange)="openid.set($event)"
          [wlSchema]="openidSchema"
          #openidModel="ngModel"
          autocomplete="off"
          spellcheck="false"
        />
        @if (schemaMessage(openidModel.errors); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="busy()">
        {{ busy() ? '获取中…' : '获取观看码' }}
      </button>
    </form>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    @if (code(); as answer) {
      <div class="result" data-testid="living-code">
        <img [src]="answer.qrDataUrl" width="160" height="160" [alt]="'观看码二维码：' + answer.livingCode" />
        <div class="side">
          <code class="code">{{ answer.livingCode }}</code>
          <div class="muted">有效至 {{ expires() }}（openid {{ answer.openid }}）</div>
          <div class="buttons">
            <button matButton="outlined" type="button" (click)="copy(answer.livingCode)">
              <mat-icon svgIcon="content_copy" />复制观看码
            </button>
            <a matButton="outlined" [href]="answer.qrDataUrl" [attr.download]="fileName()">
              <mat-icon svgIcon="download" />保存二维码
            </a>
          </div>
        </div>
      </div>
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
    .lead,
    .muted {
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
    .result {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin-top: 12px;
      align-items: flex-start;
    }
    .result img {
      border-radius: 8px;
      background: #fff;
    }
    .side {
      display: grid;
      gap: 8px;
      min-width: 0;
      flex: 1 1 180px;
    }
    .code {
      word-break: break-all;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class LiveCodeCard {
  private readonly rpc = inject(RpcClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly time = inject(DateTimeText);
  readonly livingid = input.required<string>();
  protected readonly openid = signal('');
  /** The channel's own rule for the openid: the field says what the host would. */
  protected readonly openidSchema = fieldOf(LivingCodeSchema, 'openid');
  protected readonly schemaMessage = schemaMessage;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly code = signal<LivingCodeAnswer | null>(null);
  protected readonly expires = computed(() => {
    const answer = this.code();
    return answer === null ? '' : this.time.format(Date.parse(answer.expiresAt));
  });
  protected readonly fileName = computed(() => `观看码-${this.livingid().slice(0, 12)}.png`);

  protected async fetch(): Promise<void> {
    if (this.busy() || schemaIssue(this.openidSchema, this.openid()) !== null) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.code.set(
        await this.rpc.call(LIVING_CODE, {
          livingid: this.livingid(),
          openid: this.openid(),
        }),
      );
    } catch (error) {
      this.code.set(null);
      this.error.set(describeAnyError(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async copy(text: string): Promise<void> {
    const copied = await copyText(text);
    this.snackBar.open(copied ? '已复制观看码' : '复制失败，请手动选择复制', '关闭', { duration: 3000 });
  }
}
