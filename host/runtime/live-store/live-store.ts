import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type {
  CheckinCandidate,
  CheckinResolutionInput,
  CheckinRowRef,
  CheckinRoundInput,
  LiveCheckins,
  LiveCheckinTotals,
  LiveListQuery,
  LiveRecord,
  PageOf,
  UnmatchedCheckin,
  UnmatchedCheckinsQuery,
  ViewerKind,
  ViewerRecord,
} from '../../../sdk/contracts/lives.js';
import type {
  CreatedLive,
  LiveStore,
  MergeStatsResult,
  ModifiedLive,
  PulledLiveData,
} from '../../../sdk/main/live-store.js';
import type { LivingInfo, WatchStatPage } from '../../../sdk/wecom/models.js';
import {
  inviterOf,
  nameInviters,
  personKey,
  unnamedInviters,
} from '../../../sdk/contracts/inviter-naming.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, KNEX } from '../core/tokens.js';
import {
  readPeople,
  sameValue,
  upsertChangedPeople,
  upsertPeople,
  writeViewers,
  type Person,
  type ViewerWrite,
} from './batched-writes.js';
import { CheckinReads } from './checkins/checkin-reads.js';
import { replaceCheckins, resolveCheckin } from './checkins/checkin-writes.js';
import { applyLiveFilters, applyLiveSort, likePattern } from './live-list-query.js';
import { toLiveRecord, toViewerRecord, type LiveRow, type ViewerRow } from './live-rows.js';
import { livingInfoColumns } from './living-info-columns.js';
import { refreshOnlinePeak } from './online-peaks.js';
import { statViewers, type StatViewer } from './watch-stat-viewers.js';
import { themeSortKey, themeSortKeys } from './theme-sort-key.js';
import { viewerDetailPages, viewerDetails } from './viewer-checkins.js';
import { viewerProfileCounts } from './viewer-profile-counts.js';
import { membersToName } from './members-to-name.js';
import type { ViewerDetailsPage, ViewerProfileCounts } from '../../../sdk/contracts/lives.js';
import type { MembersToName, ViewerDetailsQuery, ViewerDetailStream } from '../../../sdk/main/live-store.js';

const LIVE_STATUS = 1;

/** The live store of docs/architecture.md "Live store" over the host database; `ctx.liveStore` for plugins. */
@injectable()
export class LiveStoreService implements LiveStore {
  /** Every check-in read (checkins/checkin-reads.ts), with the figures it keeps per import. */
  private readonly checkinReads: CheckinReads;

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    this.checkinReads = new CheckinReads(db);
  }

  async recordCreated(corpId: string, live: CreatedLive): Promise<LiveRecord> {
    const now = this.clock.now();
    const themeSort = await themeSortKey(live.theme);
    await this.db.transaction(async (trx) => {
      const columns = {
        theme: live.theme,
        theme_sort: themeSort,
        description: live.description ?? '',
        type: live.type,
        status: 0,
        anchor_userid: live.anchorUserid,
        anchor_name: emptyToNull(live.anchorName),
        reserve_start: live.livingStart,
        reserve_duration: live.livingDuration,
        remind_time: live.remindTime ?? null,
        created_by_us: true,
        creator_userid: live.creatorUserid,
      };
      // A reconciled create may find a live a pull already stored: it becomes ours, its data stays.
      await trx('lives')
        .insert({ corp_id: corpId, livingid: live.livingid, created_at: now, updated_at: now, ...columns })
        .onConflict(['corp_id', 'livingid'])
        .merge({
          anchor_name: columns.anchor_name,
          remind_time: columns.remind_time,
          created_by_us: true,
          creator_userid: live.creatorUserid,
          updated_at: now,
        });
      if (columns.anchor_name !== null) {
        await upsertPeople(
          trx,
          corpId,
          [{ kind: 'internal', id: live.anchorUserid, name: columns.anchor_name, source: 'anchor' }],
          now,
        );
      }
    });
    return this.require(corpId, live.livingid);
  }

  async recordModified(corpId: string, livingid: string, change: ModifiedLive): Promise<LiveRecord> {
    const columns: Record<string, unknown> = {
      theme: change.theme,
      theme_sort: change.theme === undefined ? undefined : await themeSortKey(change.theme),
      reserve_start: change.livingStart,
      reserve_duration: change.livingDuration,
      type: change.type,
      description: change.description,
      remind_time: change.remindTime,
      anchor_name: change.anchorName === undefined ? undefined : emptyToNull(change.anchorName),
    };
    const defined = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
    const updated = await this.db('lives')
      .where({ corp_id: corpId, livingid })
      .update({ ...defined, updated_at: this.clock.now() });
    if (updated === 0) throw notFound(livingid);
    return this.require(corpId, livingid);
  }

  async mergeLivingInfo(corpId: string, livingid: string, info: LivingInfo): Promise<LiveRecord> {
    const now = this.clock.now();
    const themeSort = info.theme === undefined ? undefined : await themeSortKey(info.theme);
    await this.db.transaction((trx) => this.livingInfoIn(trx, corpId, livingid, info, themeSort, now));
    return this.require(corpId, livingid);
  }

  async mergeLives(
    corpId: string,
    lives: readonly PulledLiveData[],
  ): Promise<Array<MergeStatsResult | null>> {
    const now = this.clock.now();
    // The viewers and the theme keys are worked out before the transaction, as mergeWatchStats does.
    const themeSorts = await themeSortKeys(lives.map((live) => live.info.theme ?? ''));
    const prepared = lives.map((live, index) => ({
      ...live,
      viewers: live.pages === null ? null : statViewers(live.pages),
      themeSort: live.info.theme === undefined ? undefined : themeSorts[index],
    }));
    return this.db.transaction(async (trx) => {
      const results: Array<MergeStatsResult | null> = [];
      for (const live of prepared) {
        await this.livingInfoIn(trx, corpId, live.livingid, live.info, live.themeSort, now);
        results.push(
          live.viewers === null
            ? null
            : await this.watchStatsIn(trx, corpId, live.livingid, live.viewers, now),
        );
      }
      return results;
    });
  }

  /** mergeLivingInfo's writes, inside the caller's transaction; `themeSort` is the theme's key, if any. */
  private async livingInfoIn(
    trx: Knex.Transaction,
    corpId: string,
    livingid: string,
    info: LivingInfo,
    themeSort: string | undefined,
    now: number,
  ): Promise<void> {
    const columns = livingInfoColumns(info);
    if (themeSort !== undefined) columns['theme_sort'] = themeSort;
    await trx('lives')
      .insert({ corp_id: corpId, livingid, created_at: now, updated_at: now })
      .onConflict(['corp_id', 'livingid'])
      .ignore();
    const row = (await trx('lives').where({ corp_id: corpId, livingid }).first()) as LiveRow;
    const changed = Object.fromEntries(
      Object.entries(columns).filter(([column, value]) => !sameValue(row[column as keyof LiveRow], value)),
    );
    const touched = Object.keys(changed).length > 0;
    await trx('lives')
      .where({ id: row.id })
      .update({ ...changed, ...(touched ? { updated_at: now } : {}), last_synced_at: now });
    if (info.status === LIVE_STATUS && info.online_count !== undefined) {
      await trx('live_online_snapshots')
        .insert({ live_id: row.id, sampled_at: now, online_count: info.online_count })
        .onConflict(['live_id', 'sampled_at'])
        .ignore();
      await refreshOnlinePeak(trx, row.id);
    }
  }

  async mergeWatchStats(
    corpId: string,
    livingid: string,
    pages: readonly WatchStatPage[],
  ): Promise<MergeStatsResult> {
    const now = this.clock.now();
    const viewers = statViewers(pages);
    return this.db.transaction((trx) => this.watchStatsIn(trx, corpId, livingid, viewers, now));
  }

  /** mergeWatchStats's writes, inside the caller's transaction. */
  private async watchStatsIn(
    trx: Knex.Transaction,
    corpId: string,
    livingid: string,
    viewers: readonly StatViewer[],
    now: number,
  ): Promise<MergeStatsResult> {
    const live = (await trx('lives').where({ corp_id: corpId, livingid }).first()) as LiveRow | undefined;
    if (live === undefined) throw notFound(livingid);
    const learnt: Person[] = viewers
      .filter((viewer) => viewer.name !== '')
      .map((viewer) => ({ kind: viewer.kind, id: viewer.id, name: viewer.name, source: 'watch-stat' }));
    const inviters = viewers.map(inviterOf).filter((inviter) => inviter !== null);
    // The names this pull learnt are written where they differ from the cache; the cache is read only
    // for inviters this pull does not name itself.
    await upsertChangedPeople(trx, corpId, learnt, now);
    const learntNames = new Map(learnt.map((person) => [personKey(person.kind, person.id), person.name]));
    const cached = await readPeople(
      trx,
      corpId,
      inviters.filter((inviter) => !learntNames.has(personKey(inviter.kind, inviter.id))),
    );
    // The inviters' names as the cache holds them now: names learnt from this pull first, so rule 4
    // (sdk/contracts/inviter-naming.ts) sees them too.
    const known = new Map<string, string>();
    for (const inviter of inviters) {
      const key = personKey(inviter.kind, inviter.id);
      const name = learntNames.get(key) ?? cached.get(key)?.name;
      if (name !== undefined) known.set(key, name);
    }
    const names = nameInviters(viewers, {
      anchorUserid: live.anchor_userid,
      anchorName: live.anchor_name,
      known,
    });
    const rows: ViewerWrite[] = viewers.map((viewer, index) => ({
      viewer_kind: viewer.kind,
      viewer_id: viewer.id,
      external_type: viewer.externalType,
      name: viewer.name !== '' ? viewer.name : (known.get(personKey(viewer.kind, viewer.id)) ?? ''),
      watch_time: viewer.watchTime,
      is_comment: viewer.isComment,
      is_mic: viewer.isMic,
      invitor_userid: viewer.invitorUserid,
      invitor_external_userid: viewer.invitorExternalUserid,
      inviter_name: names[index]?.name ?? null,
      inviter_rule: names[index]?.rule ?? null,
      raw: viewer.raw,
    }));
    await writeViewers(trx, live.id, rows, now);
    await trx('lives').where({ id: live.id }).update({ stats_synced_at: now });
    return { viewers: rows.length, unnamedInviters: unnamedInviters(viewers, names) };
  }

  async addOnlineSnapshot(
    corpId: string,
    livingid: string,
    onlineCount: number,
    sampledAt = this.clock.now(),
  ): Promise<void> {
    const live = (await this.db('lives').where({ corp_id: corpId, livingid }).first('id')) as
      { id: number } | undefined;
    if (live === undefined) throw notFound(livingid);
    await this.db.transaction(async (trx) => {
      await trx('live_online_snapshots')
        .insert({ live_id: live.id, sampled_at: sampledAt, online_count: onlineCount })
        .onConflict(['live_id', 'sampled_at'])
        .merge(['online_count']);
      await refreshOnlinePeak(trx, live.id);
    });
  }

  async rememberName(
    corpId: string,
    person: { kind: ViewerKind; id: string; name: string; source: string },
  ): Promise<void> {
    await upsertPeople(this.db, corpId, [person], this.clock.now());
  }

  async get(corpId: string, livingid: string): Promise<LiveRecord | undefined> {
    const row = (await this.selectLives()
      .where({ 'lives.corp_id': corpId, 'lives.livingid': livingid })
      .first()) as LiveRow | undefined;
    return row === undefined ? undefined : toLiveRecord(row);
  }

  async list(corpId: string, query: LiveListQuery): Promise<PageOf<LiveRecord>> {
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize)), 500);
    const page = Math.max(1, Math.floor(query.page));
    const counted = this.db('lives');
    applyLiveFilters(counted, corpId, query);
    const total = (await counted.count({ n: '*' }).first()) as { n: number | string };
    const rows = this.selectLives();
    applyLiveFilters(rows, corpId, query);
    applyLiveSort(rows, query);
    const found = (await rows.limit(pageSize).offset((page - 1) * pageSize)) as LiveRow[];
    return { rows: found.map(toLiveRecord), total: Number(total.n) };
  }

  async viewers(
    corpId: string,
    livingid: string,
    query: { keyword?: string; page: number; pageSize: number },
  ): Promise<PageOf<ViewerRecord>> {
    const live = (await this.db('lives').where({ corp_id: corpId, livingid }).first('id')) as
      { id: number } | undefined;
    if (live === undefined) throw notFound(livingid);
    const filtered = (): Knex.QueryBuilder => {
      const builder = this.db('live_viewers').where('live_id', live.id);
      const keyword = query.keyword?.trim() ?? '';
      if (keyword !== '') {
        const pattern = likePattern(keyword.toLowerCase());
        builder.where((inner) =>
          inner
            .orWhereRaw(`name like ? escape '\\'`, [pattern])
            .orWhereRaw(`viewer_id like ? escape '\\'`, [pattern]),
        );
      }
      return builder;
    };
    const total = (await filtered().count({ n: '*' }).first()) as { n: number | string };
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize)), 500);
    const rows = (await filtered()
      .orderBy([
        { column: 'watch_time', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(pageSize)
      .offset((Math.max(1, Math.floor(query.page)) - 1) * pageSize)) as ViewerRow[];
    return { rows: rows.map(toViewerRecord), total: Number(total.n) };
  }

  checkinTotals(corpId: string, livingids: readonly string[]): Promise<Record<string, LiveCheckinTotals>> {
    return this.checkinReads.totals(corpId, livingids);
  }

  private async require(corpId: string, livingid: string): Promise<LiveRecord> {
    const live = await this.get(corpId, livingid);
    if (live === undefined) throw notFound(livingid);
    return live;
  }

  /**
   * `lives` with the peak of its online samples (max; the earliest sample that reached it; how many
   * samples): one primary-key join on the rollup the sample writes keep (migration 005), never an
   * aggregate over the samples of every live; and the anchor's cached name, another primary-key join.
   */
  private selectLives(): Knex.QueryBuilder {
    return (
      this.db('lives')
        .leftJoin('live_online_peaks as pk', 'pk.live_id', 'lives.id')
        // The anchor's name as the cache knows it (exact userid, on live_people's primary key): a live not
        // created here has no typed anchor name, yet user/get or a pull may have named its anchor.
        .leftJoin('live_people as ap', (join) =>
          join
            .on('ap.corp_id', 'lives.corp_id')
            .andOn('ap.person_kind', this.db.raw('?', ['internal']))
            .andOn('ap.person_id', 'lives.anchor_userid'),
        )
        .select(
          'lives.*',
          'pk.peak_online as peak_online',
          'pk.peak_online_at as peak_online_at',
          'pk.samples as peak_online_samples',
          'ap.name as cached_anchor_name',
        )
    );
  }

  replaceCheckins(
    corpId: string,
    livingid: string,
    rounds: readonly CheckinRoundInput[],
    sourceFile: string | null = null,
  ): Promise<{ rounds: number; records: number }> {
    return replaceCheckins(this.db, this.clock.now(), corpId, livingid, rounds, sourceFile);
  }

  checkins(corpId: string, livingid: string): Promise<LiveCheckins> {
    return this.checkinReads.checkins(corpId, livingid);
  }

  unmatchedCheckins(
    corpId: string,
    livingid: string,
    query: UnmatchedCheckinsQuery,
  ): Promise<PageOf<UnmatchedCheckin>> {
    return this.checkinReads.unmatched(corpId, livingid, query);
  }

  checkinCandidates(corpId: string, livingid: string, row: CheckinRowRef): Promise<CheckinCandidate[]> {
    return this.checkinReads.candidates(corpId, livingid, row);
  }

  /** The records change without new rounds: the live's cached check-in figures are dropped. */
  async resolveCheckin(
    corpId: string,
    livingid: string,
    resolution: CheckinResolutionInput,
    resolvedBy: string | null,
  ): Promise<CheckinCandidate> {
    const { liveId, viewer } = await resolveCheckin(
      this.db,
      this.clock.now(),
      corpId,
      livingid,
      resolution,
      resolvedBy,
    );
    this.checkinReads.forget(liveId);
    return viewer;
  }

  /** Viewers joined with check-ins (R5.2): a read-only query of its own file. */
  viewerDetails(corpId: string, livingid: string, query: ViewerDetailsQuery): Promise<ViewerDetailsPage> {
    return viewerDetails(this.db, this.checkinReads, corpId, livingid, query);
  }

  viewerDetailPages(corpId: string, livingid: string, pageSize?: number): Promise<ViewerDetailStream> {
    return viewerDetailPages(this.db, this.checkinReads, corpId, livingid, pageSize);
  }

  membersToName(
    corpId: string,
    livingid: string,
    query: { limit: number; askedBefore: number },
  ): Promise<MembersToName> {
    return membersToName(this.db, corpId, livingid, query);
  }

  /** The viewer profile's counts in SQL aggregates (the detail page's charts, the export's tables). */
  viewerProfileCounts(
    corpId: string,
    livingid: string,
    watchTimeBounds: readonly number[],
  ): Promise<ViewerProfileCounts> {
    return viewerProfileCounts(this.db, this.checkinReads, corpId, livingid, watchTimeBounds);
  }
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

function notFound(livingid: string): AppError {
  return new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
}
