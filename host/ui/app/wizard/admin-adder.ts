import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatChipSet, MatChip } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { controlError, showOnField, useridControl, usernameControl } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { SetupFlow } from './setup-flow.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/**
 * Optional in the corp step: WeCom admins of the new corp (R2.5). Each gets a one-time initial
 * code, shown here once, with which they set their local password at the first login.
 */
@Component({
  selector: 'wl-admin-adder',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatChipSet,
    MatChip,
    MatFormFieldModule,
    MatInput,
    FieldHint,
    Glyph,
  ],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-adder.html',
  styleUrl: './admin-adder.scss',
})
export class AdminAdder {
  protected readonly flow = inject(SetupFlow);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly error = controlError;
  readonly form = new FormGroup({ userid: useridControl(), username: usernameControl() });
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  /** Codes issued while this page is open (never stored: the host keeps only their hashes). */
  protected readonly codes = signal<Array<{ userid: string; initialCode: string }>>([]);

  constructor() {
    this.form.controls.userid.addValidators(Validators.required);
  }

  async add(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const added = await this.flow.addAdmin(
        this.form.controls.userid.value.trim(),
        this.form.controls.username.value.trim(),
      );
      const initialCode = added.initialCode;
      if (initialCode !== null) {
        this.codes.update((codes) => [
          ...codes.filter((entry) => entry.userid !== added.userid),
          { userid: added.userid, initialCode },
        ]);
      }
      // resetForm also clears "submitted", so the emptied userid shows no error.
      this.formDirective().resetForm();
    } catch (error) {
      const body = error instanceof RpcError ? error.body : null;
      if (body === null) this.banner.set('添加失败，请稍后重试。');
      else if (!showOnField(this.form, body)) this.banner.set(describeError(body));
    } finally {
      this.busy.set(false);
    }
  }
}
