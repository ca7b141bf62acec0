import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ENVIRONMENT, API_NODE_FLAGS } from './node-flags.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('the api is started with its Node flags and environment everywhere', () => {
  it('by npm start', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const environment = Object.entries(API_ENVIRONMENT).map(([name, value]) => `${name}=\${${name}:-${value}}`);
    expect(scripts['start']).toContain([...environment, 'node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js'].join(' '));
  });

  it('by the Docker image', () => {
    const dockerfile = read('docker/Dockerfile');
    const command = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(command ?? '[]')).toEqual(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js']);
    for (const [name, value] of Object.entries(API_ENVIRONMENT))
      expect(dockerfile).toMatch(new RegExp(`^ENV .*\\b${name}=${value}\\b`, 'm'));
  });
});
