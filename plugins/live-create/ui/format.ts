import { format } from 'date-fns';

/** Unix seconds as `yyyy-MM-dd HH:mm:ss`, local time. */
export function unixText(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined
    ? '—'
    : format(new Date(seconds * 1000), 'yyyy-MM-dd HH:mm:ss');
}

/** Milliseconds as `yyyy-MM-dd HH:mm:ss`. */
export function msText(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : format(new Date(ms), 'yyyy-MM-dd HH:mm:ss');
}
