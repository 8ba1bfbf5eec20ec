// 已签到成员 cells: read the same way here and by the live store (resolving an ambiguous row), so the
// parsing is written once in the SDK.
export { normaliseName, parseMemberLabel, type MemberLabel } from '../../../sdk/contracts/checkin-labels.js';
