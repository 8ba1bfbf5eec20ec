// From a parsed workbook and the live's viewers to the preview the page shows and the rows the store
// keeps: the same plan for the preview and the import, so what was previewed is what is written. Every
// row is stored, matched or not (docs/user-manual.md, 签到导入: rows that fit nobody or several viewers
// are kept, counted and shown on the detail page and in its export).
import type { CheckinRoundInput, LiveRecord } from '../../../sdk/contracts/lives.js';
import { wallClockOf } from '../../../sdk/contracts/zoned-time.js';
import type { CheckinImportResult, MemberPreview, RoundPreview } from '../shared/checkin-api.js';
import { formatWallClock, unixSecondsIn } from './checkin-time.js';
import { rowsOf, type OutlinedRound } from './parsed-transfer.js';
import type { ParsedWorkbook } from './workbook-parser.js';

/** A round as the job holds it: its summary and its member rows (stored apart, never in the result). */
export type RoundPlan = Omit<RoundPreview, 'matched' | 'ambiguous' | 'unmatched'> & {
  members: MemberPreview[];
};

/** How far before the start and after the end of a live a check-in round may plausibly be. */
const BEFORE_START_S = 60 * 60;
const AFTER_END_S = 6 * 60 * 60;

/** The rounds' plans from their outline and their rows as matched (round-matching.ts), by sheet. */
export function previewRounds(
  rounds: readonly OutlinedRound[],
  matchedBySheet: ReadonlyMap<number, MemberPreview[]>,
  timeZone: string,
  live: LiveRecord | undefined,
): RoundPlan[] {
  const window = live === undefined ? null : liveWindow(live);
  return rounds.map(planOf);

  function planOf(round: OutlinedRound): RoundPlan {
    const members = rowsOf(matchedBySheet, round);
    const startedAt = unixSecondsIn(round.startedAt, timeZone);
    const warnings: string[] = [];
    if (round.statedCount !== members.length) {
      warnings.push(
        `「已签到人数」为 ${round.statedCount}，明细中有 ${members.length} 行` +
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
      rowsFound: members.length,
      repeatedNames: round.repeatedNames,
      warnings,
      members,
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
