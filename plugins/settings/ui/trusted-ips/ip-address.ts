const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for an IPv4 or IPv6 address (IPv6 may come in brackets). The host checks again. */
export function isIpAddress(raw: string): boolean {
  const value = raw.trim().replace(/^\[|\]$/g, '');
  if (IPV4.test(value)) return true;
  if (!value.includes(':') || !/^[0-9a-fA-F:.]+$/.test(value)) return false;
  try {
    // The URL parser validates IPv6 hosts exactly (compression, embedded IPv4).
    new URL(`http://[${value}]/`);
    return true;
  } catch {
    return false;
  }
}

export interface ParsedIpList {
  ips: string[];
  /** 1-based line numbers and their text, for lines that are not addresses. */
  invalid: Array<{ line: number; text: string }>;
  duplicates: string[];
}

/** One address per line (`;` and `,` also separate, so a pasted WeCom list works); blank lines skipped. */
export function parseIpList(text: string): ParsedIpList {
  const ips: string[] = [];
  const invalid: ParsedIpList['invalid'] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    for (const part of line.split(/[;,，；\s]+/)) {
      const value = part.trim();
      if (value === '') continue;
      if (!isIpAddress(value)) {
        invalid.push({ line: index + 1, text: value });
        continue;
      }
      const key = value.replace(/^\[|\]$/g, '').toLowerCase();
      if (seen.has(key)) duplicates.push(key);
      else {
        seen.add(key);
        ips.push(key);
      }
    }
  });
  return { ips, invalid, duplicates };
}
