import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Glyph } from './glyph.js';
import { WECOM_APPS_CONSOLE_URL } from '../../../../sdk/ui/trusted-ip-info.js';

/** The short how-to of configuring the WeCom app for this machine (R2.6, R2.7). */
@Component({
  selector: 'wl-setup-guide',
  imports: [Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="steps">
      <li>
        在企业微信管理后台「应用管理 → 自建」中创建或选择用于直播的应用，记下
        <b>AgentId</b>，并在企业微信客户端中查看 <b>Secret</b>。
      </li>
      <li>
        在应用详情页的「开发者接口」中，先设置「网页授权及JS-SDK」的<b>可信域名</b>或「接收消息」的<b
          >服务器 URL</b
        >
        ——企业微信要求先完成其中一项，才能配置企业可信 IP。
      </li>
      <li>点击「企业可信 IP」→「配置」，粘贴上方复制的 IP（多个 IP 以英文分号 ; 分隔）并保存。</li>
      <li>约 5 分钟后生效，再回到本软件登录；若仍提示 IP 未被信任，软件会弹窗列出需要补充的 IP。</li>
    </ol>
    <a class="console" [href]="consoleUrl()" target="_blank" rel="noopener noreferrer">
      打开企业微信管理后台
      <wl-glyph name="open_in_new" />
    </a>
  `,
  styles: `
    .steps {
      margin: 0;
      padding-left: 1.4em;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .steps li + li {
      margin-top: 6px;
    }
    .steps b {
      color: var(--mat-sys-on-surface);
      font-weight: 600;
    }
    .console {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-top: 10px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      text-decoration: none;
      --wl-glyph-size: 16px;
    }
    .console:hover,
    .console:focus-visible {
      text-decoration: underline;
    }
  `,
})
export class SetupGuide {
  readonly consoleUrl = input(WECOM_APPS_CONSOLE_URL);
}
