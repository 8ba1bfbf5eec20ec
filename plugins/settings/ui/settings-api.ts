// The settings plugin's own answers. The host channels' answers are declared with the channels in
// sdk/contracts/<namespace>-channels.ts (and sdk/contracts/config.ts).

/** `settings.getPreferences` / `settings.setPreferences` (this plugin's own channels, shared/channels.ts). */
export type { Preferences } from '../shared/preferences.js';
