import { bootstrapApplication } from '@angular/platform-browser';
import { captureServerToken } from '../../sdk/ui/server-token.js';
import { App } from './app/app.js';
import { appConfig } from './app/app.config.js';

// Before Angular starts: take the server token out of the address bar (docs/architecture.md "Browser mode").
captureServerToken();

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
