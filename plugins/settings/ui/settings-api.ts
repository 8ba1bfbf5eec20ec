// The settings plugin's own answers. The host channels' answers are declared with the channels in
// sdk/contracts/<namespace>-channels.ts (and sdk/contracts/config.ts).

/** `settings.getPreferences` / `settings.setPreferences` (this plugin's own channels). */
export interface Preferences {
  auditPageSize?: 20 | 50 | 100;
}
