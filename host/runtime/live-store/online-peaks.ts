import type { Knex } from 'knex';

/**
 * Recomputes a live's row of `live_online_peaks` from its samples (an index range over one live, a few
 * hundred rows at most): the max, the earliest sample that reached it, and the number of samples. Called
 * in the transaction that wrote a sample, so the list never shows a peak its samples do not support.
 */
export async function refreshOnlinePeak(db: Knex | Knex.Transaction, liveId: number): Promise<void> {
  const totals = (await db('live_online_snapshots')
    .where('live_id', liveId)
    .max({ peak: 'online_count' })
    .count({ samples: '*' })
    .first()) as { peak: number | string | null; samples: number | string } | undefined;
  const samples = Number(totals?.samples ?? 0);
  if (totals === undefined || totals.peak === null || samples === 0) {
    await db('live_online_peaks').where('live_id', liveId).delete();
    return;
  }
  const peak = Number(totals.peak);
  const first = (await db('live_online_snapshots')
    .where({ live_id: liveId, online_count: peak })
    .min({ at: 'sampled_at' })
    .first()) as { at: number | string };
  await db('live_online_peaks')
    .insert({ live_id: liveId, peak_online: peak, peak_online_at: Number(first.at), samples })
    .onConflict('live_id')
    .merge(['peak_online', 'peak_online_at', 'samples']);
}
