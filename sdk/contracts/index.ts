export * from './audit-actions.js';
export * from './errors.js';
export * from './events.js';
export * from './host-status.js';
export * from './jobs.js';
export * from './plugin-manifest.js';
export * from './rpc.js';
export * from './tiers.js';
