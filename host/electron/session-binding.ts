import type { SessionUser } from '../../sdk/contracts/host-status.js';

/** The login session of one window, kept in the main process only. */
export interface WindowSession {
  /** The bearer value the router resolves; never sent to the renderer. */
  token: string;
  /** The internal session id (liveness checks). */
  sessionId: string;
  /** Who is logged in: events are filtered with it and the corp. */
  user: SessionUser;
  /** The corp of the login; null for root-admin. */
  corpId: string | null;
}

/**
 * What the renderer receives as `session` after a successful `auth.login` in Electron. The real bearer
 * value stays in the main process, bound to the window (docs/architecture.md "Electron"); the renderer only needs a
 * non-null value to know that it is logged in, and the bridge transport ignores it.
 */
export const WINDOW_SESSION_PLACEHOLDER = 'bound-to-window';

/**
 * webContents id → login session. A window's session survives reloads (as a tab's does in browser
 * mode) and is forgotten when the window closes, on logout, or when the host says it has ended.
 */
export class SessionBinding {
  private readonly byWindow = new Map<number, WindowSession>();

  get(windowId: number): WindowSession | null {
    return this.byWindow.get(windowId) ?? null;
  }

  tokenOf(windowId: number): string | null {
    return this.byWindow.get(windowId)?.token ?? null;
  }

  /** Binds a new session to the window; answers the one it replaces, if any. */
  bind(windowId: number, session: WindowSession): WindowSession | null {
    const previous = this.get(windowId);
    this.byWindow.set(windowId, session);
    return previous;
  }

  /**
   * Forgets the window's session. With `token`, only when that is still the bound one: a late answer
   * of an old session must not drop a newer login.
   */
  clear(windowId: number, token?: string): void {
    const current = this.byWindow.get(windowId);
    if (current === undefined) return;
    if (token === undefined || current.token === token) this.byWindow.delete(windowId);
  }

  entries(): [windowId: number, session: WindowSession][] {
    return [...this.byWindow.entries()];
  }

  get size(): number {
    return this.byWindow.size;
  }
}
