// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { corpChannel, returns } from '../../../sdk/contracts/channel.js';
import { ExportSchema, QuerySchema, SyncSchema } from './input-schemas.js';
import type { JobStarted, LiveListPage } from './live-list-api.js';

/** A page of the corp's lives from the local store (R4.1, R4.4): WeCom is asked only by `sync`. */
export const QUERY = corpChannel('live-list.query', QuerySchema, returns<LiveListPage>());

/** Starts the sync of a member's lives, viewers and inviters from WeCom. */
export const SYNC = corpChannel('live-list.sync', SyncSchema, returns<JobStarted>());

/**
 * Cancels a reserved live in WeCom. Declared in sdk/contracts because live-detail calls it too; this
 * plugin handles it.
 */
export { CANCEL_LIVE as CANCEL } from '../../../sdk/contracts/live-list-channels.js';

/** Starts the export of the filtered list to Excel. */
export const EXPORT = corpChannel('live-list.export', ExportSchema, returns<JobStarted>());
