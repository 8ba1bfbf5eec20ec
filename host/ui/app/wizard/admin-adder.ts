import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatChipSet, MatChip } from '@angular/material/chips';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { controlError, showOnField, useridControl, usernameControl } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { SetupFlow } from './setup-flow.js';

/**
 * Optional in the corp step: WeCom admins of the new corp (R2.5). Each gets a one-time initial
 * code, shown here once, with which they set their local password at the first login.
 */
@Component({
  selector: 'wl-admin-adder',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatChipSet,
    MatChip,
    MatFormFieldModule,
    MatInput,
    FieldHint,
    Glyph,
  ],
  providers: [
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="adder" aria-labelledby="wl-admin-adder-title">
      <h3 id="wl-admin-adder-title">添加企微管理员（可选）</h3>
      <p class="muted">
        企微管理员可以使用全部功能并维护本企业的配置；添加后显示一次初始码，本人首次登录时凭它设置本地密码。普通用户无需添加，直接登录即可。
      </p>
      @if (codes().length > 0) {
        <div class="codes" role="status">
          <strong>初始码（只显示这一次，请交给本人）：</strong>
          @for (entry of codes(); track entry.userid) {
            <div class="code-row">
              <span>{{ entry.userid }}</span>
              <code data-testid="admin-initial-code">{{ entry.initialCode }}</code>
            </div>
          }
        </div>
      }
      @if (flow.progress().admins.length > 0) {
        <mat-chip-set aria-label="已添加的企微管理员">
          @for (id of flow.progress().admins; track id) {
            <mat-chip>{{ id }}</mat-chip>
          }
        </mat-chip-set>
      }
      <form class="row" [formGroup]="form" (ngSubmit)="add()" novalidate>
        <mat-form-field>
          <mat-label>用户ID</mat-label>
          <input matInput formControlName="userid" spellcheck="false" data-testid="admin-userid" />
          <wl-field-hint matSuffix [label]="hints.userid.label" [text]="hints.userid.text" />
          <mat-error>{{ error(form.controls.userid, '用户ID') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>用户名称（可选）</mat-label>
          <input matInput formControlName="username" maxlength="64" />
          <mat-error>{{ error(form.controls.username, '用户名称') }}</mat-error>
        </mat-form-field>
        <button matButton="tonal" type="submit" [disabled]="form.invalid || busy()" data-testid="admin-add">
          添加
        </button>
      </form>
      @if (banner(); as text) {
        <p class="error" role="alert"><wl-glyph name="error" /> {{ text }}</p>
      }
    </section>
  `,
  styles: `
    .adder {
      padding: 16px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      display: flex;
      flex-direction: column;
      gap: 10px;
      --wl-glyph-size: 18px;
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .muted {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr auto;
      align-items: start;
      gap: 12px;
    }
    .row button {
      margin-top: 8px;
    }
    @media (max-width: 599px) {
      .row {
        grid-template-columns: 1fr;
      }
    }
    .codes {
      padding: 10px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-body-small);
    }
    .code-row {
      display: flex;
      gap: 12px;
      align-items: baseline;
    }
    .code-row code {
      font: var(--mat-sys-title-small);
      font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
      user-select: all;
    }
    .error {
      display: flex;
      gap: 6px;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class AdminAdder {
  protected readonly flow = inject(SetupFlow);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly error = controlError;
  readonly form = new FormGroup({ userid: useridControl(), username: usernameControl() });
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  /** Codes issued while this page is open (never stored: the host keeps only their hashes). */
  protected readonly codes = signal<Array<{ userid: string; initialCode: string }>>([]);

  constructor() {
    this.form.controls.userid.addValidators(Validators.required);
  }

  async add(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const added = await this.flow.addAdmin(
        this.form.controls.userid.value.trim(),
        this.form.controls.username.value.trim(),
      );
      const initialCode = added.initialCode;
      if (initialCode !== null) {
        this.codes.update((codes) => [
          ...codes.filter((entry) => entry.userid !== added.userid),
          { userid: added.userid, initialCode },
        ]);
      }
      // resetForm also clears "submitted", so the emptied userid shows no error.
      this.formDirective().resetForm();
    } catch (error) {
      const body = error instanceof RpcError ? error.body : null;
      if (body === null) this.banner.set('添加失败，请稍后重试。');
      else if (!showOnField(this.form, body)) this.banner.set(describeError(body));
    } finally {
      this.busy.set(false);
    }
  }
}
