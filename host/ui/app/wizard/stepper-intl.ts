import { Injectable } from '@angular/core';
import { MatStepperIntl } from '@angular/material/stepper';

/** The stepper's own words in Chinese. */
@Injectable()
export class ZhStepperIntl extends MatStepperIntl {
  override optionalLabel = '可选';
  override completedLabel = '已完成';
  override editableLabel = '可修改';
}
