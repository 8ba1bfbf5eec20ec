import { inject, Injectable } from '@angular/core';
import { AppSession } from './session.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * `yyyy-MM-dd HH:mm:ss` of an instant in the given zone, whatever the machine's own zone; `—` when there
 * is no time. Pure, for places without injection (tables, exports' previews, specs).
 */
export function formatDateTime(epochMs: number | null | undefined, timeZone: string): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** Times on screen in the installation's zone (`host.status` → config.json `timeZone`). */
@Injectable({ providedIn: 'root' })
export class DateTimeText {
  private readonly session = inject(AppSession);

  /** An instant in milliseconds. */
  format(epochMs: number | null | undefined): string {
    return formatDateTime(epochMs, this.session.timeZone());
  }
}
