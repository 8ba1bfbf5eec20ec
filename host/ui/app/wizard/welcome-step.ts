import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { Disclaimer } from '../login/disclaimer.js';
import { Glyph } from '../login/glyph.js';

/** Step 1: what the wizard does, and the disclaimer to accept before anything is set up. */
@Component({
  selector: 'wl-welcome-step',
  imports: [MatButton, MatCheckbox, Disclaimer, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>欢迎使用企微直播助手</h2>
    <p class="lead">只需几分钟，完成以下初始化配置即可开始使用：</p>
    <ol class="plan">
      <li>
        <wl-glyph name="shield" /><span><b>设置超级管理员密码</b>，并保存一次性的恢复码</span>
      </li>
      <li>
        <wl-glyph name="business" /><span><b>配置第一个企业</b>（可跳过），并检测配置是否可用</span>
      </li>
      <li>
        <wl-glyph name="public" /><span><b>设置企业可信 IP</b>，让企业微信接受本机的接口调用</span>
      </li>
      <li>
        <wl-glyph name="contrast" /><span><b>选择界面主题</b>：跟随系统、明亮或暗色</span>
      </li>
    </ol>
    <div class="disclaimer-box">
      <wl-disclaimer />
    </div>
    <mat-checkbox
      [checked]="accepted()"
      (change)="acceptedChange.emit($event.checked)"
      data-testid="accept-disclaimer"
    >
      我已阅读并同意上述免责声明
    </mat-checkbox>
    <div class="actions">
      <button
        matButton="filled"
        type="button"
        [disabled]="!accepted()"
        (click)="next.emit()"
        data-testid="welcome-next"
      >
        开始设置
      </button>
    </div>
  `,
  styleUrl: './wizard-step.scss',
})
export class WelcomeStep {
  readonly accepted = input.required<boolean>();
  readonly acceptedChange = output<boolean>();
  readonly next = output();
}
