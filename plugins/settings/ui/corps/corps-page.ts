import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type { CorpView } from '../settings-api.js';
import { SettingsAccess } from '../settings-access.js';
import { CorpDialog, type CorpDialogData } from './corp-dialog.js';

/**
 * 企业配置: the saved corp apps. root-admin adds, edits, checks and deletes them; a WeCom admin sees and
 * edits the corp they are signed in to.
 */
@Component({
  selector: 'wls-corps-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="corps-title">
      <header class="page-head">
        <div>
          <h2 id="corps-title">企业配置</h2>
          <p class="sub">
            @if (access.isRoot()) {
              企业微信自建应用的配置。保存前会检查配置是否正确；Secret 加密保存，只显示末尾 3 位。
            } @else {
              当前登录企业的应用配置。保存前会检查配置是否正确；Secret 加密保存，只显示末尾 3 位。
            }
          </p>
        </div>
        @if (access.isRoot()) {
          <div class="head-actions">
            <button matButton="filled" type="button" (click)="add()">
              <mat-icon svgIcon="add" />添加企业
            </button>
          </div>
        }
      </header>

      @if (loading()) {
        <wl-page-state state="loading" message="正在读取企业…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (corps().length === 0) {
        <wl-page-state
          state="empty"
          [message]="
            access.isRoot()
              ? '还没有企业。添加企业后，成员即可在登录页选择它登录。'
              : '没有找到当前登录的企业。'
          "
        >
          @if (access.isRoot()) {
            <button matButton="filled" type="button" (click)="add()">
              <mat-icon svgIcon="add" />添加企业
            </button>
          }
        </wl-page-state>
      } @else if (narrow()) {
        <div class="cards">
          @for (corp of corps(); track corp.corpId) {
            <mat-card appearance="outlined" [class.row-busy]="busy() === corp.corpId">
              @if (busy() === corp.corpId) {
                <mat-progress-bar mode="indeterminate" />
              }
              <div class="card-body">
                <div class="card-title">{{ corp.corpname }}</div>
                <dl class="fields">
                  <dt>企业ID</dt>
                  <dd class="mono">{{ corp.corpid }}</dd>
                  <dt>AgentId</dt>
                  <dd class="mono">{{ corp.agentid }}</dd>
                  <dt>应用名称</dt>
                  <dd>{{ corp.appName || '—' }}</dd>
                  <dt>Secret</dt>
                  <dd class="mono">{{ corp.secretMasked }}</dd>
                </dl>
              </div>
              <div class="card-actions">
                <ng-container *ngTemplateOutlet="actions; context: { $implicit: corp }" />
              </div>
            </mat-card>
          }
        </div>
      } @else {
        <div class="table-wrap">
          <table mat-table [dataSource]="corps()" aria-label="企业列表">
            <ng-container matColumnDef="corpname">
              <th mat-header-cell *matHeaderCellDef>企业名称</th>
              <td mat-cell *matCellDef="let corp">{{ corp.corpname }}</td>
            </ng-container>
            <ng-container matColumnDef="corpid">
              <th mat-header-cell *matHeaderCellDef>企业ID</th>
              <td mat-cell *matCellDef="let corp" class="mono">{{ corp.corpid }}</td>
            </ng-container>
            <ng-container matColumnDef="agentid">
              <th mat-header-cell *matHeaderCellDef>AgentId</th>
              <td mat-cell *matCellDef="let corp" class="mono">{{ corp.agentid }}</td>
            </ng-container>
            <ng-container matColumnDef="appName">
              <th mat-header-cell *matHeaderCellDef>应用名称</th>
              <td mat-cell *matCellDef="let corp">{{ corp.appName || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="secret">
              <th mat-header-cell *matHeaderCellDef>Secret</th>
              <td mat-cell *matCellDef="let corp" class="mono">{{ corp.secretMasked }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef class="actions-col">操作</th>
              <td mat-cell *matCellDef="let corp" class="actions-col">
                <ng-container *ngTemplateOutlet="actions; context: { $implicit: corp }" />
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr
              mat-row
              *matRowDef="let corp; columns: columns"
              [class.row-busy]="busy() === corp.corpId"
              [attr.data-corp]="corp.corpname"
            ></tr>
          </table>
          @if (busy() !== null) {
            <mat-progress-bar mode="indeterminate" aria-label="正在处理" />
          }
        </div>
      }
    </section>

    <ng-template #actions let-corp>
      <button
        matButton
        type="button"
        (click)="check(corp)"
        [disabled]="busy() !== null"
        matTooltip="用保存的配置向企业微信获取凭证并读取应用名称"
      >
        <mat-icon svgIcon="verified_user" />检查配置
      </button>
      <button matButton type="button" (click)="edit(corp)" [disabled]="busy() !== null">
        <mat-icon svgIcon="edit" />编辑
      </button>
      @if (access.isRoot()) {
        <button matButton type="button" class="danger" (click)="remove(corp)" [disabled]="busy() !== null">
          <mat-icon svgIcon="delete" />删除
        </button>
      }
    </ng-template>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .actions-col {
      text-align: end;
      white-space: nowrap;
    }
    .danger {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class CorpsPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly narrow = injectNarrow();
  protected readonly columns = ['corpname', 'corpid', 'agentid', 'appName', 'secret', 'actions'];

  private readonly all = signal<CorpView[]>([]);
  /** A WeCom admin works on their own corp only (the host refuses the others). */
  protected readonly corps = computed(() => {
    if (this.access.isRoot()) return this.all();
    const own = this.access.corp()?.corpId;
    return this.all().filter((corp) => corp.corpId === own);
  });
  protected readonly pageLoad = new PageLoad('无法读取企业列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly busy = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  async load(showLoading = true): Promise<void> {
    await this.pageLoad.run(async () => {
      this.all.set(await this.rpc.call<CorpView[]>('corps.list'));
    }, !showLoading);
  }

  protected add(): Promise<void> {
    return this.openDialog({});
  }

  protected edit(corp: CorpView): Promise<void> {
    return this.openDialog({ corp });
  }

  protected async check(corp: CorpView): Promise<void> {
    this.busy.set(corp.corpId);
    try {
      const { appName } = await this.rpc.call<{ ok: boolean; appName: string }>('corps.check', {
        corpId: corp.corpId,
      });
      this.all.update((rows) => rows.map((row) => (row.corpId === corp.corpId ? { ...row, appName } : row)));
      this.notifier.success(`「${corp.corpname}」配置正确，应用名称：${appName || '（未命名）'}`);
    } catch (error) {
      this.notifier.failure(error, `「${corp.corpname}」配置检查失败。`);
    } finally {
      this.busy.set(null);
    }
  }

  protected async remove(corp: CorpView): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `删除企业「${corp.corpname}」？`,
      message:
        '该企业的用户与权限设置、登录会话，以及本机保存的该企业所有直播数据（观看明细、在线人数采样、签到记录）将一并删除，已登录的成员会被退出。\n此操作不能撤销；之后可以重新添加这个企业，并从企业微信重新同步直播。',
      confirmText: '删除',
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(corp.corpId);
    try {
      await this.rpc.call('corps.delete', { corpId: corp.corpId });
      this.all.update((rows) => rows.filter((row) => row.corpId !== corp.corpId));
      this.notifier.success(`已删除企业「${corp.corpname}」`);
    } catch (error) {
      this.notifier.failure(error, `无法删除「${corp.corpname}」。`);
    } finally {
      this.busy.set(null);
    }
  }

  private async openDialog(data: CorpDialogData): Promise<void> {
    const ref = this.dialog.open<CorpDialog, CorpDialogData, CorpView>(CorpDialog, {
      data,
      width: '560px',
      maxWidth: '96vw',
      disableClose: true,
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (saved === undefined) return;
    this.notifier.success(`已保存「${saved.corpname}」，应用名称：${saved.appName || '（未命名）'}`);
    await this.load(false);
  }
}
