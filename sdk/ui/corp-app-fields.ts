import { ChangeDetectionStrategy, Component, effect, input, signal, untracked } from '@angular/core';
import { ReactiveFormsModule, type FormControl } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTooltip } from '@angular/material/tooltip';
import { CORP_APP_HINTS } from './corp-app-hints.js';
import { FieldHint } from './field-hint.js';
import { controlError } from './corp-app-form.js';
import { Glyph } from './glyph.js';

/**
 * 企业ID, 应用Secret and AgentId of a corp app (R2.2), as the login page and the wizard's corp step ask
 * for them: the caller's controls (sdk/ui/corp-app-form.ts rules), the "!" hints, the Secret's show/hide
 * button. `saved`: the values come from a saved corp (the Secret is the vault's, shown masked as text).
 * The login page, the wizard's corp step and the 企业配置 dialog use it.
 * The host element takes no box of its own, so the inputs lay out as the form's own.
 */
@Component({
  selector: 'wl-corp-app-fields',
  imports: [ReactiveFormsModule, MatIconButton, MatFormFieldModule, MatInput, MatTooltip, FieldHint, Glyph],
  changeDetection: ChangeDetectionStrategy.Default,
  templateUrl: './corp-app-fields.component.html',
  styleUrl: './corp-app-fields.scss',
})
export class CorpAppFields {
  readonly corpid = input.required<FormControl<string>>();
  readonly corpsecret = input.required<FormControl<string>>();
  readonly agentid = input.required<FormControl<string>>();
  /** Prefix of the inputs' data-testid (`corpid`, `corpsecret`, `agentid`). */
  readonly testidPrefix = input('');
  readonly saved = input(false);
  /** Editing a saved corp app: its masked Secret; an empty Secret input keeps it. */
  readonly keptSecret = input<string | null>(null);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly showSecret = signal(false);
  protected readonly error = controlError;

  constructor() {
    // Another corp chosen (or a new one typed): the Secret starts hidden again.
    effect(() => {
      this.saved();
      untracked(() => this.showSecret.set(false));
    });
  }
}
