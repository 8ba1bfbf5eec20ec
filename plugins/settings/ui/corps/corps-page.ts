import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { firstValueFrom } from 'rxjs';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import {
  CORPS_CHECK,
  CORPS_DELETE,
  CORPS_LIST,
  type CorpView,
} from '../../../../sdk/contracts/corps-channels.js';
import { SettingsAccess } from '../settings-access.js';
import { CorpDialog, type CorpDialogData } from './corp-dialog.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';

/**
 * 企业配置: the saved corp apps. root-admin adds, edits, checks and deletes them; a WeCom admin sees and
 * edits the corp they are signed in to.
 */
@Component({
  selector: 'wls-corps-page',
  imports: [SETTINGS_PAGE_IMPORTS, NgTemplateOutlet, MatTableModule, MatTooltipModule],
  templateUrl: './corps-page.component.html',
  styleUrls: ['../shared/page.scss', './corps-page.scss'],
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
      this.all.set(await this.rpc.call(CORPS_LIST));
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
      const { appName } = await this.rpc.call(CORPS_CHECK, {
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
      await this.rpc.call(CORPS_DELETE, { corpId: corp.corpId });
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
