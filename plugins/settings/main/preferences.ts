import { z } from 'zod';
import type { CallContext } from '../../../sdk/main/plugin-context.js';

/** What a person may keep between visits of the settings pages. Unknown keys are dropped. */
export const PreferencesSchema = z.object({
  /** Rows per page of the audit log. */
  auditPageSize: z.union([z.literal(20), z.literal(50), z.literal(100)]).optional(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * One key per account. A userid is unique only within its corp (root-admin has none), so the corp is part
 * of the key.
 */
export function preferencesKey(call: CallContext): string {
  const user = call.user;
  if (user === null) throw new Error('preferences need a signed-in account');
  return `preferences:${call.corp?.corpId ?? 'local'}:${user.userid.toLowerCase()}`;
}
