import { agentGetRoute } from './agent.js';
import { gettokenRoute } from './gettoken.js';
import { livingListRoute, livingInfoRoute, watchStatRoute } from './living-read.js';
import { livingCodeRoute, livingShareInfoRoute } from './living-share.js';
import {
  livingCancelRoute,
  livingCreateRoute,
  livingDeleteReplayRoute,
  livingModifyRoute,
} from './living-write.js';
import { mediaUploadRoute } from './media.js';
import { messageSendRoute } from './message.js';
import type { ApiRoute } from './route.js';
import { departmentListRoute, userGetRoute, userSimpleListRoute } from './user.js';

/** Every simulated WeCom API, by its path after /cgi-bin/. */
export const API_ROUTES: ReadonlyMap<string, ApiRoute> = new Map(
  [
    gettokenRoute,
    agentGetRoute,
    userGetRoute,
    userSimpleListRoute,
    departmentListRoute,
    livingCreateRoute,
    livingModifyRoute,
    livingCancelRoute,
    livingDeleteReplayRoute,
    livingListRoute,
    livingInfoRoute,
    watchStatRoute,
    livingShareInfoRoute,
    livingCodeRoute,
    messageSendRoute,
    mediaUploadRoute,
  ].map((route) => [route.api, route]),
);
