// The `plugins.*` channels (host/runtime/plugin-host/plugin-channels.ts), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { PluginStatus } from './events.js';
import type { PluginManifest } from './plugin-manifest.js';

export type PluginState = PluginStatus['state'];

/** `plugins.list`: the manifest (absent when it could not be read) plus the state. */
export type PluginRow = Partial<PluginManifest> & {
  id: string;
  state: PluginState;
  reason?: string;
  /** Set while an enabled plugin misbehaves at run time (a listener threw, an error escaped). */
  degraded?: string;
};

export const PLUGINS_LIST = defineChannel({
  name: 'plugins.list',
  input: z.object({}),
  output: returns<PluginRow[]>(),
  minTier: 'user',
});

/** Enables or disables a plugin (root-admin; audited); answers every plugin's state. */
export const PLUGINS_SET_ENABLED = defineChannel({
  name: 'plugins.setEnabled',
  input: z.object({ id: z.string().min(1), enabled: z.boolean() }),
  output: returns<{ plugins: PluginStatus[] }>(),
  minTier: 'root-admin',
});
