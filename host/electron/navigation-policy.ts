import { isAppUrl } from './app-url.js';

export type NavigationDecision =
  /** Stays inside the app (`app://wecom-live/...`). */
  | { allow: true }
  /** Blocked; `external` is a web address the user meant to visit, handed to the system browser. */
  | { allow: false; external: string | null };

/**
 * The window only ever shows the app. A link to an http(s) page (the WeCom admin console in the
 * trusted-IP dialog, documentation) opens in the system browser; every other scheme is dropped.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allow: false, external: null };
  }
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  // Credentials in a URL are a phishing pattern, never something the app links to.
  const clean = parsed.username === '' && parsed.password === '';
  return { allow: false, external: web && clean ? parsed.href : null };
}
