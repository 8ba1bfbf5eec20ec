import type { DependencyContainer } from 'tsyringe';

/** A service class the container builds (tsyringe's own `constructor<T>` type is not exported). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape tsyringe's registerSingleton takes
export type ServiceClass = new (...args: any[]) => object;

/**
 * One concern of the host (accounts, jobs, storage …) as the runtime assembles it, like a Theia
 * ContainerModule: the services it provides, registered as singletons of the runtime's container, and
 * what it registers once every module's services exist (its channels, retention contributors).
 * `core/host-modules.ts` lists the modules; each concern's folder holds its own `module.ts`.
 */
export interface HostModule {
  readonly name: string;
  /** Singletons per runtime (not per process): specs start several runtimes in one process. */
  readonly services: readonly ServiceClass[];
  /** Runs after every module's services are registered, in the order of `HOST_MODULES`. */
  register?(container: DependencyContainer): void;
}
