// The core settings plugin. Its pages work over the host's channels (corps, users, trusted IPs, audit,
// plugins); the only thing it keeps itself is each account's page preferences.
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import { GET_PREFERENCES, SET_PREFERENCES } from '../shared/channels.js';
import { PreferencesSchema, type Preferences } from '../shared/preferences.js';
import { preferencesKey } from './preferences.js';

export default definePlugin({
  activate(ctx) {
    const read = async (key: string): Promise<Preferences> => {
      const parsed = PreferencesSchema.safeParse((await ctx.settings.get<unknown>(key)) ?? {});
      // A value written by an older version that no longer fits is ignored rather than failing the page.
      return parsed.success ? parsed.data : {};
    };

    ctx.handle(GET_PREFERENCES, (_input, call) => read(preferencesKey(call)));
    ctx.handle(SET_PREFERENCES, async (input, call) => {
      const key = preferencesKey(call);
      const merged: Preferences = { ...(await read(key)), ...input };
      await ctx.settings.set(key, merged);
      return merged;
    });
  },
});
