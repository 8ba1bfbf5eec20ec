import { WecomApiError } from '../errors.js';
import type { ApiRoute } from './route.js';

/**
 * GET /cgi-bin/agent/get?agentid (docs 90227). A token only reads its own app: another app of the corp
 * answers 301002, an agentid that is no app of the corp 40056.
 */
export const agentGetRoute: ApiRoute = {
  api: 'agent/get',
  auth: true,
  handle(call, ctx) {
    const raw = call.query.get('agentid');
    if (raw === null || raw === '') throw new WecomApiError(41011);
    const agentid = /^\d+$/.test(raw) ? Number(raw) : NaN;
    const { agent, otherAgentids } = ctx.state.data;
    if (agentid === agent.agentid) return { errcode: 0, errmsg: 'ok', ...agent };
    if (otherAgentids.includes(agentid)) throw new WecomApiError(301002);
    throw new WecomApiError(40056);
  },
};
