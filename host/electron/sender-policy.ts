import { isAppUrl } from './app-url.js';

/** What the main process knows about the sender of an IPC message. */
export interface IpcSender {
  /** `event.sender.id`. */
  webContentsId: number;
  /** `event.senderFrame?.url`; null when the frame is gone (navigated away or destroyed). */
  frameUrl: string | null;
  /** Whether the sending frame is its page's main frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Only the main frame of one of our own windows, showing our own `app://` origin, may call the host:
 * anything else (a frame that navigated elsewhere, an iframe, a stray webContents) is refused.
 */
export function isTrustedSender(sender: IpcSender, ownWebContents: ReadonlySet<number>): boolean {
  return ownWebContents.has(sender.webContentsId) && sender.isMainFrame && isAppUrl(sender.frameUrl);
}
