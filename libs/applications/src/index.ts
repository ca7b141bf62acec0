export * from './rules/application-state.js';
