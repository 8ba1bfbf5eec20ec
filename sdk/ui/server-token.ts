/**
 * Browser mode: the server token arrives in the URL fragment (`#token=…`). It is read before Angular
 * bootstraps, removed from the address bar with history.replaceState (so it is neither bookmarked nor
 * shared), and kept in sessionStorage: a reload stays connected, a new tab needs the printed URL.
 */
const STORAGE_KEY = 'wecom-live.serverToken';

export function captureServerToken(win: Window = window): string | null {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${win.location.search}${rest === '' ? '' : `#${rest}`}`,
    );
    return fromUrl;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}

export function storedServerToken(win: Window = window): string | null {
  return win.sessionStorage.getItem(STORAGE_KEY);
}

/** Browser mode without a server token: every call would answer 401, so the app shows how to get in. */
export function serverTokenMissing(win: Window & { wecomLive?: unknown } = window): boolean {
  return win.wecomLive === undefined && !storedServerToken(win);
}
