// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { defineChannel, returns } from '../../../sdk/contracts/channel.js';
import { ExportSchema, QuerySchema, SyncSchema } from './input-schemas.js';
import type { JobStarted, LiveListPage } from './live-list-api.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

/** A page of the corp's lives from the local store (R4.1, R4.4): WeCom is asked only by `sync`. */
export const QUERY = defineChannel({
  name: 'live-list.query',
  input: QuerySchema,
  output: returns<LiveListPage>(),
  ...guard,
});

/** Starts the sync of a member's lives, viewers and inviters from WeCom. */
export const SYNC = defineChannel({
  name: 'live-list.sync',
  input: SyncSchema,
  output: returns<JobStarted>(),
  ...guard,
});

/**
 * Cancels a reserved live in WeCom. Declared in sdk/contracts because live-detail calls it too; this
 * plugin handles it.
 */
export { CANCEL_LIVE as CANCEL } from '../../../sdk/contracts/live-list-channels.js';

/** Starts the export of the filtered list to Excel. */
export const EXPORT = defineChannel({
  name: 'live-list.export',
  input: ExportSchema,
  output: returns<JobStarted>(),
  ...guard,
});
