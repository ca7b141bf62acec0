import { startBalancer } from './balancer.js';

/**
 * The cluster's balancer as a process of its own (`startCluster({ balancerProcess: true })`), so
 * that a load generator in the launcher's process does not share its event loop. BALANCER_UPSTREAMS
 * names the apis (comma-separated base URLs); HOST and PORT where it listens. JSON log lines, like
 * the apis'.
 */
function log(msg: string): void {
  console.log(JSON.stringify({ level: 30, time: Date.now(), name: 'jointcall-balancer', msg }));
}

const upstreams = (process.env['BALANCER_UPSTREAMS'] ?? '')
  .split(',')
  .map((url) => url.trim())
  .filter((url) => url !== '');
const balancer = await startBalancer({ upstreams, host: process.env['HOST'] ?? '127.0.0.1', port: Number(process.env['PORT'] ?? '0') });
log(`balancer ready at ${balancer.url}, round robin over ${upstreams.join(', ')}`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  void balancer.close().then(() => {
    log(`stopped; requests per api: ${balancer.served().join(', ')}`);
    process.exit(0);
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
