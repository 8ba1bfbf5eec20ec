import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** Where a plugin's code lives (a registry record's folder). */
export interface PluginLocation {
  id: string;
  dir: string;
}

/**
 * The plugin whose code an error comes from: the first stack frame inside a plugin's folder (frames
 * name files as paths or file: URLs; async frames included). Null when no plugin code is on the stack.
 */
export function pluginOfError(error: unknown, plugins: readonly PluginLocation[]): string | null {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const lines = stack.split('\n').slice(1);
  for (const line of lines) {
    const path = /\(?((?:file:\/\/)?[^\s()]+?):\d+:\d+\)?\s*$/.exec(line)?.[1];
    if (path === undefined) continue;
    let file = path;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    const owner = plugins.find((plugin) => file.startsWith(plugin.dir + sep));
    if (owner !== undefined) return owner.id;
  }
  return null;
}

export interface ProcessGuardOptions {
  log: Logger;
  /** The plugin an escaped error belongs to, or null when it is the host's. */
  attribute(error: unknown): string | null;
  /** A plugin's error escaped: the process runs on (the plugin is marked degraded). */
  onPluginFault(pluginId: string, error: unknown): void;
  /** The host's own error escaped: its state is unknown, so the process should end (after a clean stop). */
  onHostFault(error: unknown): void;
}

/**
 * Process-level handlers for errors nothing caught (`uncaughtException`, `unhandledRejection`): each is
 * logged with its origin; a plugin's does not end the process, the host's does (as Node would), after
 * the log says why. Returns the function that removes the handlers.
 */
export function installProcessGuard(options: ProcessGuardOptions): () => void {
  const handle = (origin: 'uncaughtException' | 'unhandledRejection') => (error: unknown) => {
    const pluginId = options.attribute(error);
    if (pluginId !== null) {
      options.log.error({ err: error, plugin: pluginId, origin }, 'plugin error escaped; the host runs on');
      options.onPluginFault(pluginId, error);
      return;
    }
    options.log.fatal({ err: error, origin }, 'host error escaped; stopping');
    options.onHostFault(error);
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
