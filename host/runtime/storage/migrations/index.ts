import type { NamedMigration } from '../migration-runner.js';
import * as hostCore from './001-host-core.js';
import * as accounts from './002-accounts.js';
import * as liveStore from './003-live-store.js';
import * as selfInvites from './004-self-invites.js';
import * as onlinePeaks from './005-online-peaks.js';
import * as livePeoplePersonIndex from './006-live-people-person-index.js';
import * as queryIndexes from './007-query-indexes.js';
import * as accountSecurity from './008-account-security.js';
import * as checkinResolutions from './009-checkin-resolutions.js';
import * as reportViews from './010-report-views.js';
import * as themeSort from './011-theme-sort.js';
import * as dropInviterIndexes from './012-drop-inviter-indexes.js';

/** The host's migrations in order. Append only: released migrations never change. */
export const HOST_MIGRATIONS: NamedMigration[] = [
  { name: '001-host-core', migration: hostCore },
  { name: '002-accounts', migration: accounts },
  { name: '003-live-store', migration: liveStore },
  { name: '004-self-invites', migration: selfInvites },
  { name: '005-online-peaks', migration: onlinePeaks },
  { name: '006-live-people-person-index', migration: livePeoplePersonIndex },
  { name: '007-query-indexes', migration: queryIndexes },
  { name: '008-account-security', migration: accountSecurity },
  { name: '009-checkin-resolutions', migration: checkinResolutions },
  { name: '010-report-views', migration: reportViews },
  { name: '011-theme-sort', migration: themeSort },
  { name: '012-drop-inviter-indexes', migration: dropInviterIndexes },
];
