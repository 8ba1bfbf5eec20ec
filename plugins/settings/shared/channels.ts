// The settings plugin's own channels, declared once for both ends (docs/architecture.md "Channels"). Its
// pages otherwise call the host's channels (sdk/contracts).
import { z } from 'zod';
import { defineChannel, returns } from '../../../sdk/contracts/channel.js';
import { PreferencesSchema, type Preferences } from './preferences.js';

/** The caller's page preferences (an account of a corp or the local root-admin). */
export const GET_PREFERENCES = defineChannel({
  name: 'settings.getPreferences',
  input: z.object({}),
  output: returns<Preferences>(),
  minTier: 'user',
});

/** Merges the given preferences into the caller's own; answers them all. */
export const SET_PREFERENCES = defineChannel({
  name: 'settings.setPreferences',
  input: PreferencesSchema,
  output: returns<Preferences>(),
  minTier: 'user',
});
