/**
 * Tools for developing and operating jointcall that the running api and worker never load: the
 * migration generator (npm run migration:generate) and the streaming replicas of the scale-out
 * harness (npm run cluster) and its tests. Kept out of #platform so that runtime code cannot
 * reach them (.dependency-cruiser.cjs).
 */
export * from './migration-generator.js';
export * from './streaming-replica.js';
