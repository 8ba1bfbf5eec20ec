// From a parsed workbook and the live's viewers to the preview the page shows and the rows the store
// keeps: the same plan for the preview and the import, so what was previewed is what is written.
import type { CheckinRoundInput } from '../../../sdk/contracts/lives.js';
import type { CheckinImportResult, RoundPreview } from '../shared/checkin-api.js';
import { unixSecondsIn } from './checkin-time.js';
import type { ParsedRound } from './round-sheet-parser.js';
import type { ViewerMatcher } from './viewer-matcher.js';

export function previewRounds(
  rounds: readonly ParsedRound[],
  matcher: ViewerMatcher,
  timeZone: string,
): RoundPreview[] {
  return rounds.map((round) => ({
    roundNo: round.roundNo,
    sheet: round.sheet,
    startedAt: unixSecondsIn(round.startedAt, timeZone),
    startedText: round.startedText,
    statedCount: round.statedCount,
    rowsFound: round.members.length,
    members: round.members.map((member) => matcher.match(member)),
  }));
}

export function summarise(
  base: Pick<CheckinImportResult, 'livingid' | 'fileName' | 'imported'>,
  rounds: RoundPreview[],
): CheckinImportResult {
  const members = rounds.flatMap((round) => round.members);
  const count = (state: string): number => members.filter((member) => member.state === state).length;
  return {
    ...base,
    rounds,
    matched: count('matched'),
    ambiguous: count('ambiguous'),
    unmatched: count('unmatched'),
  };
}

export function storeRounds(rounds: readonly RoundPreview[]): CheckinRoundInput[] {
  return rounds.map((round) => ({
    roundNo: round.roundNo,
    title: round.sheet,
    startedAt: round.startedAt,
    reportedCount: round.statedCount,
    records: round.members.map((member) => ({
      rowNo: member.row,
      memberLabel: member.raw.trim(),
      department: member.department,
      matchState: member.state,
      viewerKind: member.viewer?.kind ?? null,
      viewerId: member.viewer?.viewerId ?? null,
    })),
  }));
}
