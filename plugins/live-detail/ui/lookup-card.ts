import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { z } from 'zod';
import { NGMODEL_FIELD_IMPORTS } from '../../../sdk/ui/page-imports.js';
import type { Lookup } from '../../../sdk/ui/page-load.js';
import { SchemaValidator, schemaIssue, schemaMessage } from '../../../sdk/ui/schema-validators.js';

/**
 * A card that asks for one value and shows what the host answers (微信观看码, 分享来源): the title, the
 * lead, the field with its submit button and the failure; the answer is the projected content.
 */
@Component({
  selector: 'wl-lookup-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NGMODEL_FIELD_IMPORTS, MatButtonModule, MatIconModule, SchemaValidator],
  templateUrl: './lookup-card.component.html',
  styleUrl: './lookup-card.scss',
})
export class LookupCard {
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly lead = input.required<string>();
  readonly label = input.required<string>();
  /** The input's name (specs and autofill find it by it). */
  readonly name = input.required<string>();
  readonly placeholder = input('');
  readonly submitText = input.required<string>();
  readonly busyText = input.required<string>();
  /** Its busy and error state (the answer is the card's own). */
  readonly lookup = input.required<Pick<Lookup<unknown>, 'busy' | 'error'>>();
  /** The channel's rule for the value: the field says what the host would, and nothing is sent before it holds. */
  readonly schema = input.required<z.ZodType>();
  /** The value typed, on submit, once it satisfies `schema`. */
  readonly asked = output<string>();
  protected readonly text = signal('');
  protected readonly schemaMessage = schemaMessage;

  protected submit(): void {
    if (schemaIssue(this.schema(), this.text()) === null) this.asked.emit(this.text());
  }
}
