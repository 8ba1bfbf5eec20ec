import type { HostRuntime } from '../runtime/core/host-runtime.js';
import type { EventStreams } from './event-streams.js';
import type { EventTickets } from './event-tickets.js';

/** The parts of the runtime browser mode uses. */
export type ServeRuntime = Pick<
  HostRuntime,
  'router' | 'sessions' | 'events' | 'files' | 'settings' | 'log' | 'db'
>;

/** What every route handler may use. */
export interface ServeContext {
  runtime: ServeRuntime;
  tickets: EventTickets;
  streams: EventStreams;
}
