import { Clipboard } from '@angular/cdk/clipboard';
import { Component, computed, DestroyRef, inject, signal, viewChild, type OnInit } from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
  type ValidatorFn,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type {
  DetectedIp,
  TrustedIp,
  TrustedIpAdded,
  TrustedIpSource,
  TrustedIpsView,
} from '../settings-api.js';
import { SettingsAccess } from '../settings-access.js';
import { EditIpsDialog } from './edit-ips-dialog.js';
import { isIpAddress } from './ip-address.js';

export const SOURCE_LABELS: Record<TrustedIpSource, string> = {
  detected: '检测到的公网IP',
  'wecom-60020': '企业微信报错 60020',
  manual: '手动添加',
};

const ipValidator: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() !== '' && !isIpAddress(control.value)
    ? { ip: true }
    : null;

/**
 * 可信 IP (R2.6, R2.7): the de-duplicated list of this machine's public IPs for WeCom's 企业可信 IP field,
 * copyable joined with `;`, with the way to the console. Admins add and edit; everyone can copy and detect.
 */
@Component({
  selector: 'wls-trusted-ips-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    ReactiveFormsModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="ips-title">
      <header class="page-head">
        <div>
          <h2 id="ips-title">可信 IP</h2>
          <p class="sub">
            企业微信只接受来自自建应用「企业可信
            IP」中的地址的接口调用。本程序记录检测到的公网IP和企业微信报错（60020）中的IP，自动去重，最多
            {{ view()?.limit ?? 120 }} 个。
          </p>
        </div>
      </header>

      <div class="top">
        <mat-card appearance="outlined" class="detect">
          @if (detecting()) {
            <mat-progress-bar mode="indeterminate" aria-label="正在检测公网IP" />
          }
          <mat-card-header>
            <mat-card-title>本机公网IP</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            @if (detected(); as answer) {
              @if (answer.ip) {
                <p class="ip-big mono" data-testid="detected-ip">{{ answer.ip }}</p>
                <p class="muted small">
                  已加入下方列表{{ answer.source ? '（查询服务：' + answer.source + '）' : '' }}。
                </p>
              } @else {
                <p class="warn" role="alert">{{ answer.message }}</p>
              }
            } @else {
              <p class="muted small">点击「检测」向公网IP查询服务询问本机的出口IP。只在点击时查询。</p>
            }
          </mat-card-content>
          <mat-card-actions>
            <button matButton="tonal" type="button" (click)="detect()" [disabled]="detecting()">
              <mat-icon svgIcon="public" />检测公网IP
            </button>
            @if (detected()?.ip; as ip) {
              <button matButton type="button" (click)="copy(ip, '已复制 ' + ip)">
                <mat-icon svgIcon="content_copy" />复制
              </button>
            }
          </mat-card-actions>
        </mat-card>

        <mat-card appearance="outlined" class="steps">
          <mat-card-header>
            <mat-card-title>在企业微信中设置</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ol>
              <li>点击「复制全部」，得到以分号分隔的列表。</li>
              <li>
                打开企业微信管理后台
                <a [href]="consoleUrl()" target="_blank" rel="noopener noreferrer" class="mono link">{{
                  consoleUrl()
                }}</a>
                ，进入「应用管理」，选择本程序使用的自建应用。
              </li>
              <li>在「企业可信 IP」处点「配置」，粘贴后确定。</li>
              <li>约 5 分钟后生效，再重试刚才的操作。</li>
            </ol>
            <p class="note">
              提示：新建的自建应用需先配置「网页授权及JS-SDK 可信域名」或「接收消息」的服务器
              URL，企业微信才允许设置企业可信 IP。
            </p>
          </mat-card-content>
          <mat-card-actions>
            <button matButton type="button" (click)="copy(consoleUrl(), '已复制管理后台地址')">
              <mat-icon svgIcon="content_copy" />复制后台地址
            </button>
          </mat-card-actions>
        </mat-card>
      </div>

      <div class="toolbar">
        <h3 class="list-title">
          已记录的IP <span class="muted">{{ ips().length }} / {{ view()?.limit ?? 120 }}</span>
        </h3>
        <span class="spacer"></span>
        <button matButton="filled" type="button" (click)="copyAll()" [disabled]="ips().length === 0">
          <mat-icon svgIcon="content_copy" />复制全部
        </button>
        @if (access.isAdmin()) {
          <button matButton="outlined" type="button" (click)="editList()" [disabled]="view() === null">
            <mat-icon svgIcon="edit" />编辑列表
          </button>
        }
      </div>

      @if (access.isAdmin()) {
        <form class="add" [formGroup]="addForm" (ngSubmit)="add()" aria-label="添加一个IP">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="add-field" hideRequiredMarker>
            <mat-label>添加IP</mat-label>
            <input
              matInput
              formControlName="ip"
              placeholder="例如 203.0.113.10"
              spellcheck="false"
              autocomplete="off"
            />
            @if (newIp.hasError('required')) {
              <mat-error>请填写 IP</mat-error>
            } @else if (newIp.hasError('ip')) {
              <mat-error>不是有效的 IPv4 或 IPv6 地址</mat-error>
            } @else if (newIp.hasError('server')) {
              <mat-error>{{ addError() }}</mat-error>
            }
          </mat-form-field>
          <button matButton="tonal" type="submit" [disabled]="adding()" class="add-button">
            <mat-icon svgIcon="add" />添加
          </button>
        </form>
      }

      @if (loading()) {
        <wl-page-state state="loading" message="正在读取可信 IP…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (ips().length === 0) {
        <wl-page-state
          state="empty"
          message="还没有记录任何IP。点击「检测公网IP」，或在企业微信报错 60020 时自动记录。"
        />
      } @else if (narrow()) {
        <div class="cards">
          @for (entry of ips(); track entry.ip) {
            <mat-card appearance="outlined">
              <div class="card-body">
                <div class="card-title mono">{{ entry.ip }}</div>
                <dl class="fields">
                  <dt>来源</dt>
                  <dd>{{ sourceLabels[entry.source] }}</dd>
                  <dt>首次记录</dt>
                  <dd>{{ time(entry.firstSeenAt) }}</dd>
                  <dt>最近出现</dt>
                  <dd>{{ time(entry.lastSeenAt) }}</dd>
                </dl>
              </div>
            </mat-card>
          }
        </div>
      } @else {
        <div class="table-wrap">
          <table mat-table [dataSource]="ips()" aria-label="可信 IP列表">
            <ng-container matColumnDef="ip">
              <th mat-header-cell *matHeaderCellDef>IP</th>
              <td mat-cell *matCellDef="let entry" class="mono">{{ entry.ip }}</td>
            </ng-container>
            <ng-container matColumnDef="source">
              <th mat-header-cell *matHeaderCellDef>来源</th>
              <td mat-cell *matCellDef="let entry">
                <mat-chip-set>
                  <mat-chip [class]="sourceChip[asIp(entry).source]" [disableRipple]="true">
                    {{ sourceLabels[asIp(entry).source] }}
                  </mat-chip>
                </mat-chip-set>
              </td>
            </ng-container>
            <ng-container matColumnDef="first">
              <th mat-header-cell *matHeaderCellDef>首次记录</th>
              <td mat-cell *matCellDef="let entry" class="mono">{{ time(asIp(entry).firstSeenAt) }}</td>
            </ng-container>
            <ng-container matColumnDef="last">
              <th mat-header-cell *matHeaderCellDef>最近出现</th>
              <td mat-cell *matCellDef="let entry" class="mono">{{ time(asIp(entry).lastSeenAt) }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let entry; columns: columns" [attr.data-ip]="entry.ip"></tr>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .top {
      display: grid;
      grid-template-columns: minmax(260px, 1fr) minmax(300px, 2fr);
      align-items: start;
      gap: 16px;
      margin-bottom: 24px;
    }
    .top mat-card {
      position: relative;
      overflow: hidden;
    }
    .top mat-progress-bar {
      position: absolute;
      inset: 0 0 auto 0;
    }
    .ip-big {
      margin: 8px 0 4px;
      font-size: 1.6rem;
      overflow-wrap: anywhere;
    }
    .small {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .warn {
      color: var(--mat-sys-error);
    }
    ol {
      margin: 8px 0;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
    }
    li {
      margin: 4px 0;
    }
    .link {
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .note {
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 12px;
    }
    .list-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .list-title .muted {
      font: var(--mat-sys-body-medium);
      margin-inline-start: 8px;
    }
    .spacer {
      flex: 1;
    }
    .add {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin-bottom: 16px;
    }
    .add-field {
      flex: 0 1 360px;
    }
    .add-button {
      margin-top: 10px;
    }
    @media (max-width: 719.98px) {
      .top {
        grid-template-columns: 1fr;
      }
      .add-field {
        flex: 1 1 auto;
      }
    }
  `,
})
export class TrustedIpsPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);
  protected readonly narrow = injectNarrow();
  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly sourceChip: Record<TrustedIpSource, string> = {
    detected: 'chip-info',
    'wecom-60020': 'chip-bad',
    manual: 'chip-off',
  };
  protected readonly columns = ['ip', 'source', 'first', 'last'];

  protected readonly view = signal<TrustedIpsView | null>(null);
  protected readonly ips = computed(() => this.view()?.ips ?? []);
  protected readonly consoleUrl = computed(
    () => this.view()?.consoleUrl ?? 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
  );
  protected readonly pageLoad = new PageLoad('无法读取可信 IP列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly detecting = signal(false);
  protected readonly detected = signal<DetectedIp | null>(null);
  protected readonly adding = signal(false);
  protected readonly addError = signal<string>('');
  protected readonly newIp = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, ipValidator],
  });
  protected readonly addForm = new FormGroup({ ip: this.newIp });
  private readonly addDirective = viewChild(FormGroupDirective);

  constructor() {
    // A 60020 anywhere records its IP on the host: show it here at once.
    const subscription = this.rpc.on('wecom.ipNotAllowed').subscribe(() => void this.load(false));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(showLoading = true): Promise<void> {
    await this.pageLoad.run(async () => {
      this.view.set(await this.rpc.call<TrustedIpsView>('trustedIps.list'));
    }, !showLoading);
  }

  protected asIp(entry: TrustedIp): TrustedIp {
    return entry;
  }

  protected time(at: number): string {
    return this.dateTime.format(at);
  }

  protected copy(text: string, done: string): void {
    if (this.clipboard.copy(text)) this.notifier.success(done);
    else this.notifier.failure(null, '复制失败，请手动选择文字复制。');
  }

  protected copyAll(): void {
    const view = this.view();
    if (view === null || view.copyText === '') return;
    this.copy(view.copyText, `已复制 ${view.ips.length} 个IP（以分号分隔），可直接粘贴到企业微信`);
  }

  protected async detect(): Promise<void> {
    this.detecting.set(true);
    try {
      const answer = await this.rpc.call<DetectedIp>('trustedIps.detectPublicIp');
      this.detected.set(answer);
      if (answer.ip !== null) await this.load(false);
    } catch (error) {
      this.notifier.failure(error, '检测公网IP失败。');
    } finally {
      this.detecting.set(false);
    }
  }

  protected async add(): Promise<void> {
    this.newIp.markAsTouched();
    if (this.newIp.invalid || this.adding()) return;
    const ip = this.newIp.value.trim();
    this.adding.set(true);
    try {
      const result = await this.rpc.call<TrustedIpAdded>('trustedIps.add', { ip });
      this.addDirective()?.resetForm({ ip: '' });
      const dropped =
        result.dropped.length > 0 ? `；超过上限，移除了最久未出现的 ${result.dropped.join('、')}` : '';
      this.notifier.success(`${result.added ? `已添加 ${ip}` : `${ip} 已在列表中`}${dropped}`);
      await this.load(false);
    } catch (error) {
      if (fieldOf(error) === 'ip') {
        this.addError.set(messageOf(error));
        this.newIp.setErrors({ server: true });
      } else this.notifier.failure(error, '添加失败。');
    } finally {
      this.adding.set(false);
    }
  }

  protected async editList(): Promise<void> {
    const view = this.view();
    if (view === null) return;
    const ref = this.dialog.open<EditIpsDialog, TrustedIpsView, TrustedIpsView>(EditIpsDialog, {
      data: view,
      width: '560px',
      maxWidth: '96vw',
      disableClose: true,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved === undefined) return;
    this.view.set(saved);
    this.notifier.success(`已保存可信 IP列表，共 ${saved.ips.length} 个`);
  }
}
