// Every R4.6 rule of inviter-naming.ts with messy data (repeated display names, self-invites, userids that
// differ only in case, missing fields), and its SQL forms checked against the TypeScript ones in SQLite.
import knex, { type Knex } from 'knex';
import type { InviterRule } from './lives.js';
import {
  cachedInviterSql,
  inviterAsRead,
  inviterLabelSql,
  inviterNameSql,
  inviterOf,
  inviterText,
  invitedByOther,
  invitedByOtherSql,
  memberLookups,
  nameInviters,
  NO_INVITER_TEXT,
  personKey,
  samePerson,
  SELF_INVITE_TEXT,
  unnamedInviters,
  userGetOutcome,
  type InviterNameSources,
  type NamingViewer,
} from './inviter-naming.js';

const member = (id: string, invitor: Partial<NamingViewer> = {}): NamingViewer => ({
  kind: 'internal',
  id,
  name: '',
  invitorUserid: null,
  invitorExternalUserid: null,
  statInviterName: null,
  ...invitor,
});
const external = (id: string, name: string, invitor: Partial<NamingViewer> = {}): NamingViewer => ({
  ...member(id, invitor),
  kind: 'external',
  name,
});

const NO_SOURCES: InviterNameSources = { anchorUserid: 'Anchor', anchorName: null, known: new Map() };

describe('R4.6 inviter naming rules', () => {
  it('rule 0: a viewer who is their own inviter is a self-invite, never named, whatever the other rules say', () => {
    const viewers = [
      // A member's spellings differ only in case: still the same member.
      member('ZhangSan', { invitorUserid: 'zhangsan', statInviterName: '张三' }),
      // The anchor inviting themself with a typed anchor name and a cached name.
      member('Anchor', { invitorUserid: 'ANCHOR' }),
      // An external user invited by their own external id, and a named external viewer.
      external('wmSelf', '客户甲', { invitorExternalUserid: 'wmSelf' }),
    ];
    const names = nameInviters(viewers, {
      anchorUserid: 'Anchor',
      anchorName: '主播',
      known: new Map([[personKey('internal', 'zhangsan'), '张三']]),
    });
    expect(names).toEqual([
      { name: null, rule: 'self' },
      { name: null, rule: 'self' },
      { name: null, rule: 'self' },
    ]);
    expect(unnamedInviters(viewers, names)).toEqual([]);
  });

  it('rule 0 compares external ids exactly: an external id differing in case is somebody else', () => {
    const viewers = [
      external('wmAbc', '客户甲', { invitorExternalUserid: 'wmabc' }),
      external('wmabc', '客户乙'),
    ];
    expect(nameInviters(viewers, NO_SOURCES)[0]).toEqual({ name: '客户乙', rule: 'viewer' });
    expect(samePerson({ kind: 'external', id: 'wmAbc' }, { kind: 'external', id: 'wmabc' })).toBeFalse();
    expect(
      samePerson({ kind: 'internal', id: 'WangDeSheng' }, { kind: 'internal', id: 'wangdesheng' }),
    ).toBeTrue();
    expect(samePerson({ kind: 'internal', id: 'x1' }, { kind: 'external', id: 'x1' })).toBeFalse();
  });

  it('rule 1: a name WeCom answered in the stats comes before the anchor, the viewers and the cache', () => {
    const viewers = [
      member('v1', { invitorUserid: 'anchor', statInviterName: '统计里的名字' }),
      external('anchor', '同名外部'),
    ];
    const names = nameInviters(viewers, {
      anchorUserid: 'Anchor',
      anchorName: '主播',
      known: new Map([[personKey('internal', 'anchor'), '缓存']]),
    });
    expect(names[0]).toEqual({ name: '统计里的名字', rule: 'watch-stat' });
  });

  it("rule 2: the anchor's invitations take the typed anchor name whatever the spelling; none typed falls through", () => {
    const viewers = [member('v1', { invitorUserid: 'ANCHOR' }), member('v2', { invitorUserid: 'anchor' })];
    expect(nameInviters(viewers, { ...NO_SOURCES, anchorName: '主播' })).toEqual([
      { name: '主播', rule: 'anchor' },
      { name: '主播', rule: 'anchor' },
    ]);
    // No typed name (a live not created here, or ''): the cache for the exact spelling, else user/get.
    const known = new Map([[personKey('internal', 'anchor'), '缓存的主播']]);
    for (const anchorName of [null, '']) {
      const names = nameInviters(viewers, { anchorUserid: 'Anchor', anchorName, known });
      expect(names).toEqual([
        { name: null, rule: 'none' },
        { name: '缓存的主播', rule: 'people' },
      ]);
      expect(unnamedInviters(viewers, names)).toEqual([{ kind: 'internal', id: 'ANCHOR' }]);
    }
  });

  it('rule 3: an inviter who watched the same live gives their own name (exact id), even when names repeat', () => {
    const viewers = [
      external('wmA', '张伟'),
      external('wmB', '张伟'),
      external('wmC', ''),
      external('wmD', '客户丁', { invitorExternalUserid: 'wmB' }),
      external('wmE', '客户戊', { invitorExternalUserid: 'wmC' }),
      // A member inviter never matches an external viewer with the same id.
      external('wmF', '客户己', { invitorUserid: 'wmA' }),
      external('wmG', '客户庚', { invitorExternalUserid: 'WMA' }),
    ];
    const names = nameInviters(viewers, NO_SOURCES);
    expect(names.slice(3)).toEqual([
      { name: '张伟', rule: 'viewer' },
      { name: null, rule: 'none' },
      { name: null, rule: 'none' },
      { name: null, rule: 'none' },
    ]);
  });

  it('rule 4: the name cache serves only the spelling it was learnt with, and never an empty name', () => {
    const known = new Map([
      [personKey('internal', 'wangdesheng'), '王德胜'],
      [personKey('internal', 'Empty'), ''],
      [personKey('external', 'wmX'), '外部客户'],
    ]);
    const viewers = [
      member('v1', { invitorUserid: 'wangdesheng' }),
      member('v2', { invitorUserid: 'WangDeSheng' }),
      member('v3', { invitorUserid: 'Empty' }),
      member('v4', { invitorExternalUserid: 'wmX' }),
    ];
    const names = nameInviters(viewers, { ...NO_SOURCES, known });
    expect(names).toEqual([
      { name: '王德胜', rule: 'people' },
      { name: null, rule: 'none' },
      { name: null, rule: 'none' },
      { name: '外部客户', rule: 'people' },
    ]);
  });

  it('rule 5 asks each member spelling once: unnamed inviters and lookups keep case, skip external users', () => {
    const viewers = [
      member('v1', { invitorUserid: 'WangDeSheng' }),
      member('v2', { invitorUserid: 'wangdesheng' }),
      member('v3', { invitorUserid: 'WangDeSheng' }),
      member('v4', { invitorExternalUserid: 'wmNobody' }),
      member('v5'),
    ];
    const names = nameInviters(viewers, NO_SOURCES);
    expect(names[4]).toEqual({ name: null, rule: null });
    const unnamed = unnamedInviters(viewers, names);
    expect(unnamed).toEqual([
      { kind: 'internal', id: 'WangDeSheng' },
      { kind: 'internal', id: 'wangdesheng' },
      { kind: 'external', id: 'wmNobody' },
    ]);
    expect(memberLookups([...unnamed, { kind: 'internal', id: 'WangDeSheng' }])).toEqual([
      'WangDeSheng',
      'wangdesheng',
    ]);
    expect([48002, 48009, 60011].map(userGetOutcome)).toEqual(['denied', 'denied', 'denied']);
    expect([46004, 60111].map(userGetOutcome)).toEqual(['unknown', 'unknown']);
    expect([-1, 60020, 45009].map(userGetOutcome)).toEqual(['error', 'error', 'error']);
  });

  it('names the inviter from invitor_userid first, else invitor_external_userid; neither means no inviter', () => {
    expect(inviterOf({ invitorUserid: 'u1', invitorExternalUserid: 'wm1' })).toEqual({
      kind: 'internal',
      id: 'u1',
    });
    expect(inviterOf({ invitorUserid: null, invitorExternalUserid: 'wm1' })).toEqual({
      kind: 'external',
      id: 'wm1',
    });
    expect(inviterOf({ invitorUserid: null, invitorExternalUserid: null })).toBeNull();
  });

  it('at read time completes unnamed inviters from the cache as it is now, never a self-invite', () => {
    const fromUserGet = { name: '王德胜', source: 'user-get' };
    const fromSheet = { name: '王德胜', source: 'checkin' };
    expect(inviterAsRead({ name: null, rule: 'none' }, fromUserGet)).toEqual({
      name: '王德胜',
      rule: 'user-get',
    });
    expect(inviterAsRead({ name: null, rule: 'none' }, fromSheet)).toEqual({
      name: '王德胜',
      rule: 'people',
    });
    expect(inviterAsRead({ name: null, rule: 'none' }, { name: '', source: 'user-get' })).toEqual({
      name: null,
      rule: 'none',
    });
    expect(inviterAsRead({ name: null, rule: 'none' }, null)).toEqual({ name: null, rule: 'none' });
    // A rule-4 name that user/get gave reads as rule 5; a different cached name leaves it alone.
    expect(inviterAsRead({ name: '王德胜', rule: 'people' }, fromUserGet)).toEqual({
      name: '王德胜',
      rule: 'user-get',
    });
    expect(inviterAsRead({ name: '旧名', rule: 'people' }, fromUserGet)).toEqual({
      name: '旧名',
      rule: 'people',
    });
    // A self-invite stays unnamed even with a stored (older) name and a cached one.
    expect(inviterAsRead({ name: '本人姓名', rule: 'self' }, fromUserGet)).toEqual({
      name: null,
      rule: 'self',
    });
    expect(inviterAsRead({ name: '主播', rule: 'anchor' }, fromUserGet)).toEqual({
      name: '主播',
      rule: 'anchor',
    });
  });

  it('shows 「本人（自行进入）」 for a self-invite, the name else the id, and why a non-promotion live has none', () => {
    const viewer = (
      inviterName: string | null,
      inviterRule: InviterRule | null,
      userid: string | null = 'u1',
    ) => ({
      invitorUserid: userid,
      invitorExternalUserid: null,
      inviterName,
      inviterRule,
    });
    expect(inviterText(viewer(null, 'self'), true)).toBe(SELF_INVITE_TEXT);
    expect(SELF_INVITE_TEXT).toBe('本人（自行进入）');
    expect(inviterText(viewer('王德胜', 'user-get'), true)).toBe('王德胜');
    expect(inviterText(viewer('', 'user-get'), true)).toBe('u1');
    expect(inviterText(viewer(null, 'none'), true)).toBe('u1');
    expect(inviterText(viewer(null, null, null), true)).toBe('');
    expect(inviterText(viewer('王德胜', 'viewer'), false)).toBe(NO_INVITER_TEXT);
    expect(invitedByOther(viewer(null, 'self'))).toBeFalse();
    expect(invitedByOther(viewer(null, 'none'))).toBeTrue();
    expect(invitedByOther(viewer(null, null, null))).toBeFalse();
  });
});

describe('R4.6 inviter naming in SQL (SQLite)', () => {
  let db: Knex;

  interface Row {
    id: number;
    invitor_userid: string | null;
    invitor_external_userid: string | null;
    inviter_name: string | null;
    inviter_rule: InviterRule | null;
  }

  // Stored viewers as the merge leaves them, messy on purpose; the cache as people and sheets filled it.
  const ROWS: Row[] = [
    {
      id: 1,
      invitor_userid: 'WangDeSheng',
      invitor_external_userid: null,
      inviter_name: null,
      inviter_rule: 'none',
    },
    {
      id: 2,
      invitor_userid: 'wangdesheng',
      invitor_external_userid: null,
      inviter_name: null,
      inviter_rule: 'none',
    },
    {
      id: 3,
      invitor_userid: 'WangDeSheng',
      invitor_external_userid: null,
      inviter_name: '王德胜',
      inviter_rule: 'people',
    },
    {
      id: 4,
      invitor_userid: 'ZhangSan',
      invitor_external_userid: null,
      inviter_name: '张三',
      inviter_rule: 'self',
    },
    { id: 5, invitor_userid: null, invitor_external_userid: 'wmA', inviter_name: null, inviter_rule: 'none' },
    {
      id: 6,
      invitor_userid: null,
      invitor_external_userid: 'wmB',
      inviter_name: '',
      inviter_rule: 'watch-stat',
    },
    { id: 7, invitor_userid: null, invitor_external_userid: null, inviter_name: null, inviter_rule: null },
    {
      id: 8,
      invitor_userid: 'Denied',
      invitor_external_userid: null,
      inviter_name: null,
      inviter_rule: 'none',
    },
    // Rows an older version stored with ids but no rule.
    {
      id: 9,
      invitor_userid: 'wangdesheng',
      invitor_external_userid: null,
      inviter_name: null,
      inviter_rule: null,
    },
    {
      id: 10,
      invitor_userid: 'Anchor',
      invitor_external_userid: 'wmA',
      inviter_name: '主播',
      inviter_rule: 'anchor',
    },
  ];
  const PEOPLE = [
    { person_kind: 'internal', person_id: 'WangDeSheng', name: '王德胜', source: 'user-get' },
    { person_kind: 'internal', person_id: 'wangdesheng', name: '王德胜（表）', source: 'checkin' },
    { person_kind: 'internal', person_id: 'ZhangSan', name: '张三', source: 'user-get' },
    { person_kind: 'internal', person_id: 'Denied', name: '', source: 'user-get' },
    { person_kind: 'external', person_id: 'wmA', name: '客户甲', source: 'watch-stat' },
    { person_kind: 'internal', person_id: 'wmA', name: '不是这个人', source: 'user-get' },
  ];

  beforeAll(async () => {
    db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('viewers', (t) => {
      t.integer('id').primary();
      t.string('invitor_userid').nullable();
      t.string('invitor_external_userid').nullable();
      t.string('inviter_name').nullable();
      t.string('inviter_rule').nullable();
    });
    await db.schema.createTable('people', (t) => {
      t.string('person_kind');
      t.string('person_id');
      t.string('name');
      t.string('source');
      t.primary(['person_kind', 'person_id']);
    });
    await db('viewers').insert(ROWS);
    await db('people').insert(PEOPLE);
  });
  afterAll(() => db.destroy());

  const joined = (alias: string) =>
    db(`viewers as ${alias}`)
      .leftJoin('people as pi', (join) =>
        join.on('pi.person_kind', db.raw('?', ['internal'])).andOn('pi.person_id', `${alias}.invitor_userid`),
      )
      .leftJoin('people as pe', (join) =>
        join
          .on('pe.person_kind', db.raw('?', ['external']))
          .andOn('pe.person_id', `${alias}.invitor_external_userid`),
      )
      .orderBy(`${alias}.id`);

  const asRead = (row: Row) => {
    const cached = PEOPLE.find((person) =>
      row.invitor_userid !== null
        ? person.person_kind === 'internal' && person.person_id === row.invitor_userid
        : person.person_kind === 'external' && person.person_id === row.invitor_external_userid,
    );
    return inviterAsRead(
      { name: row.inviter_name, rule: row.inviter_rule },
      cached === undefined ? null : { name: cached.name, source: cached.source },
    );
  };

  it('reads the same cached name, source, searchable name and invitation flag as the TypeScript rules', async () => {
    const aliases = { v: 'v', members: 'pi', externals: 'pe' };
    const rows = (await joined('v').select(
      'v.*',
      db.raw(`${cachedInviterSql(aliases, 'name')} as cached_name`),
      db.raw(`${cachedInviterSql(aliases, 'source')} as cached_source`),
      db.raw(`${inviterNameSql(aliases)} as shown_name`),
      db.raw(`${invitedByOtherSql('v')} as invited`),
    )) as Array<
      Row & { cached_name: string | null; cached_source: string | null; shown_name: string; invited: number }
    >;
    expect(rows.length).toBe(ROWS.length);
    for (const row of rows) {
      const read = asRead(row);
      const sqlRead = inviterAsRead(
        { name: row.inviter_name, rule: row.inviter_rule },
        { name: row.cached_name, source: row.cached_source },
      );
      expect(sqlRead).withContext(`row ${row.id}`).toEqual(read);
      expect(row.shown_name)
        .withContext(`row ${row.id}`)
        .toBe(read.name ?? '');
      const invited = invitedByOther({
        invitorUserid: row.invitor_userid,
        invitorExternalUserid: row.invitor_external_userid,
        inviterName: row.inviter_name,
        inviterRule: row.inviter_rule,
      });
      expect(row.invited === 1)
        .withContext(`row ${row.id}`)
        .toBe(invited);
    }
    // Spot checks of the messy rows: exact spellings, self-invites, an empty cached name.
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(1)?.shown_name).toBe('王德胜');
    expect(byId.get(2)?.shown_name).toBe('王德胜（表）');
    expect(byId.get(4)?.shown_name).toBe('');
    expect(byId.get(8)?.shown_name).toBe('');
    expect(byId.get(10)?.shown_name).toBe('主播');
  });

  it('labels invitations by somebody else as the detail shows the inviter', async () => {
    const rows = (await joined('g')
      .whereRaw(invitedByOtherSql('g'))
      .select(
        'g.*',
        db.raw(`${inviterLabelSql({ v: 'g', members: 'pi', externals: 'pe' })} as label`),
      )) as Array<Row & { label: string }>;
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 5, 6, 8, 9, 10]);
    for (const row of rows) {
      const read = asRead(row);
      const shown = inviterText(
        {
          invitorUserid: row.invitor_userid,
          invitorExternalUserid: row.invitor_external_userid,
          inviterName: read.name,
          inviterRule: read.rule,
        },
        true,
      );
      expect(row.label).withContext(`row ${row.id}`).toBe(shown);
    }
  });
});
