// Loaded before every node spec: DI metadata and a timeout that fits specs which start real servers.
import 'reflect-metadata';

jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;
