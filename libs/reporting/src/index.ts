export * from './reporting.module.js';
// For wiring outside Nest (the benchmark's baseline server).
export { StatisticsService } from './statistics/statistics.service.js';
export { StatisticsRepository } from './statistics/statistics.repository.js';
