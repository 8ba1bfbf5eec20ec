import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { FileTransfer } from '../../../sdk/ui/file-transfer.js';
import type { UploadedFile } from '../../../sdk/ui/file-routes.js';
import { JobProgressComponent } from '../../../sdk/ui/job-progress.js';
import { CARD_PAGE_IMPORTS } from '../../../sdk/ui/page-imports.js';
import type { CheckinImportResult, CheckinLiveOption } from '../shared/checkin-api.js';
import { CheckinImportApi } from './checkin-import-api.js';
import { CheckinPreview } from './checkin-preview.js';
import { LivePicker } from '../../../sdk/ui/live-picker.js';
import { WorkbookLayoutHelp } from './workbook-layout-help.js';

/** A refused workbook: the job's message and every problem with its sheet and row. */
interface Refusal {
  message: string;
  issues: string[];
}

/**
 * 签到导入 (R6): choose a live (from `?livingid=` or the picker), upload the check-in workbook, see the
 * preview (rounds, matched / ambiguous / unmatched members), then 确认导入 and the result.
 */
@Component({
  selector: 'wci-checkin-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CARD_PAGE_IMPORTS,
    RouterLink,
    JobProgressComponent,
    CheckinPreview,
    LivePicker,
    WorkbookLayoutHelp,
  ],
  templateUrl: './checkin-import-page.component.html',
  styleUrl: './checkin-import-page.scss',
})
export class CheckinImportPage implements OnInit {
  private readonly api = inject(CheckinImportApi);
  private readonly files = inject(FileTransfer);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dateTime = inject(DateTimeText);

  protected readonly live = signal<CheckinLiveOption | null>(null);
  protected readonly liveLoading = signal(false);
  protected readonly liveError = signal<string | null>(null);
  protected readonly file = signal<UploadedFile | null>(null);
  /** 0…1 while the workbook is sent; null otherwise. */
  protected readonly uploadProgress = signal<number | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly previewJob = signal<string | null>(null);
  protected readonly preview = signal<CheckinImportResult | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);
  protected readonly importJob = signal<string | null>(null);
  protected readonly imported = signal<CheckinImportResult | null>(null);
  protected readonly starting = signal(false);

  ngOnInit(): void {
    // Only an optimisation: a page that could not ask reads the workbook all the same, just slower.
    this.api.prepare().catch(() => undefined);
    const livingid = this.route.snapshot.queryParamMap.get('livingid');
    if (livingid !== null && livingid.trim() !== '') void this.loadLive(livingid.trim());
  }

  protected startText(live: CheckinLiveOption): string {
    return live.start === null ? '开始时间未知' : this.dateTime.format(live.start * 1000);
  }

  protected choose(live: CheckinLiveOption): void {
    this.live.set(live);
    this.liveError.set(null);
    this.resetFile();
    void this.router.navigate([], { queryParams: { livingid: live.livingid }, replaceUrl: true });
  }

  protected changeLive(): void {
    this.live.set(null);
    this.resetFile();
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected async pickFile(): Promise<void> {
    const live = this.live();
    if (live === null) return;
    this.resetFile();
    try {
      const uploaded = await this.files.pickAndUpload(['xlsx'], {
        title: '选择签到表',
        filterName: 'Excel 工作簿',
        onProgress: (fraction) => this.uploadProgress.set(fraction),
      });
      if (uploaded === null) return;
      this.file.set(uploaded);
      this.previewJob.set((await this.api.preview(live.livingid, uploaded.fileId)).jobId);
    } catch (error) {
      this.actionError.set(describeAnyError(error));
    } finally {
      this.uploadProgress.set(null);
    }
  }

  protected previewFinished(job: JobSnapshot): void {
    if (job.state === 'done') this.preview.set(job.result as CheckinImportResult);
    else if (job.state === 'failed') this.refusal.set(refusalOf(job));
  }

  protected async confirmImport(): Promise<void> {
    const live = this.live();
    const file = this.file();
    if (live === null || file === null) return;
    this.starting.set(true);
    this.actionError.set(null);
    try {
      this.importJob.set((await this.api.import(live.livingid, file.fileId)).jobId);
    } catch (error) {
      this.actionError.set(describeAnyError(error));
    } finally {
      this.starting.set(false);
    }
  }

  protected importFinished(job: JobSnapshot): void {
    if (job.state === 'done') this.imported.set(job.result as CheckinImportResult);
    else if (job.state === 'failed') this.refusal.set(refusalOf(job));
  }

  protected again(): void {
    this.resetFile();
  }

  private async loadLive(livingid: string): Promise<void> {
    this.liveLoading.set(true);
    try {
      this.live.set(await this.api.live(livingid));
    } catch (error) {
      this.liveError.set(describeAnyError(error));
    } finally {
      this.liveLoading.set(false);
    }
  }

  private resetFile(): void {
    this.file.set(null);
    this.previewJob.set(null);
    this.preview.set(null);
    this.refusal.set(null);
    this.importJob.set(null);
    this.imported.set(null);
    this.actionError.set(null);
  }
}

function refusalOf(job: JobSnapshot): Refusal {
  const issues = job.error?.details?.['issues'];
  const texts = Array.isArray(issues)
    ? issues.map((found) => String((found as { text?: unknown }).text ?? '')).filter((text) => text !== '')
    : [];
  return { message: job.error?.message ?? '任务失败', issues: texts };
}
