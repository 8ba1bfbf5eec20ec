import { generateSimData, type GeneratorOptions } from './data-generator.js';
import { IdFactory } from './ids.js';
import { ensureViewers } from './live-status.js';
import { deriveSeed, Prng } from './prng.js';
import type { SimData, SimLive, SimMember } from './types.js';

export interface StoredMedia {
  media_id: string;
  type: string;
  filename: string;
  size: number;
  created_at: number;
}

export interface SentMessage {
  msgid: string;
  at: number;
  body: Record<string, unknown>;
  /** The members it reached, as the corp stores their userids (toparty expanded, duplicates once). */
  delivered: string[];
}

/**
 * Userids of people who left the corp: WeCom Live may still hold them (old viewers, a pasted list), but
 * WeCom knows them no more (user/get 60111, message/send invaliduser, absent from user/simplelist).
 */
export const DEPARTED_USERIDS: readonly string[] = ['LiuYang_left', 'sunhao_2019', 'HeJun.old'];

/** The corp's data as it evolves: seeded lives plus created ones, uploaded media, sent messages. */
export class SimState {
  data: SimData;
  media = new Map<string, StoredMedia>();
  messages: SentMessage[] = [];
  /** People who left the corp (see DEPARTED_USERIDS); `depart` adds to them. */
  departed: string[] = [...DEPARTED_USERIDS];
  /** message/send calls WeCom's duplicate check answered without delivering again. */
  duplicatesSuppressed = 0;
  private livesById = new Map<string, SimLive>();
  private membersByLowerId = new Map<string, SimMember>();

  constructor(options: GeneratorOptions) {
    this.data = generateSimData(options);
    this.index();
  }

  /** Back to the seeded state. */
  reset(options: GeneratorOptions): void {
    this.data = generateSimData(options);
    this.media = new Map();
    this.messages = [];
    this.duplicatesSuppressed = 0;
    this.departed = [...DEPARTED_USERIDS];
    this.index();
  }

  /** WeCom compares userids case-insensitively. */
  member(userid: string): SimMember | undefined {
    return this.membersByLowerId.get(userid.toLowerCase());
  }

  /** The member only under the spelling the simulator issued (`WangDeSheng`, not `wangdesheng`). */
  memberSpeltExactly(userid: string): SimMember | undefined {
    const member = this.member(userid);
    return member?.userid === userid ? member : undefined;
  }

  /** A member leaves the corp: gone from the directory, user/get and message/send. */
  depart(userid: string): boolean {
    const member = this.member(userid);
    if (member === undefined) return false;
    this.data.members = this.data.members.filter((m) => m !== member);
    this.departed.push(member.userid);
    this.index();
    return true;
  }

  live(livingid: string): SimLive | undefined {
    return this.livesById.get(livingid);
  }

  /** The anchor's lives, newest first (highest seq first). */
  livesOf(anchorUserid: string): SimLive[] {
    const lower = anchorUserid.toLowerCase();
    return this.data.lives
      .filter((l) => l.anchor_userid.toLowerCase() === lower)
      .sort((a, b) => b.seq - a.seq);
  }

  /** Deterministic for a seed and the order of creation, and never a livingid already in use. */
  newLivingid(): string {
    for (let attempt = 0; ; attempt += 1) {
      const prng = new Prng(deriveSeed(this.data.seed, `create:${this.data.lives.length}:${attempt}`));
      const id = new IdFactory(prng, this.data.corpTag).livingid();
      if (!this.livesById.has(id)) return id;
    }
  }

  addLive(live: Omit<SimLive, 'seq'>): SimLive {
    const seq = this.data.lives.reduce((max, l) => Math.max(max, l.seq), 0) + 1;
    const stored: SimLive = { ...live, seq };
    this.data.lives.push(stored);
    this.livesById.set(stored.livingid, stored);
    return stored;
  }

  /** Lets lives that started on the clock get their viewers before anyone reads them. */
  catchUp(now: number): void {
    for (const live of this.data.lives) ensureViewers(live, this.data, now);
  }

  private index(): void {
    this.livesById = new Map(this.data.lives.map((l) => [l.livingid, l]));
    this.membersByLowerId = new Map(this.data.members.map((m) => [m.userid.toLowerCase(), m]));
  }
}
