import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  InjectionToken,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { merge, type Subscription } from 'rxjs';
import { filter } from 'rxjs/operators';
import type { JobSnapshot, JobState } from '../contracts/jobs.js';
import { TERMINAL_JOB_STATES } from '../contracts/jobs.js';
import { describeError } from './error-text.js';
import { describeAnyError } from './error-snack.js';
import { RpcClient } from './rpc-client.js';
import { JOBS_CANCEL, JOBS_GET } from '../contracts/jobs-channels.js';

/** Events can be missed (a reconnecting stream), so the job is also read every few seconds. */
export const JOB_POLL_MS = new InjectionToken<number>('JOB_POLL_MS', {
  providedIn: 'root',
  factory: () => 2000,
});

const STATE_LABELS: Record<JobState, string> = {
  queued: '排队中',
  running: '进行中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/**
 * A job's progress (docs/architecture.md "Jobs and events"): bar with done/total, the job's message, a cancel button while it
 * runs, and a clear final state. Follows `job.*` events and polls `jobs.get`; emits `finished` once.
 */
@Component({
  selector: 'wl-job-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, MatButtonModule, MatIconModule],
  templateUrl: './job-progress.html',
  styleUrl: './job-progress.scss',
})
export class JobProgressComponent {
  readonly jobId = input.required<string>();
  /** What the job does, e.g. 「同步直播列表」; the state's own word is shown when empty. */
  readonly label = input('');
  /** The page shows a failure's reason itself (a refusal panel): the error line here would repeat it. */
  readonly errorShownByPage = input(false);
  /** The final snapshot (done, failed or cancelled), once. */
  readonly finished = output<JobSnapshot>();

  private readonly rpc = inject(RpcClient);
  private readonly pollMs = inject(JOB_POLL_MS);
  protected readonly job = signal<JobSnapshot | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly cancelling = signal(false);
  protected readonly finishedState = computed(() => {
    const state = this.job()?.state;
    return state !== undefined && TERMINAL_JOB_STATES.includes(state);
  });
  protected readonly percent = computed(() => {
    const j = this.job();
    return j === null || j.total <= 0 ? 0 : Math.min(100, (j.done / j.total) * 100);
  });
  protected readonly detail = computed(() => {
    const j = this.job();
    if (j === null) return '';
    if (j.state === 'failed' && j.error !== undefined) {
      if (this.errorShownByPage()) return '';
      // The job's error has the envelope's shape with a looser code type.
      return describeError(j.error as Parameters<typeof describeError>[0]);
    }
    return j.message;
  });

  private events: Subscription | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private emitted = false;

  constructor() {
    effect(() => {
      const jobId = this.jobId();
      untracked(() => this.follow(jobId));
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  protected stateLabel(state: JobState): string {
    return STATE_LABELS[state];
  }

  protected reload(): void {
    this.follow(this.jobId());
  }

  protected async cancel(): Promise<void> {
    this.cancelling.set(true);
    try {
      this.apply(await this.rpc.call(JOBS_CANCEL, { jobId: this.jobId() }));
    } catch (error) {
      const j = this.job();
      if (j !== null) this.job.set({ ...j, message: `取消失败：${describeAnyError(error)}` });
    } finally {
      this.cancelling.set(false);
    }
  }

  private follow(jobId: string): void {
    this.stop();
    this.job.set(null);
    this.loadError.set(null);
    this.emitted = false;
    this.events = merge(
      this.rpc.on<JobSnapshot>('job.progress'),
      this.rpc.on<JobSnapshot>('job.done'),
      this.rpc.on<JobSnapshot>('job.failed'),
    )
      .pipe(filter((snapshot) => snapshot.jobId === jobId))
      .subscribe((snapshot) => this.apply(snapshot));
    void this.poll(jobId);
  }

  private async poll(jobId: string): Promise<void> {
    await this.read(jobId);
    if (jobId !== this.jobId() || this.finishedState() || this.loadError() !== null) return;
    this.timer = setTimeout(() => void this.poll(jobId), this.pollMs);
  }

  private async read(jobId: string): Promise<void> {
    try {
      const snapshot = await this.rpc.call(JOBS_GET, { jobId });
      if (jobId === this.jobId()) this.apply(snapshot);
    } catch (error) {
      if (jobId === this.jobId() && this.job() === null) this.loadError.set(describeAnyError(error));
    }
  }

  private apply(snapshot: JobSnapshot): void {
    // A late poll answer must not undo a final state that an event already brought.
    if (this.finishedState()) return;
    this.job.set(snapshot);
    if (TERMINAL_JOB_STATES.includes(snapshot.state) && !this.emitted) {
      this.emitted = true;
      this.stop();
      this.finished.emit(snapshot);
    }
  }

  private stop(): void {
    this.events?.unsubscribe();
    this.events = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
