import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSnackBar } from '@angular/material/snack-bar';
import { copyText } from '../../../../sdk/ui/clipboard.js';
import { Glyph } from './glyph.js';

/**
 * root-admin's recovery code (R2.11), shown once: copy, download as a text file, and a "saved it"
 * confirmation the caller waits for before moving on.
 */
@Component({
  selector: 'wl-recovery-code-card',
  imports: [MatButton, MatCheckbox, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="wl-recovery-title">
      <h3 id="wl-recovery-title"><wl-glyph name="shield" /> 恢复码</h3>
      <p class="warn">
        恢复码只显示这一次。忘记超级管理员密码时，凭它可以重设密码；请保存到安全的地方，不要与他人分享。
      </p>
      <code class="code" data-testid="recovery-code">{{ code() }}</code>
      <div class="actions">
        <button matButton="outlined" type="button" (click)="copy()">
          <wl-glyph name="content_copy" /> 复制
        </button>
        <button matButton="outlined" type="button" (click)="download()" data-testid="recovery-download">
          <wl-glyph name="download" /> 下载为文本文件
        </button>
      </div>
      <mat-checkbox [checked]="saved()" (change)="saved.set($event.checked)" data-testid="recovery-saved">
        我已妥善保存恢复码
      </mat-checkbox>
    </section>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 16px;
      padding: 16px;
      background: var(--mat-sys-surface-container-low);
      --wl-glyph-size: 18px;
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .warn {
      margin: 8px 0 12px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .code {
      display: block;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-highest);
      font-family: 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace;
      font-size: clamp(16px, 4vw, 22px);
      letter-spacing: 0.08em;
      text-align: center;
      user-select: all;
      word-break: break-all;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0 4px;
    }
  `,
})
export class RecoveryCodeCard {
  private readonly snackBar = inject(MatSnackBar);
  readonly code = input.required<string>();
  readonly saved = model(false);

  protected async copy(): Promise<void> {
    const copied = await copyText(this.code());
    this.snackBar.open(copied ? '恢复码已复制' : '复制失败，请手动选择复制', undefined, { duration: 2500 });
  }

  protected download(): void {
    const text = [
      '企微直播助手 · 超级管理员恢复码',
      '',
      this.code(),
      '',
      `生成时间：${new Date().toLocaleString('zh-CN')}`,
      '用途：忘记超级管理员密码时，在登录页「超级管理员」→「忘记密码」中输入此恢复码重设密码。',
      '每个恢复码只能使用一次，使用后会生成新的恢复码。请妥善保管，不要与他人分享。',
      '',
    ].join('\r\n');
    const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'wecom-live-恢复码.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
