import { z } from 'zod';

/** What a person may keep between visits of the settings pages. Unknown keys are dropped. */
export const PreferencesSchema = z.object({
  /** Rows per page of the audit log. */
  auditPageSize: z.union([z.literal(20), z.literal(50), z.literal(100)]).optional(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
