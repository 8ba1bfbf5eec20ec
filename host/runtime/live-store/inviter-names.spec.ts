// R4.6 inviter names and userid spellings in the live store, against a real SQLite file.
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { LivingInfo, WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { openDatabase } from '../storage/database.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { LiveStoreService } from './live-store.js';
import { openCorpDatabase } from '../../../tests/support/live-store-db.js';

/** An ended promotion live (type 4: WeCom gives inviters) whose anchor keeps the case WeCom gave. */
const PROMOTION_INFO: LivingInfo = {
  theme: '新品推广',
  living_start: 1741839370,
  living_duration: 3600,
  anchor_userid: 'WangDeSheng',
  main_department: 1,
  viewer_num: 5,
  comment_num: 0,
  mic_num: 0,
  open_replay: 0,
  status: 2,
  reserve_start: 1741839000,
  reserve_living_duration: 3600,
  description: '',
  type: 4,
  online_count: 0,
  subscribe_count: 0,
};

type StatUser = WatchStatPage['stat_info']['users'][number];
type StatExternal = WatchStatPage['stat_info']['external_users'][number];

function page(users: StatUser[], externalUsers: StatExternal[]): WatchStatPage {
  return { ending: 1, next_key: 'k', stat_info: { users, external_users: externalUsers } };
}

const member = (userid: string, inviter: Partial<StatUser> = {}): StatUser => ({
  userid,
  watch_time: 100,
  is_comment: 0,
  is_mic: 0,
  ...inviter,
});

const external = (id: string, name: string, inviter: Partial<StatExternal> = {}): StatExternal => ({
  external_userid: id,
  type: 1,
  name,
  watch_time: 50,
  is_comment: 0,
  is_mic: 0,
  ...inviter,
});

describe('LiveStore inviter names and userid spellings (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeEach(async () => {
    dir = tempDataDir('inviter-names');
    db = await openCorpDatabase(dir);
    store = new LiveStoreService(db, { now: () => 1_741_900_000_000 });
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function createdHere(anchorName: string | null): Promise<void> {
    await store.recordCreated('corp-a', {
      livingid: 'lv1',
      anchorUserid: 'WangDeSheng',
      anchorName,
      theme: '新品推广',
      livingStart: 1741839000,
      livingDuration: 3600,
      type: 4,
      creatorUserid: 'WangDeSheng',
    });
    await store.mergeLivingInfo('corp-a', 'lv1', PROMOTION_INFO);
  }

  async function details(keyword?: string): Promise<Map<string, ViewerDetail>> {
    const answer = await store.viewerDetails('corp-a', 'lv1', keyword === undefined ? {} : { keyword });
    return new Map(answer.rows.map((row) => [row.viewerId, row]));
  }

  it('never names a viewer as their own inviter: not the anchor with a typed name, not from the cache', async () => {
    await createdHere('王老师');
    const merged = await store.mergeWatchStats('corp-a', 'lv1', [
      page(
        [
          // The anchor came in through their own card.
          member('WangDeSheng', { invitor_userid: 'WangDeSheng' }),
          // A member recorded as invited by themself, the id in another case.
          member('LiSi', { invitor_userid: 'lisi' }),
          member('ZhaoJing', { invitor_userid: 'wangdesheng' }),
        ],
        [
          external('wmSelf', '自来水', { invitor_external_userid: 'wmSelf' }),
          external('wmA', '黍离。', { invitor_userid: 'WangDeSheng' }),
        ],
      ),
    ]);
    expect(merged.unnamedInviters).toEqual([]);
    // user/get later names the members as viewers: their own cache entries must not name their inviter.
    for (const [id, name] of [
      ['WangDeSheng', '王德胜'],
      ['LiSi', '李四'],
      ['lisi', '李四'],
    ] as const) {
      await store.rememberName('corp-a', { kind: 'internal', id, name, source: 'user-get' });
    }
    const rows = await details();
    const inviter = (id: string) => {
      const row = rows.get(id);
      return { name: row?.inviterName, rule: row?.inviterRule };
    };
    expect(inviter('WangDeSheng')).toEqual({ name: null, rule: 'self' });
    expect(inviter('LiSi')).toEqual({ name: null, rule: 'self' });
    expect(inviter('wmSelf')).toEqual({ name: null, rule: 'self' });
    // The anchor's invitations of others take the typed name, whatever the spelling of the id.
    expect(inviter('wmA')).toEqual({ name: '王老师', rule: 'anchor' });
    expect(inviter('ZhaoJing')).toEqual({ name: '王老师', rule: 'anchor' });
    // The anchor as a viewer keeps the name typed for them; it names nobody's inviter but others'.
    expect(rows.get('WangDeSheng')?.name).toBe('王老师');
    // The stored rows agree with the read path.
    const stored = (await db('live_viewers')
      .whereIn('viewer_id', ['WangDeSheng', 'LiSi', 'wmSelf'])
      .select('inviter_name', 'inviter_rule')) as Array<{
      inviter_name: string | null;
      inviter_rule: string;
    }>;
    expect(stored).toEqual([
      { inviter_name: null, inviter_rule: 'self' },
      { inviter_name: null, inviter_rule: 'self' },
      { inviter_name: null, inviter_rule: 'self' },
    ]);
    // Searching a viewer's name finds the viewer, not the rows of other viewers through a self-invite.
    expect([...(await details('自来水')).keys()]).toEqual(['wmSelf']);
  });

  it('leaves the anchor’s invitations of a live not created here to user/get, asked with the exact userid', async () => {
    await store.mergeLivingInfo('corp-a', 'lv1', PROMOTION_INFO);
    // A name known only under another spelling is not served for `WangDeSheng`.
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'wangdesheng',
      name: '王德胜（旧）',
      source: 'user-get',
    });
    const stats = [
      page(
        [member('WangDeSheng', { invitor_userid: 'WangDeSheng' })],
        [external('wmA', '黍离。', { invitor_userid: 'WangDeSheng' })],
      ),
    ];
    const merged = await store.mergeWatchStats('corp-a', 'lv1', stats);
    expect(merged.unnamedInviters).toEqual([{ kind: 'internal', id: 'WangDeSheng' }]);
    let rows = await details();
    expect(rows.get('wmA')).toEqual(jasmine.objectContaining({ inviterName: null, inviterRule: 'none' }));
    expect(rows.get('WangDeSheng')?.name).toBe('');

    // What user/get answered for exactly `WangDeSheng` names the inviter (rule 5) and the member viewer.
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'WangDeSheng',
      name: '王德胜',
      source: 'user-get',
    });
    rows = await details();
    expect(rows.get('wmA')).toEqual(
      jasmine.objectContaining({ inviterName: '王德胜', inviterRule: 'user-get' }),
    );
    expect(rows.get('WangDeSheng')).toEqual(
      jasmine.objectContaining({ name: '王德胜', inviterName: null, inviterRule: 'self' }),
    );
    await store.mergeWatchStats('corp-a', 'lv1', stats);
    rows = await details();
    expect(rows.get('wmA')).toEqual(
      jasmine.objectContaining({ inviterName: '王德胜', inviterRule: 'user-get' }),
    );
    // Both spellings are kept, each with what was learnt for it.
    const people = (await db('live_people')
      .where({ corp_id: 'corp-a', person_kind: 'internal' })
      .orderBy('person_id')
      .select('person_id', 'name')) as Array<{ person_id: string; name: string }>;
    expect(people).toEqual([
      { person_id: 'WangDeSheng', name: '王德胜' },
      { person_id: 'wangdesheng', name: '王德胜（旧）' },
    ]);
  });

  it('lets a name WeCom answers in the stats win (rule 1), except for a self-invite', async () => {
    await createdHere('王老师');
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'ZhouMing',
      name: '周明',
      source: 'user-get',
    });
    await store.mergeWatchStats('corp-a', 'lv1', [
      page(
        [
          member('WangDeSheng', {
            invitor_userid: 'WangDeSheng',
            invitor_name: '王德胜',
          } as Partial<StatUser>),
        ],
        [
          // Over the typed anchor name (rule 2).
          external('wmA', '黍离。', {
            invitor_userid: 'WangDeSheng',
            invitor_name: '王德胜',
          } as Partial<StatExternal>),
          // Over another viewer's name (rule 3).
          external('wmB', '万强', {
            invitor_external_userid: 'wmA',
            invitor_name: '黍离（统计）',
          } as Partial<StatExternal>),
          // Over the name cache (rule 4).
          external('wmC', '老客户', {
            invitor_userid: 'ZhouMing',
            invitor_name: '周明明',
          } as Partial<StatExternal>),
          // Without the field, the other rules as before.
          external('wmD', '路人', { invitor_external_userid: 'wmA' }),
          external('wmSelf', '自来水', {
            invitor_external_userid: 'wmSelf',
            invitor_name: '自来水',
          } as Partial<StatExternal>),
        ],
      ),
    ]);
    const rows = await details();
    const named = (id: string) => [rows.get(id)?.inviterName, rows.get(id)?.inviterRule];
    expect(named('wmA')).toEqual(['王德胜', 'watch-stat']);
    expect(named('wmB')).toEqual(['黍离（统计）', 'watch-stat']);
    expect(named('wmC')).toEqual(['周明明', 'watch-stat']);
    expect(named('wmD')).toEqual(['黍离。', 'viewer']);
    expect(named('wmSelf')).toEqual([null, 'self']);
    expect(named('WangDeSheng')).toEqual([null, 'self']);
  });

  it('marks self-invites an older version stored with a name (migration 004)', async () => {
    await db.destroy();
    removeDir(dir);
    dir = tempDataDir('inviter-names-upgrade');
    db = openDatabase({ filename: join(dir, 'data.sqlite') });
    const before = HOST_MIGRATIONS.findIndex((entry) => entry.name === '004-self-invites');
    await runMigrations(db, 'host', HOST_MIGRATIONS.slice(0, before));
    await db('corps').insert({
      corp_id: 'corp-a',
      corpname: 'corp-a',
      corpid: 'wwcorp-a',
      agentid: 1000002,
      secret_cipher: 'x',
      created_at: 0,
      updated_at: 0,
    });
    const [live] = (await db('lives')
      .insert({
        corp_id: 'corp-a',
        livingid: 'lv1',
        anchor_userid: 'WangDeSheng',
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')) as Array<{ id: number }>;
    const viewer = (
      kind: string,
      id: string,
      invitor: [string | null, string | null],
      name: string | null,
      rule: string,
    ) => ({
      live_id: live?.id,
      viewer_kind: kind,
      viewer_id: id,
      invitor_userid: invitor[0],
      invitor_external_userid: invitor[1],
      inviter_name: name,
      inviter_rule: rule,
      first_seen_at: 0,
      last_synced_at: 0,
    });
    await db('live_viewers').insert([
      viewer('internal', 'WangDeSheng', ['WangDeSheng', null], '王老师', 'anchor'),
      viewer('internal', 'LiSi', ['lisi', null], null, 'none'),
      viewer('external', 'wmSelf', [null, 'wmSelf'], null, 'none'),
      viewer('external', 'wmA', ['WangDeSheng', null], '王老师', 'anchor'),
      viewer('external', 'wmB', ['ZhouMing', 'wmB'], '周明', 'people'),
    ]);
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    const rows = (await db('live_viewers')
      .orderBy('id')
      .select('viewer_id', 'inviter_name', 'inviter_rule')) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      { viewer_id: 'WangDeSheng', inviter_name: null, inviter_rule: 'self' },
      { viewer_id: 'LiSi', inviter_name: null, inviter_rule: 'self' },
      { viewer_id: 'wmSelf', inviter_name: null, inviter_rule: 'self' },
      { viewer_id: 'wmA', inviter_name: '王老师', inviter_rule: 'anchor' },
      // A member inviter comes first, as the merge reads it: not a self-invite.
      { viewer_id: 'wmB', inviter_name: '周明', inviter_rule: 'people' },
    ]);
  });
});
