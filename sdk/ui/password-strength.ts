import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  PASSWORD_RULE_HINT,
  PASSWORD_STRENGTH_LABELS,
  passwordProblem,
  passwordStrength,
} from '../contracts/password-rules.js';

/**
 * The rule and a strength hint under a new local password (root-admin, WeCom admins): the same check
 * the host makes (sdk/contracts/password-rules.ts), so "弱" means the host will refuse it.
 */
@Component({
  selector: 'wl-password-strength',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-strength.html',
  styleUrl: './password-strength.scss',
})
export class PasswordStrength {
  /** The password as typed. */
  readonly password = input.required<string>();

  protected readonly strength = computed(() => passwordStrength(this.password()));
  protected readonly level = computed(() => {
    if (this.password() === '') return 0;
    return { weak: 1, fair: 2, strong: 3 }[this.strength()];
  });
  protected readonly text = computed(() => {
    const value = this.password();
    if (value === '') return PASSWORD_RULE_HINT;
    const problem = passwordProblem(value);
    return problem === null
      ? PASSWORD_STRENGTH_LABELS[this.strength()]
      : `${PASSWORD_STRENGTH_LABELS.weak}：${problem}`;
  });
}
