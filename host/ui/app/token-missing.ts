import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * Browser mode opened without its server token (the address lacks `#token=…` and this tab never had it):
 * every call would be refused, so instead of a form that cannot work the page says how to get in.
 */
@Component({
  selector: 'wl-token-missing',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <section class="card" role="alert" data-testid="token-missing">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <h1>缺少访问凭证，无法连接本机服务</h1>
        <p>
          为了安全，浏览器模式只接受带访问凭证的地址。请使用程序启动时在终端里打印的<strong>完整地址</strong>
          （以 <code>#token=</code> 加一串字符结尾）打开本页面。
        </p>
        <ul>
          <li>复制地址时请包含 <code>#</code> 及其后的全部字符。</li>
          <li>新开的浏览器标签页也需要使用完整地址。</li>
          <li>找不到该地址时，请关闭并重新启动程序，终端会打印新的地址。</li>
        </ul>
      </section>
    </main>
  `,
  styles: `
    .page {
      display: grid;
      place-items: center;
      min-height: 100vh;
      padding: 16px;
      box-sizing: border-box;
    }
    .card {
      max-width: 560px;
      padding: 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
    }
    .card mat-icon {
      width: 40px;
      height: 40px;
      color: var(--mat-sys-error);
    }
    h1 {
      margin: 8px 0 12px;
      font: var(--mat-sys-headline-small);
    }
    code {
      font-family: ui-monospace, monospace;
    }
    ul {
      padding-left: 20px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TokenMissing {}
