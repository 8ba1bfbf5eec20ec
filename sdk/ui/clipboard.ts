/**
 * Copies text: the async Clipboard API where the page may use it, else a selected, off-screen textarea
 * and `execCommand('copy')` (older WebViews, or a page without clipboard permission). Answers success.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (doc.defaultView?.navigator.clipboard !== undefined) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: try the fallback.
  }
  // Selecting the helper moves focus; give it back so keyboard users stay where they were.
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    // Deprecated, but the only synchronous path left where the Clipboard API is missing.
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
