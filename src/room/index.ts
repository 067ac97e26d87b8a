export * from './protocol.ts';
export * from './joinNotice.ts';
export * from './checks.ts';
export * from './roster.ts';
