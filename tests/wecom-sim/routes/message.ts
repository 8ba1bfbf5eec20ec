import { randomBytes } from 'node:crypto';
import { WecomApiError } from '../errors.js';
import { VISIBLE_DEPARTMENTS } from '../members.js';
import type { SentMessage } from '../state.js';
import { jsonBody, optionalInt, type ApiRoute, type JsonBody } from './route.js';

/** message/send's documented limits: touser up to 1000 ids, toparty and totag up to 100 each. */
export const MAX_TOUSER = 1000;
export const MAX_TOPARTY = 100;
export const MAX_TOTAG = 100;
/** duplicate_check_interval: default 1800 s, at most 4 hours. */
const DEFAULT_DUPLICATE_INTERVAL = 1800;
const MAX_DUPLICATE_INTERVAL = 4 * 3600;

/**
 * POST /cgi-bin/message/send (docs 90236), text and textcard. Recipients outside the app's visible
 * range (or unknown, or departed) come back in invaliduser / invalidparty / invalidtag, spelt as sent;
 * with nobody valid the answer is 81013. More than 1000 touser (100 toparty/totag) is refused whole
 * (40058), nothing is delivered. With `enable_duplicate_check: 1` the same content to the same
 * recipients within `duplicate_check_interval` is answered ok and not delivered again.
 */
export const messageSendRoute: ApiRoute = {
  api: 'message/send',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const agentid = optionalInt(body, 'agentid');
    if (agentid === undefined) throw new WecomApiError(41011);
    if (agentid !== ctx.state.data.agent.agentid) throw new WecomApiError(301002);
    checkContent(body);

    const touser = split(body.touser);
    const toparty = split(body.toparty);
    const totag = split(body.totag);
    if (touser.length > MAX_TOUSER) throw new WecomApiError(40058, `touser exceed max size ${MAX_TOUSER}`);
    if (toparty.length > MAX_TOPARTY)
      throw new WecomApiError(40058, `toparty exceed max size ${MAX_TOPARTY}`);
    if (totag.length > MAX_TOTAG) throw new WecomApiError(40058, `totag exceed max size ${MAX_TOTAG}`);

    const visibleMembers = ctx.state.data.members.filter((m) => !m.denied);
    const delivered = new Set<string>();
    const invalidUsers: string[] = [];
    if (touser.includes('@all')) for (const m of visibleMembers) delivered.add(m.userid);
    else {
      for (const userid of touser) {
        // WeCom compares userids case-insensitively and delivers to the member as stored.
        const member = ctx.state.member(userid);
        if (member && !member.denied) delivered.add(member.userid);
        else if (!invalidUsers.includes(userid)) invalidUsers.push(userid);
      }
    }
    const invalidParties = toparty.filter((id) => !VISIBLE_DEPARTMENTS.includes(Number(id)));
    const validParties = toparty.filter((id) => !invalidParties.includes(id)).map(Number);
    for (const m of visibleMembers) {
      if (m.department.some((d) => validParties.includes(d))) delivered.add(m.userid);
    }
    // The simulated corp has no tags.
    const invalidTags = totag;

    const extra = {
      invaliduser: invalidUsers.join('|'),
      invalidparty: invalidParties.join('|'),
      invalidtag: invalidTags.join('|'),
      unlicenseduser: '',
    };
    if (delivered.size === 0 && validParties.length === 0) throw new WecomApiError(81013, undefined, extra);

    const now = ctx.clock.now();
    const duplicate = duplicateOf(ctx.state.messages, body, now);
    if (duplicate !== undefined) {
      ctx.state.duplicatesSuppressed += 1;
      return { errcode: 0, errmsg: 'ok', ...extra, msgid: duplicate.msgid };
    }
    const msgid = randomBytes(24).toString('base64url');
    ctx.state.messages.push({ msgid, at: now, body, delivered: [...delivered] });
    return { errcode: 0, errmsg: 'ok', ...extra, msgid };
  },
};

/** An earlier message WeCom's duplicate check would see this one as a repeat of. */
function duplicateOf(sent: readonly SentMessage[], body: JsonBody, now: number): SentMessage | undefined {
  if (body.enable_duplicate_check !== 1) return undefined;
  const asked = typeof body.duplicate_check_interval === 'number' ? body.duplicate_check_interval : 0;
  const interval = Math.min(MAX_DUPLICATE_INTERVAL, asked > 0 ? asked : DEFAULT_DUPLICATE_INTERVAL);
  const key = contentKey(body);
  return sent.find((message) => message.at >= now - interval && contentKey(message.body) === key);
}

function contentKey(body: JsonBody): string {
  const msgtype = String(body.msgtype);
  return JSON.stringify([
    msgtype,
    body[msgtype],
    split(body.touser)
      .map((id) => id.toLowerCase())
      .sort(),
    split(body.toparty).sort(),
    split(body.totag).sort(),
  ]);
}

function checkContent(body: JsonBody): void {
  const section = (key: string): JsonBody =>
    typeof body[key] === 'object' && body[key] !== null ? (body[key] as JsonBody) : {};
  const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value !== '';
  if (body.msgtype === 'text') {
    if (!nonEmpty(section('text').content)) throw new WecomApiError(44004);
  } else if (body.msgtype === 'textcard') {
    const card = section('textcard');
    if (!nonEmpty(card.title)) throw new WecomApiError(41016);
    if (!nonEmpty(card.description)) throw new WecomApiError(41033);
    if (!nonEmpty(card.url)) throw new WecomApiError(41010);
  } else {
    throw new WecomApiError(40008);
  }
}

/** "a|b|c" lists as message/send takes them. */
function split(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
