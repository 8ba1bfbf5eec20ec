// Fills a product database with a big live store for the query benchmarks: plain multi-row inserts in
// batched transactions (the bench's own helper; the product never writes this way).
import Database from 'better-sqlite3';

const THEMES = [
  '产品发布会',
  '季度复盘',
  '新人培训',
  '客户答疑',
  '销售技巧',
  '安全生产',
  '年会彩排',
  '技术分享',
];
/** Lives per transaction (with their viewers). */
const LIVES_PER_BATCH = 50;

export interface SeedPlan {
  corpId: string;
  lives: number;
  viewersPerLive: number;
  anchors: number;
}

/** Writes `plan` into the SQLite file and answers a few real values to search for. */
export function seedLiveStore(file: string, plan: SeedPlan): { anchor: string; theme: string } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  const now = Date.now();
  const insertLive = db.prepare(
    `insert into lives (corp_id, livingid, theme, description, type, status, anchor_userid, reserve_start,
       reserve_duration, actual_start, actual_duration, viewer_num, comment_num, mic_num, online_count,
       created_by_us, created_at, updated_at, last_synced_at, stats_synced_at)
     values (?, ?, ?, '', ?, ?, ?, ?, 3600, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?)`,
  );
  const insertViewer = db.prepare(
    `insert into live_viewers (live_id, viewer_kind, viewer_id, external_type, name, watch_time, is_comment,
       is_mic, invitor_userid, invitor_external_userid, inviter_name, inviter_rule, raw, first_seen_at,
       last_synced_at)
     values (?, ?, ?, ?, ?, ?, 0, 0, ?, null, ?, ?, null, ?, ?)`,
  );
  const base = Math.floor(now / 1000) - plan.lives * 3600;
  const batch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const start = base + index * 3600;
      const ended = index % 10 !== 0;
      const anchor = `anchor${index % plan.anchors}`;
      const info = insertLive.run(
        plan.corpId,
        `lv${index.toString(36).padStart(8, '0')}`,
        `${THEMES[index % THEMES.length] ?? ''}-第${index}期`,
        index % 5,
        ended ? 2 : 0,
        anchor,
        start,
        ended ? start + 60 : null,
        ended ? 1800 + (index % 7) * 600 : null,
        plan.viewersPerLive,
        now,
        now,
        now,
        ended ? now : null,
      );
      const liveId = Number(info.lastInsertRowid);
      for (let viewer = 0; viewer < plan.viewersPerLive; viewer += 1) {
        const internal = viewer % 4 === 0;
        insertViewer.run(
          liveId,
          internal ? 'internal' : 'external',
          internal ? `user${viewer}` : `wm${index}x${viewer}`,
          internal ? null : 1 + (viewer % 2),
          internal ? '' : `客户${viewer}`,
          (viewer * 37) % 3600,
          viewer % 3 === 0 ? `user${viewer % 50}` : null,
          viewer % 3 === 0 ? `成员${viewer % 50}` : null,
          viewer % 3 === 0 ? 'people' : null,
          now,
          now,
        );
      }
    }
  });
  try {
    for (let from = 0; from < plan.lives; from += LIVES_PER_BATCH) {
      batch(from, Math.min(plan.lives, from + LIVES_PER_BATCH));
    }
    db.exec('analyze');
  } finally {
    db.close();
  }
  return { anchor: 'anchor3', theme: THEMES[2] ?? '' };
}
