import { NgTemplateOutlet } from '@angular/common';
import { Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { Notifier } from '../shared/notifier.js';
import type { CleanupPreview, CleanupResult } from '../../../../sdk/contracts/config.js';
import { DATE_PICKER, zoneName } from '../../../../sdk/ui/chinese-dates.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';
import { CONFIG_CLEANUP, CONFIG_CLEANUP_PREVIEW } from '../../../../sdk/contracts/config-channels.js';

/** `yyyy-MM-dd` of a date picked in the calendar (its local day). */
export function dayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * 数据清理 (root-admin, R8.1): delete what is older than a date. The host counts first (every
 * contributor: the host's tables and files, plugins, the live store), the person confirms the list, then
 * one transaction deletes it.
 */
@Component({
  selector: 'wls-cleanup-page',
  imports: [
    SETTINGS_PAGE_IMPORTS,
    NgTemplateOutlet,
    ...DATE_PICKER,
    MatFormFieldModule,
    MatInputModule,
    MatTableModule,
    ReactiveFormsModule,
  ],
  templateUrl: './cleanup-page.component.html',
  styleUrls: ['../shared/page.scss', './cleanup-page.scss'],
})
export class CleanupPage {
  private readonly rpc = inject(RpcClient);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** The host refuses the last day; the calendar does not offer it. */
  protected readonly maxDate = new Date(Date.now() - 24 * 60 * 60_000);
  protected readonly date = new FormControl<Date | null>(null, { validators: [Validators.required] });
  protected readonly form = new FormGroup({ date: this.date });
  protected readonly columns = ['label', 'count'];
  protected readonly busy = signal<'preview' | 'cleanup' | null>(null);
  protected readonly preview = signal<CleanupPreview | null>(null);
  protected readonly result = signal<CleanupResult | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly nonEmpty = computed(() => this.preview()?.items.filter((item) => item.count > 0) ?? []);

  constructor() {
    // A new date makes the old preview meaningless.
    this.date.valueChanges.subscribe(() => {
      this.preview.set(null);
      this.error.set(null);
    });
  }

  protected async loadPreview(): Promise<void> {
    const date = this.date.value;
    if (date === null || this.date.invalid) {
      this.date.markAsTouched();
      return;
    }
    this.busy.set('preview');
    this.error.set(null);
    this.result.set(null);
    try {
      this.preview.set(await this.rpc.call(CONFIG_CLEANUP_PREVIEW, { before: dayOf(date) }));
    } catch (error) {
      this.showError(error, '无法统计可清理的数据。');
    } finally {
      this.busy.set(null);
    }
  }

  protected async cleanup(): Promise<void> {
    const preview = this.preview();
    if (preview === null || preview.total === 0) return;
    const lines = this.nonEmpty().map((item) => `· ${item.label}：${item.count}`);
    const confirmed = await confirmAction(this.dialog, {
      title: `删除 ${preview.before} 之前的数据？`,
      message: `将永久删除 ${preview.before} 00:00（${zoneName(preview.timeZone)}）之前的：\n${lines.join('\n')}\n共 ${preview.total} 项，删除后无法恢复。`,
      confirmText: '永久删除',
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set('cleanup');
    this.error.set(null);
    try {
      const result = await this.rpc.call(CONFIG_CLEANUP, { before: preview.before });
      this.result.set(result);
      this.preview.set(null);
      this.notifier.success(`已删除 ${result.total} 项旧数据。`);
    } catch (error) {
      this.showError(error, '清理失败，没有删除任何数据。');
    } finally {
      this.busy.set(null);
    }
  }

  private showError(error: unknown, fallback: string): void {
    const message = messageOf(error, fallback);
    if (fieldOf(error) === 'before') {
      this.date.setErrors({ server: message });
      this.date.markAsTouched();
    } else {
      this.error.set(message);
    }
  }
}
