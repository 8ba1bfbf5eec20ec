import { createActionGroup, createFeature, createReducer, on, props } from '@ngrx/store';
import type { PluginStatus } from '../../contracts/events.js';
import type { HostStatus } from '../../contracts/host-status.js';

/** What `host.status` said last, kept current by `plugins.changed`. */
export interface PluginsState {
  statuses: PluginStatus[];
  firstRun: boolean;
  version: string | null;
  /** The installation's time zone; the default one until `host.status` answers. */
  timeZone: string;
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

/** The installation default (docs/architecture.md "config.json and update.json") until the host says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const initialState: PluginsState = {
  statuses: [],
  firstRun: false,
  version: null,
  timeZone: DEFAULT_TIME_ZONE,
  loaded: false,
};

export const pluginsFeature = createFeature({
  name: 'plugins',
  reducer: createReducer(
    initialState,
    on(PluginsActions.statusLoaded, (_state, { status }): PluginsState => ({
      statuses: status.plugins,
      firstRun: status.firstRun,
      version: status.version,
      timeZone: status.timeZone,
      loaded: true,
    })),
    on(PluginsActions.changed, (state, { plugins }): PluginsState => ({ ...state, statuses: plugins })),
  ),
});
