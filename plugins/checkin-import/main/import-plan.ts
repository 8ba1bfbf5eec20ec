// From a parsed workbook and the live's viewers to the preview the page shows and the rows the store
// keeps: the same plan for the preview and the import, so what was previewed is what is written. Every
// row is stored, matched or not (docs/user-manual.md, 签到导入: rows that fit nobody or several viewers
// are kept, counted and shown on the detail page and in its export).
import type { CheckinRoundInput, LiveRecord } from '../../../sdk/contracts/lives.js';
import { wallClockOf } from '../../../sdk/contracts/zoned-time.js';
import type { CheckinImportResult, MemberPreview, RoundPreview } from '../shared/checkin-api.js';
import { formatWallClock, unixSecondsIn } from './checkin-time.js';
import type { ParsedRound } from './round-sheet-parser.js';
import type { ViewerMatcher } from './viewer-matcher.js';
import type { ParsedWorkbook } from './workbook-parser.js';
import { nextTurn } from '../../../sdk/main/event-loop.js';

/** A round as the job holds it: its summary and its member rows (stored apart, never in the result). */
export type RoundPlan = Omit<RoundPreview, 'matched' | 'ambiguous' | 'unmatched'> & {
  members: MemberPreview[];
};

/** How far before the start and after the end of a live a check-in round may plausibly be. */
const BEFORE_START_S = 60 * 60;
const AFTER_END_S = 6 * 60 * 60;

export async function previewRounds(
  rounds: ReadonlyArray<ParsedRound & { roundNo: number }>,
  matcher: ViewerMatcher,
  timeZone: string,
  live: LiveRecord | undefined,
): Promise<RoundPlan[]> {
  const window = live === undefined ? null : liveWindow(live);
  const plans: RoundPlan[] = [];
  // A round at a time, the event loop turning in between: matching 10 × 5,000 rows takes ~80 ms.
  for (const round of rounds) {
    plans.push(planOf(round));
    await nextTurn();
  }
  return plans;

  function planOf(round: ParsedRound & { roundNo: number }): RoundPlan {
    const startedAt = unixSecondsIn(round.startedAt, timeZone);
    const warnings: string[] = [];
    if (round.statedCount !== round.members.length) {
      warnings.push(
        `「已签到人数」为 ${round.statedCount}，明细中有 ${round.members.length} 行` +
          '（导出时可能仍有人在签到）：两个数字都会保存，按明细逐行导入',
      );
    }
    if (window !== null && (startedAt < window.from || startedAt > window.to)) {
      warnings.push(
        `签到发起时间 ${round.startedText} 不在这场直播的时间（${at(window.start, timeZone)} 至 ` +
          `${at(window.end, timeZone)}）前后：请确认签到表与所选直播是否对应`,
      );
    }
    return {
      roundNo: round.roundNo,
      sheetIndex: round.sheetIndex,
      sheet: round.sheet,
      startedAt,
      startedText: round.startedText,
      statedCount: round.statedCount,
      rowsFound: round.members.length,
      repeatedNames: round.repeatedNames,
      warnings,
      members: round.members.map((member) => matcher.match(member)),
    };
  }
}

export function summarise(
  base: Pick<CheckinImportResult, 'livingid' | 'fileName' | 'imported'>,
  workbook: Pick<ParsedWorkbook, 'skippedSheets' | 'notices'>,
  rounds: readonly RoundPlan[],
): CheckinImportResult {
  const counts = { matched: 0, ambiguous: 0, unmatched: 0 };
  const summaries = rounds.map(({ members, ...round }): RoundPreview => {
    const inRound = { matched: 0, ambiguous: 0, unmatched: 0 };
    for (const member of members) inRound[member.state] += 1;
    counts.matched += inRound.matched;
    counts.ambiguous += inRound.ambiguous;
    counts.unmatched += inRound.unmatched;
    return { ...round, ...inRound };
  });
  return {
    ...base,
    rounds: summaries,
    skippedSheets: workbook.skippedSheets,
    notices: workbook.notices,
    ...counts,
  };
}

export function storeRounds(rounds: readonly RoundPlan[]): CheckinRoundInput[] {
  return rounds.map((round) => ({
    roundNo: round.roundNo,
    title: round.sheet,
    startedAt: round.startedAt,
    reportedCount: round.statedCount,
    records: round.members.map((member) => ({
      rowNo: member.row,
      // As written: inner spaces (also U+00A0) are part of what the person typed.
      memberLabel: member.raw,
      department: member.department,
      matchState: member.state,
      viewerKind: member.viewer?.kind ?? null,
      viewerId: member.viewer?.viewerId ?? null,
    })),
  }));
}

/** The live's span (actual once started, else reserved) and the margin around it, Unix seconds. */
function liveWindow(live: LiveRecord): { start: number; end: number; from: number; to: number } | null {
  const start = live.actualStart ?? live.reserveStart;
  if (start === null) return null;
  const duration = live.actualDuration ?? live.reserveDuration ?? 0;
  const end = start + duration;
  return { start, end, from: start - BEFORE_START_S, to: end + AFTER_END_S };
}

function at(seconds: number, timeZone: string): string {
  return formatWallClock(wallClockOf(seconds * 1000, timeZone));
}
