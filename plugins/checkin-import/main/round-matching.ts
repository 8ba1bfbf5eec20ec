// Matching each round's rows to the live's viewers as the parse worker sends them (checkin-job.ts): the
// main thread matches round n while the worker reads round n + 1, so once the last sheet is read only
// its own rows are left to match. Rounds are matched one at a time, the event loop turning in between.
import { nextTurn } from '../../../sdk/main/event-loop.js';
import type { MemberPreview } from '../shared/checkin-api.js';
import type { ParsedMember } from './round-sheet-parser.js';
import type { ViewerMatcher } from './viewer-matcher.js';

export class RoundMatching {
  private readonly matched = new Map<number, MemberPreview[]>();
  private queue: Promise<void> = Promise.resolve();

  /** `matcher` may still be loading the live's viewers: rounds wait for it. */
  constructor(private readonly matcher: Promise<ViewerMatcher>) {
    // Its failure is reported by done(); until then it must not count as unhandled.
    matcher.catch(() => undefined);
  }

  /** Queues the rows of the round on this sheet (tab position). */
  add(sheetIndex: number, members: readonly ParsedMember[]): void {
    this.queue = this.queue.then(async () => {
      const matcher = await this.matcher;
      this.matched.set(
        sheetIndex,
        members.map((member) => matcher.match(member)),
      );
      await nextTurn();
    });
    this.queue.catch(() => undefined);
  }

  /** Every queued round matched, by sheet; rejects with the first failure (the viewers' read, say). */
  async done(): Promise<ReadonlyMap<number, MemberPreview[]>> {
    await this.matcher;
    await this.queue;
    return this.matched;
  }
}
