export * from './define-plugin.js';
export * from './plugin-context.js';
export * from './tokens.js';
