import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import {
  PULL_AFTER_CREATE_SECONDS,
  PULL_AFTER_END_SECONDS,
  PULL_AFTER_START_SECONDS,
  type PullStage,
} from '../shared/live-rules.js';
import type { PlannedPull } from '../shared/live-create-api.js';

export const PULL_JOB = 'pull';

export interface PullJobInput {
  corpId: string;
  livingid: string;
  stage: PullStage;
  /** How many times the final pull found the live not over yet. */
  round?: number;
}

/**
 * The detail pulls of R3.2: 10 minutes after creation, 5 minutes after the start, and a final one after
 * the end (start + duration + a margin), which reschedules itself while WeCom says the live is not over.
 * Times come from the reserved start and duration; a modify plans them again.
 */
export function planPulls(live: LiveRecord): PlannedPull[] {
  const start = live.reserveStart ?? 0;
  const duration = live.reserveDuration ?? 0;
  return [
    { stage: 'after-create', runAt: live.createdAt + PULL_AFTER_CREATE_SECONDS * 1000 },
    { stage: 'after-start', runAt: (start + PULL_AFTER_START_SECONDS) * 1000 },
    { stage: 'after-end', runAt: (start + duration + PULL_AFTER_END_SECONDS) * 1000 },
  ];
}

/** One queued job per live and stage: scheduling again replaces a still-queued one (dedupe key). */
export function pullKey(corpId: string, livingid: string, stage: PullStage): string {
  return `live-create.pull:${corpId}:${livingid}:${stage}`;
}

export async function schedulePull(
  ctx: PluginContext,
  input: PullJobInput,
  runAt: number,
  ownerUserid: string | null,
): Promise<void> {
  await ctx.scheduler.schedule<PullJobInput>(PULL_JOB, input, {
    runAt: new Date(runAt),
    dedupeKey: pullKey(input.corpId, input.livingid, input.stage),
    maxAttempts: 5,
    ownerUserid,
    corpId: input.corpId,
  });
}

/** Schedules (or moves) every pull of a live; a pull whose time has passed runs at once. */
export async function schedulePulls(
  ctx: PluginContext,
  live: LiveRecord,
  nowMs: number,
  stages: readonly PullStage[] = ['after-create', 'after-start', 'after-end'],
): Promise<PlannedPull[]> {
  const planned = planPulls(live).filter((pull) => stages.includes(pull.stage));
  for (const pull of planned) {
    await schedulePull(
      ctx,
      { corpId: live.corpId, livingid: live.livingid, stage: pull.stage },
      Math.max(pull.runAt, nowMs),
      live.creatorUserid,
    );
  }
  return planPulls(live);
}
