import { CARD_PAGE_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { PageState } from '../../../../sdk/ui/page-state.js';

/** What every settings page's template uses: buttons, cards, icons, progress bars and the page states. */
export const SETTINGS_PAGE_IMPORTS = [CARD_PAGE_IMPORTS, PageState] as const;
