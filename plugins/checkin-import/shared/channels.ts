// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { corpChannel, returns } from '../../../sdk/contracts/channel.js';
import type { CheckinLiveOption, MemberRowsPage } from './checkin-api.js';
import { ImportSchema, LiveSchema, PrepareSchema, RowsSchema } from './input-schemas.js';

/** Starts reading a check-in workbook against a live, without writing anything: the preview job. */
export const PREVIEW = corpChannel('checkin-import.preview', ImportSchema, returns<{ jobId: string }>());

/** Starts the import of a check-in workbook into a live's details. */
export const IMPORT = corpChannel('checkin-import.import', ImportSchema, returns<{ jobId: string }>());

/** A finished preview's member rows, page by page: only for whom `jobs.get` shows the job. */
export const ROWS = corpChannel('checkin-import.rows', RowsSchema, returns<MemberRowsPage>());

/** One stored live for the picker (a link that names the live). */
export const LIVE = corpChannel('checkin-import.live', LiveSchema, returns<CheckinLiveOption>());

/**
 * The page opened: a parse worker is started and warmed up for the preview that usually follows, so the
 * workbook is read without the worker's start-up and with its code compiled. Idempotent, nothing secret.
 */
export const PREPARE = corpChannel('checkin-import.prepare', PrepareSchema, returns<null>());
