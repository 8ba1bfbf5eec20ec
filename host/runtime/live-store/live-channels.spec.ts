// `lives.pick` on a real runtime with two corps: each corp sees only its own lives, found by theme,
// livingid or anchor, newest first, at most `limit`.
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import { CorpStore } from '../accounts/corp-store.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { LiveStoreService } from './live-store.js';

describe('lives.pick', () => {
  let dir: string;
  let runtime: HostRuntime;
  let userA: string;
  let userB: string;

  const pick = (input: unknown, session: string | null): Promise<RpcResult> =>
    runtime.router.dispatch('lives.pick', input, session);
  const ids = async (input: unknown, session: string): Promise<string[]> =>
    dataOf<LiveOption[]>(await pick(input, session)).map((live) => live.livingid);

  beforeAll(async () => {
    dir = tempDataDir('lives-pick');
    runtime = await startRuntime(dir, { pluginDirs: [] });
    const corps = runtime.container.resolve(CorpStore);
    const save = (name: string) =>
      corps.save(
        {
          corpname: name,
          corpid: `ww${name}${Date.now()}`,
          corpsecret: 'TestSecret_0123456789abcdef',
          agentid: 1000002,
        },
        '测试应用',
      );
    const a = await save('甲公司');
    const b = await save('乙公司');
    const store = runtime.container.resolve(LiveStoreService);
    const live = (
      corpId: string,
      livingid: string,
      theme: string,
      start: number,
      anchor: string,
      name: string,
    ) =>
      store.recordCreated(corpId, {
        livingid,
        anchorUserid: anchor,
        anchorName: name,
        theme,
        livingStart: start,
        livingDuration: 3600,
        type: 0,
        description: '',
        creatorUserid: anchor,
      });
    await live(a.corpId, 'lv-a1', '新品发布会', 1_741_800_000, 'WangDeSheng', '王德胜');
    await live(a.corpId, 'lv-a2', '季度复盘', 1_741_900_000, 'LiSi', '李四');
    await live(a.corpId, 'lv-a3', '新品答疑', 1_742_000_000, 'LiSi', '李四');
    // Corp B has a live of the same theme and a livingid that only differs in its corp.
    await live(b.corpId, 'lv-b1', '新品发布会', 1_742_100_000, 'ZhaoLiu', '赵六');
    userA = await sessionFor(runtime, 'user', 'usera', a.corpId);
    userB = await sessionFor(runtime, 'wecom-admin', 'adminb', b.corpId);
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dir);
  });

  it('answers only the caller corp’s lives, newest first, with theme, start, status and anchor', async () => {
    const lives = dataOf<LiveOption[]>(await pick({}, userA));
    expect(lives.map((live) => live.livingid)).toEqual(['lv-a3', 'lv-a2', 'lv-a1']);
    expect(lives[0]).toEqual({
      livingid: 'lv-a3',
      theme: '新品答疑',
      start: 1_742_000_000,
      status: 0,
      anchorUserid: 'LiSi',
      anchorName: '李四',
    });
    expect(await ids({}, userB)).toEqual(['lv-b1']);
  });

  it('finds by theme, livingid, anchor userid or anchor name, within the corp', async () => {
    expect(await ids({ keyword: '新品' }, userA)).toEqual(['lv-a3', 'lv-a1']);
    expect(await ids({ keyword: '新品' }, userB)).toEqual(['lv-b1']);
    expect(await ids({ keyword: 'lv-a2' }, userA)).toEqual(['lv-a2']);
    expect(await ids({ keyword: 'lv-a2' }, userB)).toEqual([]);
    expect(await ids({ keyword: 'LiSi' }, userA)).toEqual(['lv-a3', 'lv-a2']);
    expect(await ids({ keyword: '王德胜' }, userA)).toEqual(['lv-a1']);
    expect(await ids({ keyword: '  ' }, userA)).toEqual(['lv-a3', 'lv-a2', 'lv-a1']);
  });

  it('answers at most `limit` lives and refuses a limit out of range with a Chinese message', async () => {
    expect(await ids({ limit: 2 }, userA)).toEqual(['lv-a3', 'lv-a2']);
    const tooMany = await pick({ limit: 51 }, userA);
    expect(tooMany.ok ? null : tooMany.error.code).toBe('INVALID_INPUT');
    expect(tooMany.ok ? '' : tooMany.error.message).toContain('条数最多 50');
  });

  it('needs a corp session: anonymous and root-admin calls are refused', async () => {
    const anonymous = await pick({}, null);
    expect(anonymous.ok ? null : anonymous.error.code).toBe('UNAUTHENTICATED');
    const root = await pick({}, await sessionFor(runtime, 'root-admin'));
    expect(root.ok).toBeFalse();
  });
});
