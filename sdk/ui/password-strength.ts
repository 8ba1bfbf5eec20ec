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
  template: `
    <div
      class="strength"
      [attr.data-strength]="strength()"
      data-testid="password-strength"
      aria-live="polite"
    >
      <span class="bars" aria-hidden="true">
        <span [class.on]="level() >= 1"></span>
        <span [class.on]="level() >= 2"></span>
        <span [class.on]="level() >= 3"></span>
      </span>
      <span class="text">{{ text() }}</span>
    </div>
  `,
  styles: `
    .strength {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: -4px 0 8px;
    }
    .bars {
      display: inline-flex;
      gap: 3px;
    }
    .bars span {
      width: 18px;
      height: 4px;
      border-radius: 2px;
      background: var(--mat-sys-outline-variant);
    }
    [data-strength='weak'] .bars span.on {
      background: var(--mat-sys-error);
    }
    [data-strength='fair'] .bars span.on {
      background: var(--mat-sys-tertiary);
    }
    [data-strength='strong'] .bars span.on {
      background: var(--mat-sys-primary);
    }
  `,
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
