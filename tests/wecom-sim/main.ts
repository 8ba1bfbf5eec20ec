import { parseArgs } from 'node:util';
import { startSimulator, type SimulatorOptions } from './server.js';

/**
 * CLI: `node dist/tests/wecom-sim/main.js --port 0 --seed 42 --lives N --viewers M [--viewers-per-live V] --members K
 * --latency-ms X [--now T] [--frozen-clock] [--token-ttl S]`. Prints exactly one JSON ready line on
 * stdout (logs go to stderr) and exits 0 on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      lives: { type: 'string' },
      viewers: { type: 'string' },
      'viewers-per-live': { type: 'string' },
      members: { type: 'string' },
      'latency-ms': { type: 'string' },
      now: { type: 'string' },
      'frozen-clock': { type: 'boolean' },
      'token-ttl': { type: 'string' },
    },
    strict: true,
  });
  const int = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
    return Number(raw);
  };
  const options: SimulatorOptions = {};
  const set = <K extends keyof SimulatorOptions>(key: K, value: SimulatorOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  set('port', int('port', values.port));
  set('seed', int('seed', values.seed));
  set('lives', int('lives', values.lives));
  set('viewers', int('viewers', values.viewers));
  set('viewersPerLive', int('viewers-per-live', values['viewers-per-live']));
  set('members', int('members', values.members));
  set('latencyMs', int('latency-ms', values['latency-ms']));
  set('now', int('now', values.now));
  set('frozenClock', values['frozen-clock']);
  set('tokenTtlSeconds', int('token-ttl', values['token-ttl']));

  const sim = await startSimulator(options);
  const ready = {
    event: 'ready',
    url: sim.url,
    port: sim.port,
    corpid: sim.corpid,
    corpsecret: sim.corpsecret,
    agentid: sim.agentid,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[wecom-sim] close failed', error);
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[wecom-sim]', error instanceof Error ? error.message : error);
  process.exit(1);
});
