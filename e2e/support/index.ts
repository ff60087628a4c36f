export * from './keyward-process';
export * from './console-client';
export * from './operations';
export * from './browser';
export * from './gateways';
export * from './eventstoredb-fake';
export * from './history';
export * from './audit-log';
