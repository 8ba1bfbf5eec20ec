import type { HostRuntime } from '../runtime/core/host-runtime.js';

/** The parts of the runtime the Electron adapter uses (specs pass a real runtime started under Node). */
export type ElectronRuntime = Pick<
  HostRuntime,
  'router' | 'sessions' | 'events' | 'files' | 'settings' | 'log'
>;
