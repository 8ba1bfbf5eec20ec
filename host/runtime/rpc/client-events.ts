import { HOST_EVENT_TYPES } from '../../../sdk/contracts/events.js';
import { HOST_NAMESPACES } from '../../../sdk/contracts/plugin-manifest.js';
import type { BusEvent } from '../core/event-bus.js';

const HOST_TYPES: ReadonlySet<string> = new Set(HOST_EVENT_TYPES);
const HOST_PREFIXES: ReadonlySet<string> = new Set(HOST_NAMESPACES);
/** `<pluginId>.<name>`: the id as plugin.json allows it, a name of letters, digits, `.`, `_` and `-`. */
const PLUGIN_EVENT = /^([a-z][a-z0-9-]{1,40})\.[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/** Whether `type` is a plugin's event name (`<pluginId>.<name>` outside the host's namespaces). */
export function isPluginEventType(type: string): boolean {
  const match = PLUGIN_EVENT.exec(type);
  return match !== null && !HOST_PREFIXES.has(match[1] as string);
}

/**
 * The one event contract of both transports (browser mode's SSE streams and Electron's IPC): the host
 * events of `HOST_EVENT_TYPES` and plugins' `<id>.*` events reach clients; anything else on the bus
 * (host-internal names, malformed ones) does not. Who may see an event is `canReceive`'s business.
 */
export function isClientEvent(event: Pick<BusEvent, 'type'>): boolean {
  return HOST_TYPES.has(event.type) || isPluginEventType(event.type);
}
