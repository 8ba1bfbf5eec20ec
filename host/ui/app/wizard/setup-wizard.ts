import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
  type OnInit,
} from '@angular/core';
import { Router } from '@angular/router';
import type { StepperSelectionEvent } from '@angular/cdk/stepper';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatStepper, MatStepperIntl, MatStepperModule } from '@angular/material/stepper';
import { injectBreakpoint } from '../../../../sdk/ui/breakpoints.js';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { Glyph } from '../login/glyph.js';
import { ThemeSwitch } from '../login/theme-switch.js';
import { CorpStep } from './corp-step.js';
import { DoneStep } from './done-step.js';
import { RootPasswordStep } from './root-password-step.js';
import { SetupFlow } from './setup-flow.js';
import { ZhStepperIntl } from './stepper-intl.js';
import { ThemeStep } from './theme-step.js';
import { TrustedIpStep } from './trusted-ip-step.js';
import { WelcomeStep } from './welcome-step.js';
import { STEP } from './wizard-progress.js';

/**
 * The first-run wizard at /setup (R2.10): a linear stepper — welcome and disclaimer, root-admin's
 * password and recovery code, the first corp (skippable), trusted IPs, theme, done. It resumes where
 * it stopped (SetupFlow keeps the progress).
 */
@Component({
  selector: 'wl-setup-wizard',
  imports: [
    MatButton,
    MatProgressBar,
    MatStepperModule,
    CorpStep,
    DoneStep,
    Glyph,
    RootPasswordStep,
    ThemeStep,
    ThemeSwitch,
    TrustedIpStep,
    WelcomeStep,
  ],
  providers: [SetupFlow, { provide: MatStepperIntl, useClass: ZhStepperIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-wizard.component.html',
  styleUrl: './setup-wizard.scss',
})
export class SetupWizard implements OnInit {
  protected readonly flow = inject(SetupFlow);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly STEP = STEP;
  private readonly stepper = viewChild(MatStepper);
  /** The step to open, known once the host answered; null while loading. */
  protected readonly startStep = signal<number | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly narrow = injectBreakpoint();

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      const step = await this.flow.start();
      if (step === null) await this.router.navigateByUrl('/login');
      else this.startStep.set(step);
    } catch (error) {
      this.loadError.set(error instanceof RpcError ? describeError(error.body) : '无法连接主程序。');
    }
  }

  protected stepChanged(event: StepperSelectionEvent): void {
    this.flow.update({ step: event.selectedIndex });
  }

  /** The trusted-IP step, done or left for later: only a done one is ticked. */
  protected trustedIpsDone(skipped: boolean): void {
    this.flow.update({ ipsSkipped: skipped });
    this.advance(!skipped);
  }

  /** Marks the current step done (unless skipped) and moves on; `completed` bindings follow the progress. */
  protected advance(tick = true): void {
    const stepper = this.stepper();
    if (stepper === undefined) return;
    const current = stepper.selected;
    if (tick && current !== undefined && current !== null) current.completed = true;
    stepper.next();
    // Keyboard and screen-reader users land on the new step's title, not on the old step's button.
    afterNextRender(() => this.focusStepTitle(), { injector: this.injector });
  }

  private focusStepTitle(): void {
    const titles = Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('mat-stepper h2'));
    const visible = titles.find((title) => title.offsetParent !== null);
    if (visible === undefined) return;
    visible.tabIndex = -1;
    visible.focus();
  }
}
