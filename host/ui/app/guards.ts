import { inject } from '@angular/core';
import { Router, type CanMatchFn, type UrlTree } from '@angular/router';
import { AppSession } from '../../../sdk/ui/session.js';
import type { UiPluginEntry } from './plugin-entry.js';
import { mayUsePlugin } from './plugin-visibility.js';
import { PluginMenu } from './plugin-menu.js';
import { setupInProgress } from './wizard/wizard-progress.js';

// Every `inject` comes before the first `await`: the injection context ends there.

/** Guards decide on the host's status; read it once when nothing has yet. */
async function knownStatus(session: AppSession): Promise<void> {
  if (session.statusLoaded()) return;
  try {
    await session.refreshStatus();
  } catch {
    // The host did not answer: the login page shows the connection error when it tries.
  }
}

/** The app itself: the setup wizard first on a first run, then the login page until signed in. */
export const shellGuard: CanMatchFn = async (): Promise<boolean | UrlTree> => {
  const session = inject(AppSession);
  const router = inject(Router);
  await knownStatus(session);
  if (session.firstRun()) return router.parseUrl('/setup');
  if (!session.loggedIn()) return router.parseUrl('/login');
  return true;
};

/** The login page: the wizard comes first on a first run; a signed-in account goes to the app. */
export const loginGuard: CanMatchFn = async (): Promise<boolean | UrlTree> => {
  const session = inject(AppSession);
  const router = inject(Router);
  await knownStatus(session);
  if (session.firstRun()) return router.parseUrl('/setup');
  if (session.loggedIn()) return router.parseUrl('/');
  return true;
};

/** The setup wizard: only while the installation has no root-admin password. */
export const setupGuard: CanMatchFn = async (): Promise<boolean | UrlTree> => {
  const session = inject(AppSession);
  const router = inject(Router);
  await knownStatus(session);
  // A wizard interrupted after the root password was set resumes where it stopped (R2.10).
  return session.firstRun() || setupInProgress()
    ? true
    : router.parseUrl(session.loggedIn() ? '/' : '/login');
};

/** A plugin's routes match only while it is enabled and the account may use it. */
export function pluginGuard(entry: UiPluginEntry): CanMatchFn {
  return async () => {
    const session = inject(AppSession);
    const menu = inject(PluginMenu);
    await knownStatus(session);
    return mayUsePlugin(entry, menu.context());
  };
}

/** Where `/` leads: the first menu entry the account may see, else the status page. */
export function homeRoute(): string {
  const first = inject(PluginMenu).entries()[0];
  return first === undefined ? '/status' : `/${first.route}`;
}
