import type { Routes } from '@angular/router';
import { StatusPage } from './status-page.js';

export const routes: Routes = [
  { path: '', component: StatusPage },
  { path: '**', redirectTo: '' },
];
