import type { Knex } from 'knex';

/**
 * Self-invites (R4.6): a viewer WeCom records as their own inviter is marked `self` and loses any inviter
 * name an earlier version stored (the anchor's typed name, or a cached one: either is the viewer's own).
 * Members compare case-insensitively (`WangDeSheng` invited by `wangdesheng` is one person); external
 * ids exactly. A member inviter wins over an external one, as the merge reads them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('live_viewers')
    .where((self) =>
      self
        .where((member) =>
          member
            .where('viewer_kind', 'internal')
            .whereNotNull('invitor_userid')
            .whereRaw('lower(invitor_userid) = lower(viewer_id)'),
        )
        .orWhere((external) =>
          external
            .where('viewer_kind', 'external')
            .whereNull('invitor_userid')
            .whereRaw('invitor_external_userid = viewer_id'),
        ),
    )
    .update({ inviter_rule: 'self', inviter_name: null });
}

/** The rows stay as they are: the older code reads `self` as an unnamed inviter. */
export async function down(): Promise<void> {}
