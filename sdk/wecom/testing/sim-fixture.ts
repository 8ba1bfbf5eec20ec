/**
 * What the gateway's integration specs share: an in-process WeCom simulator over real HTTP, its admin
 * API, gateways pointed at it, and a pino logger writing to memory. Used by specs only.
 */
import { pino, type Logger } from 'pino';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../tests/wecom-sim/server.js';
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
import { WeComGateway, type WeComGatewayOptions } from '../gateway.js';
import { WindowGate } from '../sliding-window.js';

export { SimClient };
export type { CountersView, DataSummary } from '../../../tests/wecom-sim/spec-client.js';

/** Backoff small enough for specs; the policy (which errors, how many attempts) stays the real one. */
export const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 10 };

export interface SimFixture {
  sim: RunningSimulator;
  client: SimClient;
  gateway(overrides?: Partial<WeComGatewayOptions>): WeComGateway;
  /** POST /__sim/reset and close the gateways made since the last reset. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startSimFixture(options: SimulatorOptions = {}): Promise<SimFixture> {
  const sim = await startSimulator(options);
  const client = new SimClient(sim);
  let gateways: WeComGateway[] = [];
  return {
    sim,
    client,
    gateway(overrides = {}) {
      const gateway = new WeComGateway({
        corpid: sim.corpid,
        corpsecret: sim.corpsecret,
        agentid: sim.agentid,
        baseUrl: sim.url,
        retry: FAST_RETRY,
        reconcileDelayMs: 0,
        // Each spec gets its own per-IP windows, so specs do not limit one another.
        ipGate: new WindowGate(),
        ...overrides,
      });
      gateways.push(gateway);
      return gateway;
    },
    async reset() {
      for (const gateway of gateways) gateway.close();
      gateways = [];
      await client.admin('POST', 'reset', {});
    },
    async close() {
      for (const gateway of gateways) gateway.close();
      await sim.close();
    },
  };
}

/** A pino logger whose JSON lines land in `lines`. */
export function memoryLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

/** The rejection of `promise`, or a failure if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
