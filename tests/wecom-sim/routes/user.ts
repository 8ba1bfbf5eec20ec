import { VISIBLE_DEPARTMENTS } from '../members.js';
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

/** The simulated corp's departments: 1 is the root, 2–5 the app sees, 6 it does not. */
export const DEPARTMENT_NAMES: Readonly<Record<number, string>> = {
  1: '示例科技',
  2: '销售部',
  3: '市场部',
  4: '研发部',
  5: '人力资源部',
  6: '董事会办公室',
};

/**
 * GET /cgi-bin/department/list[?id] (docs 90208): the departments in the app's visible range (2–5, under
 * the root 1 the app does not see). An id outside the range is 60011.
 */
export const departmentListRoute: ApiRoute = {
  api: 'department/list',
  auth: true,
  handle(call) {
    const id = call.query.get('id');
    if (id !== null && id !== '' && !VISIBLE_DEPARTMENTS.includes(Number(id))) throw new WecomApiError(60011);
    const ids = id === null || id === '' ? VISIBLE_DEPARTMENTS : [Number(id)];
    return {
      errcode: 0,
      errmsg: 'ok',
      department: ids.map((dept, order) => ({
        id: dept,
        name: DEPARTMENT_NAMES[dept] ?? `部门 ${dept}`,
        parentid: 1,
        order: 100_000_000 - order,
      })),
    };
  },
};

/**
 * GET /cgi-bin/user/simplelist?department_id[&fetch_child] (docs 90200): the members of a visible
 * department (the departments have no children here), userids as stored (mixed case kept). Departed
 * people are not listed. A department outside the app's range is 60011, a missing id 40058.
 */
export const userSimpleListRoute: ApiRoute = {
  api: 'user/simplelist',
  auth: true,
  handle(call, ctx) {
    const raw = call.query.get('department_id');
    if (raw === null || raw === '') throw new WecomApiError(40058, 'department_id missing');
    const dept = Number(raw);
    if (!VISIBLE_DEPARTMENTS.includes(dept)) throw new WecomApiError(60011);
    return {
      errcode: 0,
      errmsg: 'ok',
      userlist: ctx.state.data.members
        .filter((m) => !m.denied && m.department.includes(dept))
        .map((m) => ({ userid: m.userid, name: m.name, department: m.department, open_userid: '' })),
    };
  },
};
