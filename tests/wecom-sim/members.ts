import { GIVEN_NAMES, POSITIONS, SURNAMES } from './names.js';
import { ID_ALPHABET, type Prng } from './prng.js';
import type { SimAgent, SimMember } from './types.js';

/** Departments the app can see; members only in department 6 are outside its visible range. */
export const VISIBLE_DEPARTMENTS: readonly number[] = [2, 3, 4, 5];
export const HIDDEN_DEPARTMENT = 6;
export const APP_AGENTID = 1000002;

/**
 * Corp members with pinyin userids and Chinese names, as corps really mix them: most keep their case
 * (`WangDeSheng`), about one in three from the seventh on is all lower case (`zhaojing`). user/get answers
 * only the spelling issued here. The first member is the main anchor; about one in eight (never the
 * first) sits outside the app's visible range. Names repeat (a few surnames and given names).
 */
export function generateMembers(prng: Prng, count: number): SimMember[] {
  const members: SimMember[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const [surnamePinyin, surname] = prng.pick(SURNAMES);
    const [givenPinyin, given] = prng.pick(GIVEN_NAMES);
    let userid = `${surnamePinyin}${givenPinyin}`;
    // userids are unique case-insensitively in WeCom.
    for (let n = 2; taken.has(userid.toLowerCase()); n += 1) userid = `${surnamePinyin}${givenPinyin}${n}`;
    taken.add(userid.toLowerCase());
    if (i >= 5 && i % 3 === 0) userid = userid.toLowerCase();
    const denied = i > 0 && (i % 8 === 3 || (i === count - 1 && !members.some((m) => m.denied)));
    members.push({
      userid,
      name: `${surname}${given}`,
      department: denied ? [HIDDEN_DEPARTMENT] : departmentsFor(prng),
      position: prng.pick(POSITIONS),
      denied,
    });
  }
  return members;
}

function departmentsFor(prng: Prng): number[] {
  const first = prng.pick(VISIBLE_DEPARTMENTS);
  if (!prng.chance(0.15)) return [first];
  const second = prng.pick(VISIBLE_DEPARTMENTS);
  return second === first ? [first] : [first, second];
}

export function generateAgent(prng: Prng, members: readonly SimMember[]): SimAgent {
  const anchor = members[0];
  return {
    agentid: APP_AGENTID,
    name: '直播助手',
    square_logo_url: `https://p.qlogo.cn/bizmail/${prng.string(ID_ALPHABET, 40)}/0`,
    description: '企业直播预约、观看统计与签到分析',
    allow_userinfos: { user: anchor ? [{ userid: anchor.userid }] : [] },
    allow_partys: { partyid: [...VISIBLE_DEPARTMENTS] },
    allow_tags: { tagid: [] },
    close: 0,
    redirect_domain: 'live.example.com',
    report_location_flag: 0,
    isreportenter: 0,
    home_url: 'https://live.example.com/',
  };
}
