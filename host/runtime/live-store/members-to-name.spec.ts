// Who rule 5 (user/get) still has to name, on a real SQLite file: members WeCom's stats leave unnamed,
// an inviter who is no viewer (inviting twice), a self-invite, members the cache names, and members
// user/get answered without a name lately (refused) or long ago.
import type { Knex } from 'knex';
import { USER_GET_DENIED_SOURCE } from '../../../sdk/contracts/inviter-naming.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir } from '../../../tests/support/runtime-harness.js';
import { STORE_NOW, storeWithPromotionLive } from '../../../tests/support/live-store-db.js';
import { LiveStoreService } from './live-store.js';

const NOW = STORE_NOW;
const HOUR = 3_600_000;

const STATS: WatchStatPage = {
  ending: 1,
  next_key: '',
  stat_info: {
    users: [
      { userid: 'LiSi', watch_time: 600, invitor_userid: 'BossLi' },
      { userid: 'WangWu', watch_time: 500, invitor_userid: 'BossLi' },
      { userid: 'ZhaoLiu', watch_time: 400, invitor_userid: 'ZhaoLiu' },
      { userid: 'SunQi', watch_time: 300 },
    ],
    external_users: [{ external_userid: 'wmA', type: 1, name: '万强', watch_time: 200 }],
  },
};

describe('members to name (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeEach(async () => {
    ({ dir, db, store } = await storeWithPromotionLive('members-to-name', [STATS]));
    await store.rememberName('corp-a', { kind: 'internal', id: 'WangWu', name: '王五', source: 'user-get' });
    // Refused an hour ago; SunQi unknown to user/get a day ago.
    await new LiveStoreService(db, { now: () => NOW - HOUR }).rememberName('corp-a', {
      kind: 'internal',
      id: 'ZhaoLiu',
      name: '',
      source: USER_GET_DENIED_SOURCE,
    });
    await new LiveStoreService(db, { now: () => NOW - 24 * HOUR }).rememberName('corp-a', {
      kind: 'internal',
      id: 'SunQi',
      name: '',
      source: 'user-get',
    });
    // Another corp's cache entry for the same id names nobody here.
    await db('corps').insert({
      corp_id: 'corp-b',
      corpname: 'corp-b',
      corpid: 'wwcorp-b',
      agentid: 1000002,
      secret_cipher: 'x',
      created_at: 0,
      updated_at: 0,
    });
    await store.rememberName('corp-b', {
      kind: 'internal',
      id: 'LiSi',
      name: '别的企业的李四',
      source: 'user-get',
    });
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  it('asks for the unnamed inviter once and the unnamed members, leaving a recent refusal for later', async () => {
    const found = await store.membersToName('corp-a', 'lv1', { limit: 200, askedBefore: NOW - 6 * HOUR });
    expect(found.userids).toEqual(['BossLi', 'LiSi', 'SunQi']);
    expect(found.deniedLately).toBe(1);
  });

  it('asks again at once for what was refused when told to, and keeps to the limit', async () => {
    const all = await store.membersToName('corp-a', 'lv1', { limit: 200, askedBefore: NOW + 1 });
    expect(all.userids).toEqual(['BossLi', 'LiSi', 'ZhaoLiu', 'SunQi']);
    expect(all.deniedLately).toBe(0);
    expect((await store.membersToName('corp-a', 'lv1', { limit: 2, askedBefore: NOW + 1 })).userids).toEqual([
      'BossLi',
      'LiSi',
    ]);
  });

  it('no longer asks for a member once user/get named them', async () => {
    await store.rememberName('corp-a', { kind: 'internal', id: 'BossLi', name: '李总', source: 'user-get' });
    await store.rememberName('corp-a', { kind: 'internal', id: 'LiSi', name: '李四', source: 'user-get' });
    const found = await store.membersToName('corp-a', 'lv1', { limit: 200, askedBefore: NOW + 1 });
    expect(found.userids).toEqual(['ZhaoLiu', 'SunQi']);
  });
});
