/** DI tokens a plugin may resolve from its child container. */
export const PLUGIN_CONTEXT = Symbol.for('wecom-live.PluginContext');
