export * from './figures';
export * from './counters';
export * from './formulas';
export * from './outcomes';
export * from './agent-formulas';
