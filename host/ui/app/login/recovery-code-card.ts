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
  templateUrl: './recovery-code-card.html',
  styleUrl: './recovery-code-card.scss',
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
