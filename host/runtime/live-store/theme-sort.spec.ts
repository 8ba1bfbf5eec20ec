// The list sorted by 主题 on a real SQLite file: pinyin order across pages whichever way a theme was
// written (a pull, a live created here, a living/modify), and lives stored before migration 011 keyed
// by its backfill.
import type { Knex } from 'knex';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { openCorpDatabase } from '../../../tests/support/live-store-db.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { LiveStoreService } from './live-store.js';

const CORP = 'corp-a';

describe('the live list sorted by theme (SQLite file)', () => {
  const dirs: string[] = [];
  const dbs: Knex[] = [];

  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.destroy()));
    for (const dir of dirs.splice(0)) removeDir(dir);
  });

  /** Every page of 2 in the theme order asked for. */
  async function themes(store: LiveStoreService, direction: 'asc' | 'desc'): Promise<string[]> {
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const found = await store.list(CORP, { page, pageSize: 2, sort: { field: 'theme', direction } });
      seen.push(...found.rows.map((live) => live.theme));
      if (found.rows.length < 2) return seen;
    }
  }

  it('orders themes by pinyin across pages, however they were written', async () => {
    const dir = tempDataDir('theme-sort');
    dirs.push(dir);
    const db = await openCorpDatabase(dir, CORP);
    dbs.push(db);
    const store = new LiveStoreService(db, { now: () => 1_741_800_000_000 });
    const pulled = ['张三讲产品', '重庆分公司年会', 'Zoom 使用培训', '10号新品直播', '2号新品直播'];
    for (const [index, theme] of pulled.entries()) {
      await store.mergeLivingInfo(CORP, `lv-pulled-${index}`, {
        theme,
        anchor_userid: 'zhangsan',
        status: 2,
        type: 4,
      });
    }
    await store.recordCreated(CORP, {
      livingid: 'lv-ours',
      anchorUserid: 'lisi',
      theme: '李四讲销售',
      livingStart: 1_741_900_000,
      livingDuration: 3600,
      type: 3,
      creatorUserid: 'lisi',
    });
    await store.recordCreated(CORP, {
      livingid: 'lv-renamed',
      anchorUserid: 'lisi',
      theme: '最后一场',
      livingStart: 1_741_900_000,
      livingDuration: 3600,
      type: 3,
      creatorUserid: 'lisi',
    });
    await store.recordModified(CORP, 'lv-renamed', { theme: '安全培训' });
    // A pull that renames a live moves it too.
    await store.mergeLivingInfo(CORP, 'lv-pulled-0', {
      theme: '阿里云合作',
      anchor_userid: 'zhangsan',
      status: 2,
      type: 4,
    });
    const expected = [
      '2号新品直播',
      '10号新品直播',
      '阿里云合作',
      '安全培训',
      '重庆分公司年会',
      '李四讲销售',
      'Zoom 使用培训',
    ];
    expect(await themes(store, 'asc')).toEqual(expected);
    expect(await themes(store, 'desc')).toEqual([...expected].reverse());
  });

  it('keys the lives stored before the theme sort existed', async () => {
    const dir = tempDataDir('theme-sort-backfill');
    dirs.push(dir);
    const before = HOST_MIGRATIONS.findIndex((entry) => entry.name === '011-theme-sort');
    const db = await openCorpDatabase(dir, CORP, HOST_MIGRATIONS.slice(0, before));
    dbs.push(db);
    const stored = ['赵六答疑', '北京年会', 'apple 发布会', '王五培训'];
    await db('lives').insert(
      stored.map((theme, index) => ({
        corp_id: CORP,
        livingid: `lv-old-${index}`,
        theme,
        created_at: 0,
        updated_at: 0,
      })),
    );
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    const store = new LiveStoreService(db, { now: () => 0 });
    expect(await themes(store, 'asc')).toEqual(['北京年会', '王五培训', '赵六答疑', 'apple 发布会']);
  });
});
