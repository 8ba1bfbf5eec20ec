import { Clipboard } from '@angular/cdk/clipboard';
import { Component, computed, inject, signal, type OnInit, type WritableSignal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatTooltipModule } from '@angular/material/tooltip';
import { FORM_FIELD_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { typedPathProblem } from './typed-path.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { formatBytes } from '../shared/format.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import type { ConfigView, StorageView } from '../../../../sdk/contracts/config.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';
import type { z } from 'zod';
import type { ChannelInput } from '../../../../sdk/contracts/channel.js';
import { schemaIssue } from '../../../../sdk/ui/schema-validators.js';
import {
  CONFIG_CANCEL_DATABASE_CHANGE,
  CONFIG_CHECK_DATABASE_CHANGE,
  CONFIG_GET,
  CONFIG_MOVE_DATABASE,
  CONFIG_SET_LOG_DIR,
  CONFIG_USE_DATABASE,
  DatabaseFileSchema,
  FolderSchema,
} from '../../../../sdk/contracts/config-channels.js';

type DatabaseMode = 'move' | 'use';

/**
 * A path field. "Required" is checked on submit only (see `requirePath`): a validator would show its
 * error again after a successful save resets the field inside the submitted form.
 */
function pathControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true });
}

/**
 * False (and the field marked) when nothing was typed, or what was typed cannot be a usable path: the
 * channel's schema for it (`schema`), then the shape of a path.
 */
function requirePath(control: FormControl<string>, schema: z.ZodType): boolean {
  if (control.value.trim() === '') control.setErrors({ required: true });
  else {
    const problem = schemaIssue(schema, control.value)?.message ?? typedPathProblem(control.value);
    if (problem === null) return true;
    control.setErrors({ server: problem });
  }
  control.markAsTouched();
  return false;
}

/**
 * 存储与日志 (root-admin, R1.8, R8.1): where the database file and the log folder are, and
 * changing them. Every change is applied by the next start; the page says what is pending.
 */
@Component({
  selector: 'wls-storage-page',
  imports: [SETTINGS_PAGE_IMPORTS, FORM_FIELD_IMPORTS, MatButtonToggleModule, MatTooltipModule],
  templateUrl: './storage-page.component.html',
  styleUrls: ['../shared/page.scss', './storage-page.scss'],
})
export class StoragePage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly clipboard = inject(Clipboard);

  protected readonly view = signal<StorageView | null>(null);
  protected readonly pageLoad = new PageLoad('无法读取存储设置。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly busy = signal<'database' | 'logs' | null>(null);
  protected readonly mode = signal<DatabaseMode>('move');
  protected readonly databasePath = pathControl();
  protected readonly logPath = pathControl();
  // Groups so that <form> submits through ngSubmit instead of reloading the page.
  protected readonly databaseForm = new FormGroup({ path: this.databasePath });
  protected readonly logForm = new FormGroup({ path: this.logPath });
  protected readonly databaseError = signal<string | null>(null);
  protected readonly logError = signal<string | null>(null);
  protected readonly examples = {
    folder: 'D:\\企微直播\\数据',
    file: 'D:\\备份\\wecom-live.sqlite',
    logs: 'D:\\企微直播\\日志',
  };
  protected readonly size = computed(() => formatBytes(this.view()?.database.sizeBytes ?? 0));

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    await this.pageLoad.run(async () => {
      this.view.set((await this.rpc.call(CONFIG_GET)).storage);
    });
  }

  protected setMode(mode: DatabaseMode): void {
    this.mode.set(mode);
    this.databaseError.set(null);
    this.databasePath.setErrors(null);
  }

  protected async changeDatabase(): Promise<void> {
    if (!requirePath(this.databasePath, this.mode() === 'move' ? FolderSchema : DatabaseFileSchema)) return;
    const path = this.databasePath.value.trim();
    const moving = this.mode() === 'move';
    // The host checks the path first, so a refused one is named on its field before any confirmation.
    const target = await this.check(moving ? { mode: 'move', folder: path } : { mode: 'use', file: path });
    if (target === null) return;
    const confirmed = await confirmAction(this.dialog, {
      title: moving ? '迁移数据库？' : '改用这个数据库文件？',
      message: moving
        ? `下次启动时，程序会把当前数据库复制为：\n${target}\n校验无误后改用新文件。原文件保留，确认无误后可自行删除。\n\n在重新启动之前，程序照常使用原文件。`
        : `下次启动时，程序改用：\n${target}\n当前数据库中的数据不会带过去，但也不会删除；以后可以再改回来。`,
      confirmText: moving ? '下次启动时迁移' : '下次启动时改用',
    });
    if (!confirmed) return;
    await this.run(
      'database',
      () =>
        moving
          ? this.rpc.call(CONFIG_MOVE_DATABASE, { folder: path })
          : this.rpc.call(CONFIG_USE_DATABASE, { file: path }),
      {
        control: this.databasePath,
        message: this.databaseError,
        done: moving ? '已安排迁移，重新启动程序后生效。' : '已设置，重新启动程序后生效。',
      },
    );
  }

  /** The file the change leads to, or null when the host refused the path (shown on the field). */
  private async check(input: ChannelInput<typeof CONFIG_CHECK_DATABASE_CHANGE>): Promise<string | null> {
    this.busy.set('database');
    this.databaseError.set(null);
    try {
      return (await this.rpc.call(CONFIG_CHECK_DATABASE_CHANGE, input)).target;
    } catch (error) {
      this.showRefusal(error, this.databasePath, this.databaseError);
      return null;
    } finally {
      this.busy.set(null);
    }
  }

  protected async cancelDatabaseChange(): Promise<void> {
    await this.run('database', () => this.rpc.call(CONFIG_CANCEL_DATABASE_CHANGE), {
      control: null,
      message: this.databaseError,
      done: '已撤销，下次启动仍使用当前数据库。',
    });
  }

  protected async changeLogDir(reset = false): Promise<void> {
    if (!reset && !requirePath(this.logPath, FolderSchema)) return;
    const folder = this.logPath.value.trim();
    await this.run('logs', () => this.rpc.call(CONFIG_SET_LOG_DIR, { folder: reset ? null : folder }), {
      control: reset ? null : this.logPath,
      message: this.logError,
      done: reset ? '已恢复默认日志文件夹，重新启动程序后生效。' : '已保存，重新启动程序后日志写入新文件夹。',
    });
  }

  protected copy(label: string, value: string): void {
    if (this.clipboard.copy(value)) this.notifier.success(`已复制${label}`);
    else this.notifier.failure(null, '复制失败，请手动选择文字复制。');
  }

  protected time(at: number): string {
    return this.dateTime.format(at);
  }

  private async run(
    busy: 'database' | 'logs',
    call: () => Promise<ConfigView>,
    target: {
      control: FormControl<string> | null;
      message: WritableSignal<string | null>;
      done: string;
    },
  ): Promise<void> {
    this.busy.set(busy);
    target.message.set(null);
    try {
      const answer = await call();
      this.view.set(answer.storage);
      target.control?.reset('');
      this.notifier.success(target.done);
    } catch (error) {
      this.showRefusal(error, target.control, target.message);
    } finally {
      this.busy.set(null);
    }
  }

  /** A refused path is shown on its field; anything else above the form. */
  private showRefusal(
    error: unknown,
    control: FormControl<string> | null,
    message: WritableSignal<string | null>,
  ): void {
    const text = messageOf(error);
    if (control !== null && fieldOf(error) !== null) {
      control.setErrors({ server: text });
      control.markAsTouched();
    } else {
      message.set(text);
    }
  }
}
