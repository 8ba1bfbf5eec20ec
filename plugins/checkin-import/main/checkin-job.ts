// The preview and import jobs (R6.2, R6.3): parse every sheet (progress per sheet), match members to the
// live's viewers, and keep a preview's member rows for `checkin-import.rows` or, for an import, replace
// the live's check-ins in one transaction. The result is a summary without member rows. A workbook with any
// problem fails the job with IMPORT_INVALID listing every problem; nothing is written.
import type { ViewerRecord } from '../../../sdk/contracts/lives.js';
import type { JobHandler, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { CheckinImportResult } from '../shared/checkin-api.js';
import { previewRounds, storeRounds, summarise } from './import-plan.js';
import { storeMemberRows } from './preview-rows.js';
import { ViewerMatcher } from './viewer-matcher.js';
import { invalidWorkbook } from './workbook-issues.js';
import { unpackMembers, type WorkbookOutline } from './parsed-transfer.js';
import { RoundMatching } from './round-matching.js';
import { PARSE_WORKER, type ParseTaskInput, type SheetDone } from './workbook-worker.js';

export const PREVIEW_JOB = 'preview';
export const IMPORT_JOB = 'import';

/** What the channel resolved before starting the job: the caller's corp, live and upload. */
export interface CheckinJobInput {
  corpId: string;
  livingid: string;
  fileId: string;
  filePath: string;
  fileName: string;
}

const VIEWER_PAGE = 500;

export function checkinJob(
  ctx: PluginContext,
  write: boolean,
): JobHandler<CheckinJobInput, CheckinImportResult> {
  return async (job) => {
    const { corpId, livingid, filePath, fileName } = job.input;
    // Sheets, then matching, then (import) writing.
    const extra = write ? 2 : 1;
    job.progress(0, 1 + extra, '正在读取签到表…');
    // The viewers are read while the worker starts, and each round is matched as its sheet arrives.
    const matching = new RoundMatching(
      allViewers(ctx, corpId, livingid).then((viewers) => new ViewerMatcher(viewers)),
    );
    // Parsed in a worker thread with a memory cap: the host keeps answering, and a file that would
    // exhaust memory fails this job only.
    const outline = await ctx.workers.run<ParseTaskInput, WorkbookOutline>(
      PARSE_WORKER,
      { path: filePath, fileName },
      {
        signal: job.signal,
        onProgress: (message) => {
          const { done, total, sheet, round } = message as SheetDone;
          if (round !== undefined) matching.add(round.sheetIndex, unpackMembers(round.members));
          job.progress(done, total + extra, `已读取工作表「${sheet}」`);
        },
      },
    );
    if (outline.issues.length > 0) throw invalidWorkbook(outline.issues);
    const sheets = outline.rounds.length;
    job.progress(sheets, sheets + extra, '正在匹配观众…');
    const matched = await matching.done();
    const live = await ctx.liveStore.get(corpId, livingid);
    const rounds = previewRounds(outline.rounds, matched, ctx.timeZone, live);
    const result = summarise({ livingid, fileName, imported: write }, outline, rounds);
    // The preview's rows for the page, page by page. An import's rows are the live's check-in records
    // (the detail page lists them); writing them twice would double the import's time.
    if (!write) await storeMemberRows(ctx.db, job.jobId, rounds, Date.now());
    if (write) {
      job.progress(sheets + 1, sheets + extra, '正在写入签到记录…');
      await ctx.liveStore.replaceCheckins(corpId, livingid, storeRounds(rounds), fileName);
      await ctx.audit.record(job.owner, {
        action: 'import',
        target: `${fileName} → ${livingid}`,
        detail: {
          livingid,
          rounds: rounds.length,
          matched: result.matched,
          ambiguous: result.ambiguous,
          unmatched: result.unmatched,
        },
      });
      job.log.info(
        {
          livingid,
          rounds: rounds.length,
          matched: result.matched,
          ambiguous: result.ambiguous,
          unmatched: result.unmatched,
        },
        'check-ins imported',
      );
    }
    // A preview is usually followed by the import of the same file: its parse worker gets ready now.
    if (!write) ctx.workers.prepare(PARSE_WORKER);
    job.progress(sheets + extra, sheets + extra, write ? '导入完成' : '预览完成');
    return result;
  };
}

async function allViewers(ctx: PluginContext, corpId: string, livingid: string): Promise<ViewerRecord[]> {
  const viewers: ViewerRecord[] = [];
  for (let page = 1; ; page += 1) {
    const found = await ctx.liveStore.viewers(corpId, livingid, { page, pageSize: VIEWER_PAGE });
    viewers.push(...found.rows);
    if (found.rows.length < VIEWER_PAGE || viewers.length >= found.total) return viewers;
  }
}
