import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from './api-types.js';

describe("the pages' API types", () => {
  it('are what the current api produces (run `npm run api:types` after changing the API)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const current = await generateApiTypes();
    expect(current === committed, `${API_TYPES_FILE} is out of date: run npm run api:types`).toBe(true);
  });
});
