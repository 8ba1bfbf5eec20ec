import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { DELETE_REPLAY } from '../shared/channels.js';
import { LiveCodeCard } from './live-code-card.js';
import { ReplayDeleteDialog, type ReplayDeleteData } from './replay-delete-dialog.js';
import { ShareInfoCard } from './share-info-card.js';

const REPLAY_LABELS: Record<number, string> = { 0: '已生成', 1: '生成中', 2: '已删除', 3: '生成失败' };

/**
 * The detail page's WeCom tools (R10.1): the replay (state; WeCom admins delete it after a confirmation
 * naming the live), the WeChat viewing code, and for a promotion live the share-code lookup.
 */
@Component({
  selector: 'wl-live-surface-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, LiveCodeCard, ShareInfoCard],
  templateUrl: './live-surface-panel.html',
  styleUrl: './live-surface-panel.scss',
})
export class LiveSurfacePanel {
  private readonly rpc = inject(RpcClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(AppSession);
  private readonly time = inject(DateTimeText);
  readonly live = input.required<LiveRecord>();
  readonly inviterSupported = input(false);
  /** The replay was deleted: the page pulls the live again. */
  readonly changed = output<void>();
  protected readonly deleting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly isAdmin = computed(() => this.session.tier() === 'wecom-admin');
  protected readonly hasReplay = computed(() => {
    const live = this.live();
    return live.status === 2 && live.openReplay !== 0 && live.replayStatus !== 2;
  });
  protected readonly canDelete = computed(() => this.isAdmin() && this.hasReplay());
  protected readonly replayText = computed(() => {
    const live = this.live();
    if (live.status === 3 || live.status === 4) return '这场直播没有开播，没有回放。';
    if (live.status !== 2) return '直播结束后，企业微信才会生成回放。';
    if (live.openReplay === 0) return '这场直播没有开启回放。';
    const label =
      live.replayStatus === null
        ? '未知（刷新后显示）'
        : (REPLAY_LABELS[live.replayStatus] ?? `状态 ${live.replayStatus}`);
    return `回放状态：${label}`;
  });

  protected async deleteReplay(): Promise<void> {
    const live = this.live();
    const start = live.actualStart ?? live.reserveStart;
    const data: ReplayDeleteData = {
      theme: live.theme || '（无主题）',
      livingid: live.livingid,
      when: this.time.format(start === null ? null : start * 1000),
    };
    const ref = this.dialog.open<ReplayDeleteDialog, ReplayDeleteData, boolean>(ReplayDeleteDialog, {
      data,
      width: '480px',
      maxWidth: '92vw',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    this.deleting.set(true);
    this.error.set(null);
    try {
      const answer = await this.rpc.call(DELETE_REPLAY, { livingid: live.livingid });
      this.snackBar.open(`已删除「${answer.theme}」的回放`, '关闭', { duration: 5000 });
      this.changed.emit();
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.deleting.set(false);
    }
  }
}
