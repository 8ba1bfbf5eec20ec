import { Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import type { LiveWithPulls, ModifyLiveInput } from '../shared/live-create-api.js';
import { typeTakesDescription } from '../shared/live-rules.js';
import { LiveCreateApi } from './live-create-api.js';
import { LiveForm } from './live-form.js';
import { createPayload, type LiveFormValue } from './live-form-model.js';

/** Only what changed goes to living/modify. */
export function modifyPayload(live: LiveRecord, value: LiveFormValue): ModifyLiveInput {
  const next = createPayload({ ...value, anchorUserid: live.anchorUserid });
  const change: ModifyLiveInput = { livingid: live.livingid };
  if (next.theme !== live.theme) change.theme = next.theme;
  if (next.living_start !== live.reserveStart) change.living_start = next.living_start;
  if (next.living_duration !== live.reserveDuration) change.living_duration = next.living_duration;
  if (next.type !== live.type) change.type = next.type;
  const description = next.description ?? '';
  if (typeTakesDescription(next.type) && description !== live.description) change.description = description;
  if ((next.remind_time ?? 0) !== (live.remindTime ?? 0)) change.remind_time = next.remind_time ?? 0;
  if ((next.anchor_name ?? '') !== (live.anchorName ?? '')) change.anchor_name = next.anchor_name ?? '';
  return change;
}

/** 修改预约直播 (R3.3): the live form in modify mode; closes with the modified live. */
@Component({
  selector: 'wlc-modify-dialog',
  imports: [MatDialogModule, LiveForm],
  templateUrl: './modify-dialog.html',
  styleUrl: './modify-dialog.scss',
})
export class ModifyDialog {
  protected readonly live = inject<LiveRecord>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<ModifyDialog, LiveWithPulls>>(MatDialogRef);
  private readonly api = inject(LiveCreateApi);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async save(value: LiveFormValue): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await this.api.modify(modifyPayload(this.live, value)));
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
