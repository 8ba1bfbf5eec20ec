import { randomBytes } from 'node:crypto';
import { WecomApiError } from '../errors.js';
import { existingLive } from './living-write.js';
import { jsonBody, requiredString, type ApiRoute } from './route.js';

/** POST /cgi-bin/living/get_living_share_info {ww_share_code} (docs 94442): promotion lives' viewer and inviter. */
export const livingShareInfoRoute: ApiRoute = {
  api: 'living/get_living_share_info',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const code = requiredString(body, 'ww_share_code');
    const share = ctx.state.data.shareCodes.find((s) => s.code === code);
    if (!share) throw new WecomApiError(40058, 'invalid ww_share_code');
    const { code: _code, ...fields } = share;
    return { errcode: 0, errmsg: 'ok', ...fields };
  },
};

/** POST /cgi-bin/living/get_living_code {livingid, openid} (docs 96840). */
export const livingCodeRoute: ApiRoute = {
  api: 'living/get_living_code',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    existingLive(ctx, requiredString(body, 'livingid'));
    requiredString(body, 'openid', 40073);
    return { errcode: 0, errmsg: 'ok', living_code: randomBytes(24).toString('base64url') };
  },
};
