/** RFC 5987 percent-encoding: encodeURIComponent leaves a few characters the grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name in `filename*`
 * (RFC 6266), so Chinese export names survive every browser.
 */
export function attachmentDisposition(fileName: string): string {
  // Quotes, backslashes, control and non-ASCII characters cannot appear in the quoted fallback.
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
