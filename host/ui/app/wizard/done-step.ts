import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { THEME_LABELS } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { Glyph } from '../login/glyph.js';
import { RootReauth } from './root-reauth.js';
import { SetupFlow } from './setup-flow.js';

/** The last step: what was set up, and into the app as root-admin. */
@Component({
  selector: 'wl-done-step',
  imports: [MatButton, MatProgressBar, Glyph, RootReauth],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>初始化完成</h2>
    <ul class="summary">
      <li><wl-glyph name="check_circle" /><span>超级管理员密码已设置，恢复码已保存</span></li>
      @if (flow.progress().corp; as corp) {
        <li>
          <wl-glyph name="check_circle" />
          <span>企业「{{ corp.corpname }}」已配置，应用「{{ corp.appName }}」检测通过</span>
        </li>
        @if (flow.progress().admins.length > 0) {
          <li>
            <wl-glyph name="check_circle" /><span
              >已添加企微管理员：{{ flow.progress().admins.join('、') }}</span
            >
          </li>
        }
      } @else {
        <li class="skipped">
          <wl-glyph name="warning" />
          <span>尚未配置企业：可在登录页直接填写企业信息登录，或稍后在「设置 → 企业配置」中添加</span>
        </li>
      }
      @if (flow.progress().ipsSkipped) {
        <li class="skipped" data-testid="ips-skipped">
          <wl-glyph name="warning" />
          <span>可信 IP 尚未设置：登录时若提示 IP 不被信任，请按提示把本机公网 IP 加入应用的可信 IP</span>
        </li>
      }
      <li>
        <wl-glyph name="check_circle" /><span>界面主题：{{ labels[theme.mode()] }}</span>
      </li>
    </ul>
    @if (flow.needsRootLogin()) {
      <wl-root-reauth />
    } @else {
      @if (banner(); as text) {
        <div class="banner" role="alert">
          <wl-glyph name="error" /><span>{{ text }}</span>
        </div>
      }
      <div class="actions">
        <button
          matButton="filled"
          type="button"
          [disabled]="busy()"
          (click)="enter()"
          data-testid="wizard-finish"
        >
          进入系统
          <wl-glyph name="arrow_forward" />
        </button>
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="正在进入" />
      }
    }
  `,
  styleUrl: './wizard-step.scss',
  styles: `
    .summary {
      display: grid;
      gap: 10px;
      margin: 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-large);
    }
    .summary li {
      display: flex;
      align-items: flex-start;
      gap: 10px;
    }
    .summary wl-glyph {
      color: var(--mat-sys-primary);
    }
    .summary .skipped wl-glyph {
      color: var(--mat-sys-tertiary);
    }
  `,
})
export class DoneStep {
  protected readonly flow = inject(SetupFlow);
  protected readonly theme = inject(AppTheme);
  protected readonly labels = THEME_LABELS;
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);

  async enter(): Promise<void> {
    this.busy.set(true);
    this.banner.set(null);
    try {
      await this.flow.finish();
    } catch (error) {
      this.banner.set(error instanceof RpcError ? describeError(error.body) : '无法进入系统，请稍后重试。');
    } finally {
      this.busy.set(false);
    }
  }
}
