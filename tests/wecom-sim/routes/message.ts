import { randomBytes } from 'node:crypto';
import { WecomApiError } from '../errors.js';
import { VISIBLE_DEPARTMENTS } from '../members.js';
import { jsonBody, optionalInt, type ApiRoute, type JsonBody } from './route.js';

/**
 * POST /cgi-bin/message/send (docs 90236), text and textcard. Recipients outside the app's visible
 * range come back in invaliduser / invalidparty / invalidtag; with nobody valid the answer is 81013.
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

    const visibleMembers = ctx.state.data.members.filter((m) => !m.denied);
    const touser = split(body.touser);
    const validUsers: string[] = [];
    const invalidUsers: string[] = [];
    if (touser.includes('@all')) validUsers.push(...visibleMembers.map((m) => m.userid));
    else {
      for (const userid of touser) {
        const member = ctx.state.member(userid);
        if (member && !member.denied) validUsers.push(member.userid);
        else invalidUsers.push(userid);
      }
    }
    const toparty = split(body.toparty);
    const invalidParties = toparty.filter((id) => !VISIBLE_DEPARTMENTS.includes(Number(id)));
    const validParties = toparty.filter((id) => !invalidParties.includes(id));
    // The simulated corp has no tags.
    const invalidTags = split(body.totag);

    const extra = {
      invaliduser: invalidUsers.join('|'),
      invalidparty: invalidParties.join('|'),
      invalidtag: invalidTags.join('|'),
      unlicenseduser: '',
    };
    if (validUsers.length === 0 && validParties.length === 0)
      throw new WecomApiError(81013, undefined, extra);
    const msgid = randomBytes(24).toString('base64url');
    ctx.state.messages.push({ msgid, at: ctx.clock.now(), body });
    return { errcode: 0, errmsg: 'ok', ...extra, msgid };
  },
};

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
