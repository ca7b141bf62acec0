export * from './rules/auto-assign.js';
export * from './rules/outcome.js';
export * from './rules/ranking.js';
