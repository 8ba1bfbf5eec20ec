// Invitations to a live by app message (R10.3): the shapes of the plugin's invite channels and the text
// card both the dialog's preview and the sender build (one function, so the preview is what is sent).
// The inputs and the parsing of a pasted userid list are in invite-schemas.ts. Pure: used by main and ui alike.
import type { z } from 'zod';
import { wallClockOf } from '../../../sdk/contracts/zoned-time.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { InviteSendSchema } from './invite-schemas.js';

/** message/send takes at most 1000 userids in `touser` (and 100 departments in `toparty`). */
export const MAX_TOUSER_PER_MESSAGE = 1000;
export const MAX_TOPARTY_PER_MESSAGE = 100;
/** One invitation's recipients in all; a bigger list is several invitations. */
export const MAX_RECIPIENTS = 10_000;
export const MAX_DEPARTMENTS = MAX_TOPARTY_PER_MESSAGE;
/** The note under the card's facts (the card's description holds at most 512 bytes in all). */
export const MAX_NOTE_CHARS = 100;
export const MAX_LINK_CHARS = 1000;
/**
 * WeCom's duplicate check window for invitations: the longest WeCom allows (4 hours). Within it, the same
 * card to the same recipients is not delivered twice, which is what makes resending a batch whose answer
 * was lost safe.
 */
export const DUPLICATE_CHECK_SECONDS = 4 * 3600;
/** WeCom's userid: 1–64 letters, digits and `_ - . @`. */
export const USERID_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** Per recipient: sent (WeCom took it), invalid (WeCom named it invalid), failed, unknown (answer lost). */
export type RecipientState = 'pending' | 'sent' | 'invalid' | 'failed' | 'unknown';
export type BatchState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown';

export const RECIPIENT_STATE_LABELS: Readonly<Record<RecipientState, string>> = {
  pending: '待发送',
  sent: '已发送',
  invalid: '企业微信退回',
  failed: '发送失败',
  unknown: '结果未知',
};

export interface InviteCard {
  title: string;
  /** WeCom's textcard markup: `<div class="gray|normal|highlight">`. */
  description: string;
  url: string;
  btntxt: string;
}

export interface InviteCardInput {
  live: Pick<LiveRecord, 'livingid' | 'theme' | 'anchorUserid' | 'anchorName' | 'reserveStart'>;
  link: string;
  note: string;
  timeZone: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** `2026-12-07 20:00` in the installation's zone. */
export function cardTime(epochSeconds: number | null, timeZone: string): string {
  if (epochSeconds === null) return '时间待定';
  const c = wallClockOf(epochSeconds * 1000, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${c.year}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`;
}

/**
 * The text card of an invitation: theme, anchor, time, the live's id, the note; the link opens it. WeCom
 * cuts a title past 128 bytes and a description past 512: a theme (at most 20 characters) and a note of
 * at most 100 characters keep both inside, markup included.
 */
export function buildInviteCard(input: InviteCardInput): InviteCard {
  const { live } = input;
  const anchor = live.anchorName !== null && live.anchorName !== '' ? live.anchorName : live.anchorUserid;
  const lines = [
    `<div class="gray">${escapeHtml(cardTime(live.reserveStart, input.timeZone))}</div>`,
    `<div class="normal">主播：${escapeHtml(anchor)}</div>`,
    `<div class="normal">直播 ID：${escapeHtml(live.livingid)}</div>`,
  ];
  const note = input.note.trim();
  if (note !== '') lines.push(`<div class="highlight">${escapeHtml(note)}</div>`);
  return {
    title: `直播邀请：${live.theme}`.slice(0, 64),
    description: lines.join(''),
    url: input.link.trim(),
    btntxt: '观看',
  };
}

/** The card's description as plain lines, for the preview. */
export function cardLines(card: InviteCard): string[] {
  return [...card.description.matchAll(/<div class="[a-z]+">(.*?)<\/div>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;|&gt;|&quot;|&amp;/g, (e) =>
      e === '&lt;' ? '<' : e === '&gt;' ? '>' : e === '&quot;' ? '"' : '&',
    ),
  );
}

/** Splits a list into batches of at most `size`. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

// ---- channels ----

export interface DirectoryMember {
  userid: string;
  name: string;
  departments: number[];
}

export interface DirectoryDepartment {
  id: number;
  name: string;
  members: number;
}

/** `live-detail.inviteDirectory`: the corp's departments and the members matching a search. */
export interface InviteDirectoryAnswer {
  /** False when WeCom lets the app read no directory (then userids are checked by WeCom on sending). */
  readable: boolean;
  /** Why the directory could not be read, in Chinese. */
  notice: string | null;
  departments: DirectoryDepartment[];
  members: DirectoryMember[];
  /** Members matching the search in all (the list is capped). */
  total: number;
}

/** `live-detail.inviteResolve`: pasted userids checked against the directory. */
export interface InviteResolveAnswer {
  readable: boolean;
  /** Known members, userids spelt as the corp stores them. */
  known: DirectoryMember[];
  /** Not in the app's visible directory (left, mistyped, outside the range), as pasted. */
  unknown: string[];
}

/** `live-detail.invite` as the dialog sends it; `idempotencyKey` is fresh per dialog (a repeat answers the same invitation). */
export type InviteSendInput = z.input<typeof InviteSendSchema>;

export interface InviteStarted {
  invitationId: string;
  jobId: string | null;
  replayed: boolean;
}

export interface InvitationCounts {
  total: number;
  sent: number;
  invalid: number;
  failed: number;
  unknown: number;
  pending: number;
}

export interface InvitationSummary {
  id: string;
  livingid: string;
  senderUserid: string;
  createdAt: number;
  finishedAt: number | null;
  note: string;
  card: InviteCard;
  departmentIds: number[];
  /** Departments WeCom answered invalid. */
  invalidDepartments: number[];
  batches: number;
  counts: InvitationCounts;
  /** The job sending it now, if any. */
  jobId: string | null;
}

export interface InvitationRecipient {
  userid: string;
  name: string;
  state: RecipientState;
  errcode: number | null;
  /** The Chinese explanation of WeCom's answer. */
  reason: string;
  sentAt: number | null;
  attempts: number;
}

export interface InviteJobResult {
  invitationId: string;
  counts: InvitationCounts;
}
