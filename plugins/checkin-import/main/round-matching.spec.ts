// Rounds matched as their sheets arrive from the parse worker: each by its sheet, in any order, waiting
// for the viewers; a failed read of the viewers fails the whole matching, never silently.
import { viewerRecord as viewer } from '../../../tests/fixtures/checkin/viewer-records.js';
import { parseMemberLabel } from './member-label.js';
import type { ParsedMember } from './round-sheet-parser.js';
import { RoundMatching } from './round-matching.js';
import { ViewerMatcher } from './viewer-matcher.js';

const rows = (...labels: string[]): ParsedMember[] =>
  labels.map((raw, index) => ({ ...parseMemberLabel(raw), row: index + 4, department: '' }));

describe('round matching as sheets arrive', () => {
  it('matches each round by its sheet once the viewers are read', async () => {
    let viewersRead!: (matcher: ViewerMatcher) => void;
    const matching = new RoundMatching(new Promise((resolve) => (viewersRead = resolve)));
    matching.add(3, rows('黍离。@微信', '晴天@微信', '无此人'));
    matching.add(2, rows('晴天@微信'));
    matching.add(5, []);
    viewersRead(
      new ViewerMatcher([viewer('wmShuli', '黍离。'), viewer('wmA', '晴天'), viewer('wmB', '晴天')]),
    );
    const matched = await matching.done();
    expect([...matched.keys()]).toEqual([3, 2, 5]);
    expect(
      matched.get(3)?.map((member) => [member.row, member.state, member.viewer?.viewerId ?? null]),
    ).toEqual([
      [4, 'matched', 'wmShuli'],
      [5, 'ambiguous', null],
      [6, 'unmatched', null],
    ]);
    expect(matched.get(2)?.map((member) => member.state)).toEqual(['ambiguous']);
    expect(matched.get(5)).toEqual([]);
  });

  it('fails with the viewers’ read, whether rounds came or not', async () => {
    const failed = new RoundMatching(Promise.reject(new Error('database is locked')));
    failed.add(1, rows('黍离。@微信'));
    await expectAsync(failed.done()).toBeRejectedWithError('database is locked');
    const none = new RoundMatching(Promise.reject(new Error('database is locked')));
    await expectAsync(none.done()).toBeRejectedWithError('database is locked');
  });
});
