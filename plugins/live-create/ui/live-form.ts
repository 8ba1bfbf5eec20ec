import {
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { startWith } from 'rxjs';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { CheckedImageAnswer } from '../shared/live-create-api.js';
import {
  ACTIVITY_LIVE_TYPE,
  charCount,
  DEFAULT_LIVE_TYPE,
  DESCRIPTION_MAX_CHARS,
  LIVE_TYPES,
  REMIND_CHOICES,
  THEME_MAX_CHARS,
  typeTakesDescription,
} from '../shared/live-rules.js';
import { FieldHint } from '../../../sdk/ui/field-hint.js';
import { fieldOf, fieldValidator, schemaMessage } from '../../../sdk/ui/schema-validators.js';
import { CreateLiveSchema } from '../shared/input-schemas.js';
import { browserZone, DATE_RANGE_PICKER, zoneName } from '../../../sdk/ui/chinese-dates.js';
import {
  matchingTimeChoices,
  timeChoices,
  TimeOfDayInput,
  timeOfDayValidator,
} from '../../../sdk/ui/time-of-day.js';
import {
  dayOf,
  defaultRange,
  durationText,
  rangeMessage,
  rangeOf,
  rangeValidator,
  timeOf,
  typeWarning,
  type LiveFormValue,
  type RangeValue,
} from './live-form-model.js';
import { CoverPicker } from './cover-picker.js';

/** A field's rules are the create input's: the form says what the host would say. */
const rule = (field: keyof typeof CreateLiveSchema.shape) => fieldValidator(fieldOf(CreateLiveSchema, field));

/**
 * The form of a reserved live (R3.1), for creating and for modifying (R3.3, where the anchor is fixed).
 * Start and end come from one range: a Material date range picker plus 24-hour time fields with seconds
 * (typed, or picked from a half-hourly list), checked against the clock; the duration is shown as it is
 * computed. Times are the browser's local time, named under the range (北京时间).
 */
@Component({
  selector: 'wlc-live-form',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    ...DATE_RANGE_PICKER,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    FieldHint,
    TimeOfDayInput,
    CoverPicker,
  ],
  templateUrl: './live-form.component.html',
  styleUrl: './live-form.scss',
})
export class LiveForm {
  /** The login userid and name that prefill the anchor (create). */
  readonly anchorUserid = input('');
  readonly anchorName = input('');
  /** The live being modified; null to create. */
  readonly editing = input<LiveRecord | null>(null);
  readonly busy = input(false);
  readonly submitLabel = input('创建直播');
  readonly submitted = output<LiveFormValue>();
  readonly cancelled = output<void>();

  protected readonly themeMax = THEME_MAX_CHARS;
  protected readonly descriptionMax = DESCRIPTION_MAX_CHARS;
  protected readonly types = LIVE_TYPES;
  protected readonly reminds = REMIND_CHOICES;
  protected readonly today = dayOf(new Date());
  protected readonly triedSubmit = signal(false);
  protected readonly schemaMessage = schemaMessage;

  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly directive = viewChild(FormGroupDirective);
  protected readonly form = this.fb.group({
    anchorUserid: ['', [rule('anchor_userid')]],
    anchorName: ['', [rule('anchor_name')]],
    theme: ['', [rule('theme')]],
    range: this.fb.group(
      {
        startDate: this.fb.control<Date | null>(null),
        startTime: this.fb.control<string | null>(null, [timeOfDayValidator]),
        endDate: this.fb.control<Date | null>(null),
        endTime: this.fb.control<string | null>(null, [timeOfDayValidator]),
      },
      { validators: [rangeValidator()] },
    ),
    type: [DEFAULT_LIVE_TYPE],
    description: ['', [rule('description')]],
    remindTime: [0],
  });

  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly themeCount = computed(() => charCount(this.value().theme ?? ''));
  protected readonly descriptionCount = computed(() => charCount(this.value().description ?? ''));
  protected readonly range = computed(() => rangeOf(this.value().range as RangeValue));
  protected readonly duration = computed(() => {
    const range = this.range();
    return range === null ? '—' : durationText(range.duration);
  });
  private readonly choices = timeChoices(30);
  protected readonly startChoices = computed(() =>
    matchingTimeChoices(this.value().range?.startTime, this.choices),
  );
  protected readonly endChoices = computed(() =>
    matchingTimeChoices(this.value().range?.endTime, this.choices),
  );
  /** 开始时间 and 结束时间: the same field twice, over its own control and choices. */
  protected readonly timeFields = [
    { control: 'startTime', label: '开始时间', choices: this.startChoices, example: '14:30:00' },
    { control: 'endTime', label: '结束时间', choices: this.endChoices, example: '15:30:00' },
  ] as const;
  protected readonly zone = zoneName(browserZone());
  /** The cover and share image (create only; WeCom's living/modify takes no images). */
  protected readonly coverImage = signal<CheckedImageAnswer | null>(null);
  protected readonly shareImage = signal<CheckedImageAnswer | null>(null);
  protected readonly imagesEnabled = computed(() => this.value().type === ACTIVITY_LIVE_TYPE);
  protected readonly warning = computed(() => typeWarning(this.value().type ?? DEFAULT_LIVE_TYPE));
  protected readonly rangeError = computed(() => {
    this.value();
    const group = this.form.controls.range;
    return group.touched || this.triedSubmit() ? rangeMessage(group.errors) : null;
  });
  protected readonly anchorHint =
    '主播在企业微信里的账号（userid）：企业微信管理后台 → 通讯录 → 点击成员 → 「账号」。默认是登录时填写的 userid，可改为其他成员。';

  constructor() {
    const start = defaultRange();
    this.setRange(start.start, start.end);
    // Prefill once the inputs arrive (create: the login; modify: the live).
    effect(() => {
      const live = this.editing();
      const userid = this.anchorUserid();
      const name = this.anchorName();
      untracked(() => (live === null ? this.prefillCreate(userid, name) : this.prefillModify(live)));
    });
    // Only types 0–3 take a description (R3.1).
    this.form.controls.type.valueChanges.subscribe((type) => {
      const description = this.form.controls.description;
      if (typeTakesDescription(type)) description.enable({ emitEvent: false });
      else description.disable({ emitEvent: false });
    });
  }

  protected submit(): void {
    this.triedSubmit.set(true);
    this.form.markAllAsTouched();
    // The clock moved since the range was picked: check again.
    this.form.controls.range.updateValueAndValidity();
    if (this.form.invalid || this.busy()) return;
    this.submitted.emit({
      ...(this.form.getRawValue() as LiveFormValue),
      coverFileId: this.coverImage()?.fileId ?? null,
      shareFileId: this.shareImage()?.fileId ?? null,
    });
  }

  /** Clears the theme and description for the next live; keeps the anchor, type and reminder. */
  reset(): void {
    const next = defaultRange();
    const keep = this.form.getRawValue();
    // resetForm, not reset: the directive's "submitted" flag would show every error of the empty form.
    this.directive()?.resetForm({
      ...keep,
      theme: '',
      description: '',
      range: {
        startDate: dayOf(next.start),
        startTime: timeOf(next.start),
        endDate: dayOf(next.end),
        endTime: timeOf(next.end),
      },
    });
    this.triedSubmit.set(false);
    this.coverImage.set(null);
    this.shareImage.set(null);
  }

  private prefillCreate(userid: string, name: string): void {
    if (userid !== '' && this.form.controls.anchorUserid.pristine)
      this.form.controls.anchorUserid.setValue(userid);
    if (name !== '' && name !== userid && this.form.controls.anchorName.pristine) {
      this.form.controls.anchorName.setValue(name);
    }
  }

  private prefillModify(live: LiveRecord): void {
    this.form.patchValue({
      anchorUserid: live.anchorUserid,
      anchorName: live.anchorName ?? '',
      theme: live.theme,
      type: live.type ?? DEFAULT_LIVE_TYPE,
      description: live.description,
      remindTime: live.remindTime ?? 0,
    });
    this.form.controls.anchorUserid.disable();
    const start = new Date((live.reserveStart ?? 0) * 1000);
    this.setRange(start, new Date(start.getTime() + (live.reserveDuration ?? 3600) * 1000));
  }

  private setRange(start: Date, end: Date): void {
    this.form.controls.range.setValue({
      startDate: dayOf(start),
      startTime: timeOf(start),
      endDate: dayOf(end),
      endTime: timeOf(end),
    });
  }
}
