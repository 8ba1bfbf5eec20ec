import type { LiveCheckinTotals } from '../../../sdk/contracts/lives.js';

/** A round's figures: its records, those matched to a viewer, and the distinct viewers they name. */
export interface RoundFigures {
  records: number;
  matched: number;
  viewers: number;
}

interface Entry {
  stamp: string;
  totals?: LiveCheckinTotals;
  rounds?: ReadonlyMap<number, RoundFigures>;
  checkedIn?: number;
}

// Lives whose figures are kept: a few pages of the list and the details opened lately.
const MAX_ENTRIES = 2_000;

/**
 * Check-in figures per live, computed once per import instead of on every list page and detail call
 * (a 10 × 5,000-row workbook is 50,000 records to count). A live's entry is valid for one set of rounds:
 * its stamp is the rounds' count and largest id, and every import replaces the rounds with new ids
 * (AUTOINCREMENT never reuses one), so an import elsewhere can never leave a stale figure here. A write
 * that changes records without replacing the rounds must call `forget`.
 */
export class CheckinFigures {
  private readonly entries = new Map<number, Entry>();

  /** The stamp of a live's rounds as read from live_checkin_rounds. */
  static stamp(roundIds: readonly number[]): string {
    return `${roundIds.length}:${Math.max(0, ...roundIds)}`;
  }

  totals(liveId: number, stamp: string): LiveCheckinTotals | undefined {
    return this.valid(liveId, stamp)?.totals;
  }

  rounds(
    liveId: number,
    stamp: string,
  ): { rounds: ReadonlyMap<number, RoundFigures>; checkedIn: number } | undefined {
    const entry = this.valid(liveId, stamp);
    return entry?.rounds === undefined || entry.checkedIn === undefined
      ? undefined
      : { rounds: entry.rounds, checkedIn: entry.checkedIn };
  }

  keepTotals(liveId: number, stamp: string, totals: LiveCheckinTotals): void {
    this.entry(liveId, stamp).totals = totals;
  }

  keepRounds(
    liveId: number,
    stamp: string,
    rounds: ReadonlyMap<number, RoundFigures>,
    checkedIn: number,
  ): void {
    const entry = this.entry(liveId, stamp);
    entry.rounds = rounds;
    entry.checkedIn = checkedIn;
  }

  forget(liveId: number): void {
    this.entries.delete(liveId);
  }

  private valid(liveId: number, stamp: string): Entry | undefined {
    const entry = this.entries.get(liveId);
    return entry?.stamp === stamp ? entry : undefined;
  }

  private entry(liveId: number, stamp: string): Entry {
    const current = this.valid(liveId, stamp);
    if (current !== undefined) return current;
    const fresh: Entry = { stamp };
    this.entries.delete(liveId);
    this.entries.set(liveId, fresh);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return fresh;
  }
}
