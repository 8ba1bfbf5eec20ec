/**
 * Where an interrupted first-run wizard resumes (R2.10): the step and the non-secret choices, kept in
 * localStorage. Never a password, an app Secret or the recovery code.
 */
export interface WizardProgress {
  /** Index of the step shown last. */
  step: number;
  disclaimerAccepted: boolean;
  /** `auth.setupRoot` succeeded: from now on the wizard resumes at the corp step. */
  rootDone: boolean;
  recoverySaved: boolean;
  /** The corp saved (and checked) by the corp step. */
  corp: WizardCorp | null;
  corpSkipped: boolean;
  /** The trusted-IP step was left with 稍后设置: not ticked, and the last step says so. */
  ipsSkipped: boolean;
  /** WeCom admins added in the corp step (userids). */
  admins: string[];
}

export interface WizardCorp {
  corpId: string;
  corpname: string;
  corpid: string;
  agentid: number;
  appName: string;
}

export const WIZARD_STEPS = ['welcome', 'root', 'corp', 'trustedIps', 'theme', 'done'] as const;
export const STEP = { welcome: 0, root: 1, corp: 2, trustedIps: 3, theme: 4, done: 5 } as const;

export const WIZARD_PROGRESS_KEY = 'wecom-live.setupWizard';

export const FRESH_PROGRESS: WizardProgress = {
  step: 0,
  disclaimerAccepted: false,
  rootDone: false,
  recoverySaved: false,
  corp: null,
  corpSkipped: false,
  ipsSkipped: false,
  admins: [],
};

export function readProgress(storage: Storage = localStorage): WizardProgress {
  try {
    const saved = JSON.parse(
      storage.getItem(WIZARD_PROGRESS_KEY) ?? 'null',
    ) as Partial<WizardProgress> | null;
    if (saved === null || typeof saved !== 'object') return { ...FRESH_PROGRESS };
    const step = Number(saved.step);
    return {
      step: Number.isInteger(step) && step >= 0 && step < WIZARD_STEPS.length ? step : 0,
      disclaimerAccepted: saved.disclaimerAccepted === true,
      rootDone: saved.rootDone === true,
      recoverySaved: saved.recoverySaved === true,
      corp: isCorp(saved.corp) ? saved.corp : null,
      corpSkipped: saved.corpSkipped === true,
      ipsSkipped: saved.ipsSkipped === true,
      admins: Array.isArray(saved.admins) ? saved.admins.filter((id) => typeof id === 'string') : [],
    };
  } catch {
    return { ...FRESH_PROGRESS };
  }
}

export function writeProgress(progress: WizardProgress, storage: Storage = localStorage): void {
  try {
    storage.setItem(WIZARD_PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Without storage an interrupted wizard starts over; setupRoot's CONFLICT then leads on.
  }
}

export function clearProgress(storage: Storage = localStorage): void {
  try {
    storage.removeItem(WIZARD_PROGRESS_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/**
 * True while a wizard whose root password is already set has not finished: `/setup` must stay open
 * then, although `host.status` no longer reports a first run (for the shell's setup guard).
 */
export function setupInProgress(storage: Storage = localStorage): boolean {
  return readProgress(storage).rootDone;
}

function isCorp(value: unknown): value is WizardCorp {
  if (value === null || typeof value !== 'object') return false;
  const corp = value as Record<string, unknown>;
  return (
    typeof corp['corpId'] === 'string' &&
    typeof corp['corpname'] === 'string' &&
    typeof corp['corpid'] === 'string' &&
    typeof corp['agentid'] === 'number' &&
    typeof corp['appName'] === 'string'
  );
}
