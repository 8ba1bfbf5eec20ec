// Matching 已签到成员 to the live's viewers (R6.2): by name, exactly first, then normalised (trim,
// full/half width, case); the suffix narrows who may match (`@微信` is a WeChat user, `@<企业名>` a WeCom
// user of an enterprise). Several viewers with the name: ambiguous, left unmatched with the candidates.
// No viewer: unmatched. A match is never guessed.
import type { ViewerRecord } from '../../../sdk/contracts/lives.js';
import type { CandidateViewer, MemberPreview } from '../shared/checkin-api.js';
import { originFits } from '../../../sdk/contracts/checkin-labels.js';
import { normaliseName, type MemberLabel } from './member-label.js';

export interface MatchInput extends MemberLabel {
  row: number;
  department: string;
}

type MatchOutcome = Pick<MemberPreview, 'state' | 'viewer' | 'matchedBy' | 'candidates' | 'reason'>;

export class ViewerMatcher {
  private readonly exact = new Map<string, ViewerRecord[]>();
  private readonly loose = new Map<string, ViewerRecord[]>();
  /**
   * Outcomes by label (name, suffix, origin): a 10-round workbook repeats every name up to ten times.
   * Outcomes are shared between rows and never changed.
   */
  private readonly outcomes = new Map<string, MatchOutcome>();

  constructor(viewers: readonly ViewerRecord[]) {
    for (const viewer of viewers) {
      if (viewer.name.trim() === '') continue;
      push(this.exact, viewer.name, viewer);
      push(this.loose, normaliseName(viewer.name), viewer);
    }
  }

  match(member: MatchInput): MemberPreview {
    const key = `${member.origin}\u0000${member.suffix ?? ''}\u0000${member.name}`;
    let outcome = this.outcomes.get(key);
    if (outcome === undefined) {
      outcome = this.outcome(member);
      this.outcomes.set(key, outcome);
    }
    return {
      row: member.row,
      raw: member.raw,
      name: member.name,
      suffix: member.suffix,
      origin: member.origin,
      department: member.department,
      ...outcome,
    };
  }

  private outcome(member: MatchInput): MatchOutcome {
    const fits = (viewer: ViewerRecord): boolean => originFits(member.origin, viewer);
    const exact = (this.exact.get(member.name) ?? []).filter(fits);
    const loose = exact.length > 0 ? exact : (this.loose.get(normaliseName(member.name)) ?? []).filter(fits);
    const matchedBy = exact.length > 0 ? 'exact' : 'normalised';
    if (loose.length === 1) {
      const viewer = loose[0] as ViewerRecord;
      return {
        state: 'matched',
        viewer: candidate(viewer),
        matchedBy,
        candidates: [],
        reason: null,
      };
    }
    if (loose.length > 1) {
      return {
        state: 'ambiguous',
        viewer: null,
        matchedBy: null,
        candidates: loose.map(candidate),
        reason: `有 ${loose.length} 位观众同名「${member.name}」，无法确定是哪一位`,
      };
    }
    const sameName = this.loose.get(normaliseName(member.name)) ?? [];
    return {
      state: 'unmatched',
      viewer: null,
      matchedBy: null,
      candidates: [],
      reason:
        sameName.length > 0
          ? `同名观众的来源与「@${member.suffix ?? ''}」不符`
          : '这场直播的观众中没有这个名字',
    };
  }
}

function candidate(viewer: ViewerRecord): CandidateViewer {
  return { kind: viewer.kind, viewerId: viewer.viewerId, name: viewer.name };
}

function push(map: Map<string, ViewerRecord[]>, key: string, viewer: ViewerRecord): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [viewer]);
  else list.push(viewer);
}
