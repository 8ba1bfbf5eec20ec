import type { Knex } from 'knex';

/**
 * Report plugins (docs/report-plugins.md): version 1 of the read views a report's queries may name, and
 * `report_states`, the content hash root-admin enabled per report. Every view carries `corp_id`; the
 * report runner shadows each view per run with a TEMP view of the caller's corp only
 * (host/runtime/reports/report-query-worker.ts), so a report never sees another corp's rows. The views
 * expose no Secret, token, hash or raw WeCom answer. Released views never change: a change of shape is
 * a new version (`report_v2_*`) beside the old one. Times are Unix seconds, durations seconds.
 */
export const REPORT_VIEWS_V1: Record<string, string> = {
  report_v1_lives: `
    select l.id as live_id, l.corp_id, l.livingid, l.theme, l.description, l.status,
      l.anchor_userid,
      coalesce(nullif(l.anchor_name, ''), nullif(ap.name, '')) as anchor_name,
      l.reserve_start, l.reserve_duration, l.actual_start, l.actual_duration,
      coalesce(l.actual_start, l.reserve_start) as start_at,
      coalesce(l.actual_duration, l.reserve_duration) as duration_seconds,
      l.viewer_num, l.comment_num, l.mic_num, l.subscribe_count,
      pk.peak_online, pk.peak_online_at,
      (select count(*) from live_viewers v where v.live_id = l.id) as viewers_stored,
      (select count(*) from live_checkin_rounds r where r.live_id = l.id) as checkin_rounds,
      l.created_by_us, l.creator_userid
    from lives l
    left join live_online_peaks pk on pk.live_id = l.id
    left join live_people ap on ap.corp_id = l.corp_id and ap.person_kind = 'internal'
      and ap.person_id = l.anchor_userid`,
  report_v1_viewers: `
    select v.id as viewer_row_id, v.live_id, l.corp_id, l.livingid, l.theme,
      coalesce(l.actual_start, l.reserve_start) as live_start_at,
      v.viewer_kind, v.viewer_id,
      coalesce(nullif(v.name, ''), vp.name, '') as name,
      case when v.viewer_kind = 'internal' then 'member'
        when v.external_type = 1 then 'wechat' else 'corp' end as viewer_type,
      v.watch_time as watch_seconds, v.is_comment, v.is_mic,
      case when v.inviter_rule = 'self' then 1 else 0 end as self_invited,
      case when v.inviter_rule = 'self' then null
        when v.invitor_userid is not null then 'internal'
        when v.invitor_external_userid is not null then 'external' end as inviter_kind,
      case when v.inviter_rule = 'self' then null
        else coalesce(v.invitor_userid, v.invitor_external_userid) end as inviter_id,
      case when v.inviter_rule = 'self' then null
        else coalesce(nullif(v.inviter_name, ''),
          nullif(case when v.invitor_userid is not null then pi.name else pe.name end, '')) end as inviter_name,
      (select count(distinct r.round_id) from live_checkin_records r
        join live_checkin_rounds cr on cr.id = r.round_id
        where cr.live_id = v.live_id and r.match_state = 'matched'
          and r.viewer_kind = v.viewer_kind and r.viewer_id = v.viewer_id) as checkin_count,
      case when exists (select 1 from live_checkin_records r
        join live_checkin_rounds cr on cr.id = r.round_id
        where cr.live_id = v.live_id and r.match_state = 'matched'
          and r.viewer_kind = v.viewer_kind and r.viewer_id = v.viewer_id) then 1 else 0 end as checked_in
    from live_viewers v
    join lives l on l.id = v.live_id
    left join live_people vp on vp.corp_id = l.corp_id and vp.person_kind = v.viewer_kind
      and vp.person_id = v.viewer_id
    left join live_people pi on pi.corp_id = l.corp_id and pi.person_kind = 'internal'
      and pi.person_id = v.invitor_userid
    left join live_people pe on pe.corp_id = l.corp_id and pe.person_kind = 'external'
      and pe.person_id = v.invitor_external_userid`,
  report_v1_checkin_rounds: `
    select cr.id as round_id, cr.live_id, l.corp_id, l.livingid, cr.round_no, cr.title,
      cr.started_at, cr.reported_count,
      (select count(*) from live_checkin_records r where r.round_id = cr.id) as records,
      (select count(*) from live_checkin_records r where r.round_id = cr.id
        and r.match_state = 'matched') as matched
    from live_checkin_rounds cr
    join lives l on l.id = cr.live_id`,
  report_v1_checkin_records: `
    select r.id as record_id, r.round_id, cr.live_id, l.corp_id, l.livingid, cr.round_no, r.row_no,
      r.member_label, r.department, r.match_state, r.viewer_kind, r.viewer_id,
      coalesce(r.checked_at, cr.started_at) as checked_at
    from live_checkin_records r
    join live_checkin_rounds cr on cr.id = r.round_id
    join lives l on l.id = cr.live_id`,
  report_v1_inviters: `
    select l.corp_id, v.live_id, l.livingid, l.theme,
      coalesce(l.actual_start, l.reserve_start) as live_start_at,
      case when v.invitor_userid is not null then 'internal' else 'external' end as inviter_kind,
      coalesce(v.invitor_userid, v.invitor_external_userid) as inviter_id,
      max(coalesce(nullif(v.inviter_name, ''),
        nullif(case when v.invitor_userid is not null then pi.name else pe.name end, ''))) as inviter_name,
      count(*) as invited,
      sum(v.watch_time) as watch_seconds,
      sum(case when exists (select 1 from live_checkin_records r
        join live_checkin_rounds cr on cr.id = r.round_id
        where cr.live_id = v.live_id and r.match_state = 'matched'
          and r.viewer_kind = v.viewer_kind and r.viewer_id = v.viewer_id) then 1 else 0 end) as checked_in
    from live_viewers v
    join lives l on l.id = v.live_id
    left join live_people pi on pi.corp_id = l.corp_id and pi.person_kind = 'internal'
      and pi.person_id = v.invitor_userid
    left join live_people pe on pe.corp_id = l.corp_id and pe.person_kind = 'external'
      and pe.person_id = v.invitor_external_userid
    where (v.invitor_userid is not null or v.invitor_external_userid is not null)
      and coalesce(v.inviter_rule, '') <> 'self'
    group by l.corp_id, v.live_id, inviter_kind, inviter_id`,
  report_v1_members: `
    select corp_id, person_kind, person_id, name, source, updated_at / 1000 as updated_at
    from live_people`,
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_states', (t) => {
    t.string('report_id', 64).primary();
    // sha256 of report.json as root-admin enabled it; null: disabled.
    t.string('enabled_hash', 64).nullable();
    t.bigInteger('updated_at').notNullable();
    t.string('updated_by', 128).nullable();
  });
  for (const [name, select] of Object.entries(REPORT_VIEWS_V1)) {
    await knex.raw(`create view ${name} as ${select}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const name of Object.keys(REPORT_VIEWS_V1).reverse()) await knex.raw(`drop view if exists ${name}`);
  await knex.schema.dropTableIfExists('report_states');
}
