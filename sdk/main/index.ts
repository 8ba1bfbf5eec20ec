export * from './define-plugin.js';
export * from './event-loop.js';
export * from './live-store.js';
export * from './plugin-context.js';
export * from './tokens.js';
