// R4.6 rule 5 against the WeCom simulator (strict about userid spellings) and a real SQLite name cache.
import type { Knex } from 'knex';
import { MEMBER_NAMES_DENIED_NOTICE } from '../contracts/inviter-naming.js';
import type { PersonRef } from '../contracts/inviter-naming.js';
import { liveStoreOver, openCorpDatabase } from '../../tests/support/live-store-db.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import type { DataSummary } from '../wecom/testing/sim-fixture.js';
import { rejectionOf, startSimFixture, type SimFixture } from '../wecom/testing/sim-fixture.js';
import { resolveMemberNames } from './inviter-naming.js';
import type { LiveStore } from './live-store.js';

describe('resolveMemberNames (R4.6 rule 5, simulator and SQLite)', () => {
  let fx: SimFixture;
  let data: DataSummary;
  let dir: string;
  let db: Knex;
  let store: LiveStore;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 2, viewers: 5, members: 24 });
    data = await fx.client.data();
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    dir = tempDataDir('inviter-naming');
    db = await openCorpDatabase(dir);
    store = liveStoreOver(db);
  });
  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  const cache = async (): Promise<Record<string, string>> => {
    const rows = (await db('live_people')
      .where({ corp_id: 'corp-a' })
      .select('person_kind', 'person_id', 'name')) as Array<{
      person_kind: string;
      person_id: string;
      name: string;
    }>;
    return Object.fromEntries(rows.map((row) => [`${row.person_kind}:${row.person_id}`, row.name]));
  };

  it('asks each member spelling exactly as received, once, in lanes; refused and unknown members get empty names', async () => {
    const member = data.members.find((m) => !m.denied && m.userid !== m.userid.toLowerCase());
    const other = data.members.find((m) => !m.denied && m.userid !== member?.userid);
    if (member === undefined || other === undefined)
      throw new Error('the simulator has no mixed-case member');
    const denied = data.specials.deniedUserid;
    const people: PersonRef[] = [
      { kind: 'internal', id: member.userid },
      // The same member spelt in lower case: WeCom's strict spelling answers 60111, so nothing borrowed.
      { kind: 'internal', id: member.userid.toLowerCase() },
      { kind: 'internal', id: member.userid },
      { kind: 'internal', id: denied },
      { kind: 'internal', id: 'nobody-here' },
      { kind: 'internal', id: other.userid },
      // External users have no user/get.
      { kind: 'external', id: 'wmExternal' },
    ];
    await fx.client.admin('POST', 'counters/reset');
    const result = await resolveMemberNames(fx.gateway(), store, 'corp-a', people, { lanes: 3 });
    expect(result.denied).toBeTrue();
    expect([...result.named].sort()).toEqual([member.userid, other.userid].sort());
    const counters = await fx.client.admin<{ calls: Record<string, number> }>('GET', 'counters');
    expect(counters.calls['user/get']).toBe(5);
    expect(await cache()).toEqual({
      [`internal:${member.userid}`]: member.name,
      [`internal:${member.userid.toLowerCase()}`]: '',
      [`internal:${denied}`]: '',
      'internal:nobody-here': '',
      [`internal:${other.userid}`]: other.name,
    });
    expect(MEMBER_NAMES_DENIED_NOTICE).toContain('通讯录读取权限');
  });

  it('answers nothing denied when every member is named, and nothing at all for no members', async () => {
    const member = data.members.find((m) => !m.denied);
    const named = await resolveMemberNames(fx.gateway(), store, 'corp-a', [
      { kind: 'internal', id: member?.userid ?? '' },
    ]);
    expect(named).toEqual({ named: [member?.userid ?? ''], denied: false });
    const none = await resolveMemberNames(fx.gateway(), store, 'corp-a', [{ kind: 'external', id: 'wm1' }], {
      lanes: 4,
    });
    expect(none).toEqual({ named: [], denied: false });
  });

  it('stops every lane on an error that is not a refusal, and on the caller’s abort', async () => {
    const members = data.members.slice(0, 6).map((m): PersonRef => ({ kind: 'internal', id: m.userid }));
    const unreachable = fx.gateway({ baseUrl: 'http://127.0.0.1:9' });
    const error = (await rejectionOf(
      resolveMemberNames(unreachable, store, 'corp-a', members, { lanes: 3 }),
    )) as { code?: string };
    expect(error.code).toBe('WECOM_UNREACHABLE');
    expect(await cache()).toEqual({});
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    const aborted = (await rejectionOf(
      resolveMemberNames(fx.gateway(), store, 'corp-a', members, { lanes: 2, signal: stop.signal }),
    )) as Error;
    expect(aborted.message).toBe('stopped');
    expect(await cache()).toEqual({});
  });
});
