export * from './envelope';
export * from './agent-events';
export * from './contact-events';
export * from './supervision-events';
export * from './snapshot';
export * from './commands';
export * from './events';
export * from './parse';
