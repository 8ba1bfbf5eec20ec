import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { Disclaimer } from '../login/disclaimer.js';
import { Glyph } from '../login/glyph.js';

/** Step 1: what the wizard does, and the disclaimer to accept before anything is set up. */
@Component({
  selector: 'wl-welcome-step',
  imports: [MatButton, MatCheckbox, Disclaimer, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './welcome-step.html',
  styleUrl: './wizard-step.scss',
})
export class WelcomeStep {
  readonly accepted = input.required<boolean>();
  readonly acceptedChange = output<boolean>();
  readonly next = output();
}
