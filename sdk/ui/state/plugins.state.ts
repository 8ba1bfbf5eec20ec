import { createActionGroup, createFeature, createReducer, on, props } from '@ngrx/store';
import type { PluginStatus } from '../../contracts/events.js';
import type { HostStatus } from '../../contracts/host-status.js';

/** What `host.status` said last, kept current by `plugins.changed`. */
export interface PluginsState {
  statuses: PluginStatus[];
  firstRun: boolean;
  version: string | null;
  /** False until the first `host.status` answer: guards wait for it. */
  loaded: boolean;
}

export const PluginsActions = createActionGroup({
  source: 'Plugins',
  events: {
    'Status Loaded': props<{ status: HostStatus }>(),
    Changed: props<{ plugins: PluginStatus[] }>(),
  },
});

const initialState: PluginsState = { statuses: [], firstRun: false, version: null, loaded: false };

export const pluginsFeature = createFeature({
  name: 'plugins',
  reducer: createReducer(
    initialState,
    on(PluginsActions.statusLoaded, (_state, { status }): PluginsState => ({
      statuses: status.plugins,
      firstRun: status.firstRun,
      version: status.version,
      loaded: true,
    })),
    on(PluginsActions.changed, (state, { plugins }): PluginsState => ({ ...state, statuses: plugins })),
  ),
});
