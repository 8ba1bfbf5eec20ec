import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The developers' disclaimer (R2.4), at the bottom of the home page and in the wizard's first step. */
export const DISCLAIMER_TEXT =
  '本软件仅供个人学习、测试与评估使用，请勿用于生产或商业运营；通过本软件获取的企业微信数据（含成员信息与观看记录），' +
  '请在 24 小时内删除。本软件与腾讯公司及企业微信官方无任何关联，亦未获其授权或认可。使用者应确保自身的使用方式符合' +
  '《企业微信服务协议》、企业微信开发者相关规范及个人信息保护等法律法规；因使用本软件产生的任何直接或间接损失、' +
  '数据泄露或法律责任，均由使用者自行承担，开发者不承担任何责任。';

@Component({
  selector: 'wl-disclaimer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './disclaimer.html',
  styleUrl: './disclaimer.scss',
})
export class Disclaimer {
  protected readonly text = DISCLAIMER_TEXT;
}
