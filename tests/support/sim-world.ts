// A plugin spec's world, written once: the WeCom simulator over HTTP, a HostRuntime on a temp data dir
// with the compiled plugins, and the simulator's corp saved through a real WeCom login.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostRuntime } from '../../host/runtime/core/host-runtime.js';
import type { RuntimeOptions } from '../../host/runtime/core/runtime-options.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../wecom-sim/server.js';
import { SimClient } from '../wecom-sim/spec-client.js';
import { loginSimCorp, removeDir, startRuntime, tempDataDir } from './runtime-harness.js';

/** dist/plugins: the compiled plugins with their copied manifests. */
export const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'plugins');

export interface SimWorld {
  sim: RunningSimulator;
  client: SimClient;
  dataDir: string;
  runtime: HostRuntime;
  /** The simulator corp's internal id, as the login saved it. */
  corpId: string;
}

export async function startSimWorld(
  label: string,
  simulator: SimulatorOptions,
  options: { runtime?: Partial<RuntimeOptions>; corpname?: string } = {},
): Promise<SimWorld> {
  const sim = await startSimulator({ port: 0, ...simulator });
  const dataDir = tempDataDir(label);
  const runtime = await startRuntime(dataDir, {
    pluginDirs: [BUILT_PLUGINS],
    wecomBaseUrl: sim.url,
    ...options.runtime,
  });
  const corpId = await loginSimCorp(runtime, sim, options.corpname);
  return { sim, client: new SimClient(sim), dataDir, runtime, corpId };
}

export async function stopSimWorld(world: SimWorld | undefined): Promise<void> {
  if (world === undefined) return;
  await world.runtime.stop();
  removeDir(world.dataDir);
  await world.sim.close();
}
