import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError, errorSnack } from '../../../sdk/ui/error-snack.js';
import { JobProgressComponent } from '../../../sdk/ui/job-progress.js';
import {
  RECIPIENT_STATE_LABELS,
  type InvitationRecipient,
  type InvitationSummary,
  type RecipientState,
} from '../shared/invite-api.js';
import { InviteApi } from './invite-api.js';
import { InviteDialog, type InviteDialogData, type InviteDialogResult } from './invite-dialog.js';

const SHOWN_FIRST = 3;

/** Recipient states shown under an invitation: those that did not get it. */
const PROBLEM_STATES: RecipientState[] = ['failed', 'unknown', 'invalid', 'pending'];

/** The snack after a send, in the sender's terms. */
export function inviteOutcome(counts: InvitationSummary['counts'] | undefined): string {
  if (counts === undefined) return '邀请已提交';
  const missed = counts.total - counts.sent;
  if (counts.sent === 0 && missed > 0) return `邀请没有送达：${missed} 人未收到，见下方原因`;
  return `邀请已发送给 ${counts.sent} 人${missed > 0 ? `，${missed} 人未收到，见下方原因` : ''}`;
}

/** Reserved or running lives take invitations; the others only show past ones. */
export function canInvite(live: Pick<LiveRecord, 'status'>): boolean {
  return live.status === 0 || live.status === 1 || live.status === null;
}

/**
 * 消息邀请 on the detail page (R10.3): the 邀请观看 action, past invitations with their results, and
 * 重试失败的. `?invite=1` (the creation confirmation's link) opens the dialog once.
 */
@Component({
  selector: 'wl-invitations-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JobProgressComponent, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './invitations-panel.component.html',
  styleUrl: './invitations-panel.scss',
  // A closed live without invitations has nothing to show here: the panel takes no room.
  host: { '[class.hidden]': '!invitable() && invitations().length === 0 && !loading()' },
})
export class InvitationsPanel {
  readonly live = input.required<LiveRecord>();
  /** An invitation or a retry finished: the viewer list's 消息邀请 column may change. */
  readonly sent = output<void>();

  private readonly api = inject(InviteApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly time = inject(DateTimeText);
  protected readonly labels = RECIPIENT_STATE_LABELS;

  protected readonly invitations = signal<InvitationSummary[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly open = signal<string | null>(null);
  protected readonly problems = signal<InvitationRecipient[]>([]);
  protected readonly problemsTotal = signal(0);
  protected readonly retryJob = signal<{ invitationId: string; jobId: string } | null>(null);
  protected readonly invitable = computed(() => canInvite(this.live()));
  /** The latest few by default: a live invited many times keeps its viewer list near the top. */
  protected readonly showAll = signal(false);
  protected readonly shown = computed(() =>
    this.showAll() ? this.invitations() : this.invitations().slice(0, SHOWN_FIRST),
  );
  private loadedFor: string | null = null;

  private readonly reload = effect(() => {
    const livingid = this.live().livingid;
    untracked(() => {
      if (livingid === this.loadedFor) return;
      this.loadedFor = livingid;
      void this.load();
      if (this.route.snapshot?.queryParamMap?.get('invite') === '1') {
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams: { invite: null },
          replaceUrl: true,
        });
        if (this.invitable()) void this.invite();
      }
    });
  });

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.invitations.set(await this.api.list(this.live().livingid));
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async invite(): Promise<void> {
    const ref = this.dialog.open<InviteDialog, InviteDialogData, InviteDialogResult>(InviteDialog, {
      data: { live: this.live() },
      width: '920px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const result = await firstValueFrom(ref.afterClosed());
    if (result === undefined) return;
    const counts = result.result?.counts;
    this.snackBar.open(inviteOutcome(counts), '关闭', { duration: 5000 });
    await this.load();
    this.sent.emit();
    if (counts !== undefined && counts.total > counts.sent) await this.toggle(result.invitationId, true);
  }

  protected retryable(invitation: InvitationSummary): number {
    return invitation.counts.failed + invitation.counts.unknown + invitation.counts.pending;
  }

  protected async retry(invitation: InvitationSummary): Promise<void> {
    try {
      const started = await this.api.retry(invitation.id);
      if (started.jobId !== null) this.retryJob.set({ invitationId: invitation.id, jobId: started.jobId });
    } catch (error) {
      errorSnack(error, this.snackBar);
    }
  }

  protected async retryFinished(job: JobSnapshot): Promise<void> {
    const invitationId = this.retryJob()?.invitationId ?? null;
    this.retryJob.set(null);
    if (job.state === 'failed') this.snackBar.open(`重试失败：${job.error?.message ?? '请稍后再试'}`, '关闭');
    await this.load();
    this.sent.emit();
    if (invitationId !== null && this.open() === invitationId) await this.toggle(invitationId, true);
  }

  protected async toggle(invitationId: string, keepOpen = false): Promise<void> {
    if (this.open() === invitationId && !keepOpen) {
      this.open.set(null);
      return;
    }
    this.open.set(invitationId);
    try {
      const page = await this.api.recipients(invitationId, PROBLEM_STATES, 1, 100);
      this.problems.set(page.rows);
      this.problemsTotal.set(page.total);
    } catch (error) {
      errorSnack(error, this.snackBar);
    }
  }

  protected departmentsText(invitation: InvitationSummary): string {
    if (invitation.departmentIds.length === 0) return '';
    const invalid = invitation.invalidDepartments.length;
    return `部门 ${invitation.departmentIds.length} 个${invalid > 0 ? `（${invalid} 个被企业微信退回）` : ''}`;
  }
}
