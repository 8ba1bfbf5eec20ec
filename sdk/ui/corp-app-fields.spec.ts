import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { corpFieldControls } from './corp-app-form.js';
import { CorpAppFields } from './corp-app-fields.js';

@Component({
  imports: [ReactiveFormsModule, CorpAppFields],
  template: `
    <form [formGroup]="form">
      <wl-corp-app-fields
        [corpid]="form.controls.corpid"
        [corpsecret]="form.controls.corpsecret"
        [agentid]="form.controls.agentid"
        testidPrefix="x-"
        [saved]="saved()"
      />
    </form>
  `,
})
class Host {
  readonly saved = signal(false);
  readonly form = new FormGroup(corpFieldControls());
}

describe('CorpAppFields', () => {
  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="x-${id}"]`)!;
    return { fixture, el, input };
  }

  it("fills the caller's controls and judges them by the shared rules", async () => {
    const { fixture, input } = render();
    for (const [id, value] of [
      ['corpid', 'ww0123456789'],
      ['corpsecret', 'Secret_0123456789abcdef'],
      ['agentid', '2147483648'],
    ] as const) {
      input(id).value = value;
      input(id).dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    const { corpid, corpsecret, agentid } = fixture.componentInstance.form.controls;
    expect([corpid.valid, corpsecret.valid, agentid.valid]).toEqual([true, true, false]);
    input('agentid').value = '1000002';
    input('agentid').dispatchEvent(new Event('input'));
    expect(agentid.valid).toBeTrue();
  });

  it('shows and hides a typed Secret; a saved corp’s Secret is shown as saved, without the button', () => {
    const { fixture, el, input } = render();
    expect(input('corpsecret').type).toBe('password');
    el.querySelector<HTMLButtonElement>('button.toggle')!.click();
    fixture.detectChanges();
    expect(input('corpsecret').type).toBe('text');
    fixture.componentInstance.saved.set(true);
    fixture.detectChanges();
    expect(el.querySelector('button.toggle')).toBeNull();
    expect(el.textContent).toContain('已保存在本机（加密）');
    fixture.componentInstance.saved.set(false);
    fixture.detectChanges();
    expect(input('corpsecret').type).toBe('password');
  });
});
