// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { defineChannel, returns } from '../../../sdk/contracts/channel.js';
import type { CheckinLiveOption, MemberRowsPage } from './checkin-api.js';
import { ImportSchema, LiveSchema, RowsSchema } from './input-schemas.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

/** Starts reading a check-in workbook against a live, without writing anything: the preview job. */
export const PREVIEW = defineChannel({
  name: 'checkin-import.preview',
  input: ImportSchema,
  output: returns<{ jobId: string }>(),
  ...guard,
});

/** Starts the import of a check-in workbook into a live's details. */
export const IMPORT = defineChannel({
  name: 'checkin-import.import',
  input: ImportSchema,
  output: returns<{ jobId: string }>(),
  ...guard,
});

/** A finished preview's member rows, page by page: only for whom `jobs.get` shows the job. */
export const ROWS = defineChannel({
  name: 'checkin-import.rows',
  input: RowsSchema,
  output: returns<MemberRowsPage>(),
  ...guard,
});

/** One stored live for the picker (a link that names the live). */
export const LIVE = defineChannel({
  name: 'checkin-import.live',
  input: LiveSchema,
  output: returns<CheckinLiveOption>(),
  ...guard,
});
