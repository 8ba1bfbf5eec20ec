import { Clipboard } from '@angular/cdk/clipboard';
import { Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type { AboutInfo } from '../settings-api.js';
import { SettingsAccess } from '../settings-access.js';
import { zoneName } from '../../../../sdk/ui/chinese-dates.js';

interface PathRow {
  label: string;
  value: string;
}

/** 关于: version, where the data lives (admins), licence, privacy notice and disclaimer (R9.2). */
@Component({
  selector: 'wls-about-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatTooltipModule, PageState],
  template: `
    <section class="page" aria-labelledby="about-title">
      <header class="page-head">
        <div>
          <h2 id="about-title">关于</h2>
          <p class="sub">企微直播助手：创建企业微信直播，拉取观看、邀请与签到数据并生成报表。</p>
        </div>
      </header>
      @if (loading()) {
        <wl-page-state state="loading" message="正在读取程序信息…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (about(); as info) {
        <div class="grid">
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>程序</mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <dl class="fields">
                <dt>版本</dt>
                <dd class="mono" data-testid="version">{{ info.version }}</dd>
                <dt>运行环境</dt>
                <dd class="mono">Node.js {{ info.node }}</dd>
                <dt>许可证</dt>
                <dd>{{ info.licence }}（开源，可商用）</dd>
                @if (info.timeZone) {
                  <dt>时区</dt>
                  <dd data-testid="time-zone">
                    {{ zoneName(info.timeZone) }}
                    @if (zoneName(info.timeZone) !== info.timeZone) {
                      <span class="mono">（{{ info.timeZone }}）</span>
                    }
                  </dd>
                }
              </dl>
            </mat-card-content>
          </mat-card>

          @if (paths().length > 0) {
            <mat-card appearance="outlined" class="paths">
              <mat-card-header>
                <mat-card-title>数据位置</mat-card-title>
                <mat-card-subtitle>备份时请复制整个数据目录。</mat-card-subtitle>
              </mat-card-header>
              <mat-card-content>
                <dl class="fields">
                  @for (row of paths(); track row.label) {
                    <dt>{{ row.label }}</dt>
                    <dd class="path">
                      <span class="mono">{{ row.value }}</span>
                      <button
                        matIconButton
                        type="button"
                        class="copy"
                        (click)="copy(row)"
                        [matTooltip]="'复制' + row.label"
                        [attr.aria-label]="'复制' + row.label"
                      >
                        <mat-icon svgIcon="content_copy" />
                      </button>
                    </dd>
                  }
                </dl>
              </mat-card-content>
            </mat-card>
          }

          <mat-card appearance="outlined" class="wide">
            <mat-card-header>
              <mat-card-title>隐私说明</mat-card-title>
            </mat-card-header>
            <mat-card-content class="prose">
              <p>
                本程序在本机运行，企业配置、成员与直播数据只保存在本机的数据目录中，不会发送给本程序的开发者。应用
                Secret 加密保存，日志中不记录 Secret 和访问凭证。
              </p>
              <p>
                程序只与企业微信官方接口通信。仅在您点击「检测公网IP」时，才会向第三方公网IP查询服务发送一次请求，以获得本机的出口IP；查询服务可由管理员在配置中指定。
              </p>
              <p>导出的 Excel 文件可能含有成员姓名等个人信息，请妥善保管，用完及时删除。</p>
            </mat-card-content>
          </mat-card>

          <mat-card appearance="outlined" class="wide">
            <mat-card-header>
              <mat-card-title>免责声明</mat-card-title>
            </mat-card-header>
            <mat-card-content class="prose">
              <p>
                本程序按「现状」提供，依据 Apache License 2.0
                授权，不附带任何明示或默示的担保。使用者应遵守企业微信的服务条款和个人信息保护相关法律法规，仅在获得授权的范围内处理成员数据；因使用本程序产生的后果由使用者自行承担。
              </p>
            </mat-card-content>
          </mat-card>
        </div>
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
      align-items: start;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .path {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .path .mono {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .copy {
      flex: none;
    }
    .prose p {
      margin: 8px 0;
      font: var(--mat-sys-body-medium);
      line-height: 1.7;
    }
  `,
})
export class AboutPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  protected readonly zoneName = zoneName;
  private readonly rpc = inject(RpcClient);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);

  protected readonly about = signal<AboutInfo | null>(null);
  protected readonly paths = signal<PathRow[]>([]);
  protected readonly pageLoad = new PageLoad('无法读取程序信息。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    await this.pageLoad.run(async () => {
      const info = await this.rpc.call<AboutInfo>('host.about');
      this.about.set(info);
      // The host sends the paths to admins only.
      const rows: Array<[string, string | undefined]> = [
        ['数据目录', info.dataDir],
        ['数据库文件', info.databaseFile],
        ['日志目录', info.logDir],
      ];
      this.paths.set(
        rows.flatMap(([label, value]) => (value === undefined || value === '' ? [] : [{ label, value }])),
      );
    });
  }

  protected copy(row: PathRow): void {
    if (this.clipboard.copy(row.value)) this.notifier.success(`已复制${row.label}`);
    else this.notifier.failure(null, '复制失败，请手动选择文字复制。');
  }
}
