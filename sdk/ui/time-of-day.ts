// A 24-hour time of day typed as text (HH:mm:ss) with a list of common times, instead of the browser's
// own time input, which follows the system's locale ("10:00:00 AM" on an English system).
import { Directive, inject } from '@angular/core';
import { NgControl, type AbstractControl, type ValidationErrors } from '@angular/forms';

const LOOSE_TIME = /^(\d{1,2})[:：.](\d{1,2})(?:[:：.](\d{1,2}))?$/;
const DIGITS_TIME = /^(\d{2})(\d{2})(\d{2})?$/;

/** `HH:mm:ss` of what was typed ("9:5" → "09:05:00", "930" is refused, "093000" → "09:30:00"); null if not a time. */
export function normalizeTimeText(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  const match = LOOSE_TIME.exec(trimmed) ?? DIGITS_TIME.exec(trimmed);
  if (match === null) return null;
  const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
  ];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** Form validator: empty passes (required is separate), anything else must be a 24-hour time. */
export function timeOfDayValidator(control: AbstractControl): ValidationErrors | null {
  const value = control.value as string | null;
  if (value === null || value === '') return null;
  return normalizeTimeText(value) === null ? { timeOfDay: true } : null;
}

/** The times offered in the list: every `stepMinutes` of the day, as HH:mm:ss. */
export function timeChoices(stepMinutes = 30): string[] {
  const choices: string[] = [];
  for (let minute = 0; minute < 24 * 60; minute += stepMinutes) {
    const pad = (value: number): string => String(value).padStart(2, '0');
    choices.push(`${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`);
  }
  return choices;
}

/** The choices that start like what is typed (all of them when the field holds a whole time or nothing). */
export function matchingTimeChoices(typed: string | null | undefined, choices: readonly string[]): string[] {
  const text = (typed ?? '').trim();
  if (text === '' || normalizeTimeText(text) !== null) return [...choices];
  const prefix = text.replace('：', ':');
  const matching = choices.filter((choice) => choice.startsWith(prefix) || choice.startsWith(`0${prefix}`));
  return matching.length > 0 ? matching : [...choices];
}

/**
 * On a text input bound to a form control: writes the typed time back as HH:mm:ss when the field loses
 * focus ("9:30" → "09:30:00"), so what is shown is what is sent. Leaves text that is not a time for the
 * validator to report.
 */
@Directive({
  selector: 'input[wlTimeOfDay]',
  host: {
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '时:分:秒，如 14:30:00',
    maxlength: '8',
    '(blur)': 'normalize()',
  },
})
export class TimeOfDayInput {
  private readonly control = inject(NgControl, { self: true });

  protected normalize(): void {
    const value = this.control.value as string | null;
    const normalized = normalizeTimeText(value);
    if (normalized !== null && normalized !== value) this.control.control?.setValue(normalized);
  }
}
