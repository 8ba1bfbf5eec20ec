/** DI tokens of the runtime's non-class values. Services are registered by class. */
export const RUNTIME_OPTIONS = Symbol.for('wecom-live.RuntimeOptions');
export const HOST_SETTINGS = Symbol.for('wecom-live.HostSettings');
export const LOGGER = Symbol.for('wecom-live.Logger');
export const CLOCK = Symbol.for('wecom-live.Clock');
export const KNEX = Symbol.for('wecom-live.Knex');
export const SECRET_VAULT = Symbol.for('wecom-live.SecretVault');
/** The DI container of the runtime (plugins get containers of their own that resolve none of it). */
export const RUNTIME_CONTAINER = Symbol.for('wecom-live.RuntimeContainer');
export const BOOTSTRAP_CONFIG = Symbol.for('wecom-live.BootstrapConfig');
