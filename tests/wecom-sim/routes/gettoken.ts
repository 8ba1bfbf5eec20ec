import { WecomApiError } from '../errors.js';
import type { ApiRoute } from './route.js';

/** GET /cgi-bin/gettoken?corpid&corpsecret (docs 91039). */
export const gettokenRoute: ApiRoute = {
  api: 'gettoken',
  auth: false,
  handle(call, ctx) {
    const corpid = call.query.get('corpid');
    const corpsecret = call.query.get('corpsecret');
    if (!corpid) throw new WecomApiError(41002);
    if (!corpsecret) throw new WecomApiError(41004);
    if (corpid !== ctx.state.data.corpid) throw new WecomApiError(40013);
    if (corpsecret !== ctx.state.data.corpsecret) throw new WecomApiError(40001);
    const token = ctx.tokens.issue(ctx.clock.now(), ctx.config.tokenTtlSeconds);
    return { errcode: 0, errmsg: 'ok', access_token: token.access_token, expires_in: token.expires_in };
  },
};
