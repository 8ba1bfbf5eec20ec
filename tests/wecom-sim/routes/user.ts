import { WecomApiError } from '../errors.js';
import type { ApiRoute } from './route.js';

/**
 * GET /cgi-bin/user/get?userid (docs 90196): 60011 for members outside the app's visible range. Strict on
 * spelling: a userid spelt otherwise than the simulator issued it (`wangdesheng` for `WangDeSheng`) is
 * 60111, so a client that changes the case of an id it received is caught (see README.md).
 */
export const userGetRoute: ApiRoute = {
  api: 'user/get',
  auth: true,
  handle(call, ctx) {
    const userid = call.query.get('userid');
    if (!userid) throw new WecomApiError(41009);
    const member = ctx.state.memberSpeltExactly(userid);
    if (!member) throw new WecomApiError(60111);
    if (member.denied) throw new WecomApiError(60011);
    return {
      errcode: 0,
      errmsg: 'ok',
      userid: member.userid,
      name: member.name,
      department: member.department,
      order: member.department.map(() => 0),
      position: member.position,
      is_leader_in_dept: member.department.map(() => 0),
      direct_leader: [],
      main_department: member.department[0],
      status: 1,
      alias: '',
      telephone: '',
      extattr: { attrs: [] },
      external_position: '',
    };
  },
};
