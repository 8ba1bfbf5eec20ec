import { MatChipsModule } from '@angular/material/chips';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { SETTINGS_PAGE_IMPORTS } from './page-imports.js';

/** A card list of things root-admin switches on and off (插件管理, 报表; styles in `_card-list.scss`). */
export const CARD_LIST_IMPORTS = [
  SETTINGS_PAGE_IMPORTS,
  MatChipsModule,
  MatSlideToggleModule,
  MatTooltipModule,
] as const;

export type CardState = 'enabled' | 'disabled' | 'failed';

/** A card's state in words: 已启用, 已停用, and what a failed one is called on its page. */
export function stateLabels(failed: string): Record<CardState, string> {
  return { enabled: '已启用', disabled: '已停用', failed };
}

/** The chip class of a card's state. */
export const STATE_CHIPS: Readonly<Record<CardState, string>> = {
  enabled: 'chip-ok',
  disabled: 'chip-off',
  failed: 'chip-bad',
};
