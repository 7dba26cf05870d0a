export * from './enums';
export * from './api';
export * from './state-machine';
export * from './sla';
export * from './zoned-time';
export * from './phone';
export * from './ticket-no';
export * from './cursor';
