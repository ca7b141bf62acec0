import { describe, expect, it } from 'vitest';
import { SnakeNamingStrategy, snakeCase } from './snake-naming-strategy.js';

describe('snake_case naming', () => {
  it.each([
    ['ApplicationSide', 'application_side'],
    ['createdAt', 'created_at'],
    ['orcidId', 'orcid_id'],
    ['rorID', 'ror_id'],
    ['HTTPRequestLog', 'http_request_log'],
    ['already_snake', 'already_snake'],
  ])('%s -> %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });

  it('keeps explicit names and prefixes embedded columns', () => {
    const naming = new SnakeNamingStrategy();
    expect(naming.tableName('FundingCall', 'calls')).toBe('calls');
    expect(naming.columnName('amountMinor', undefined, ['budgetCap'])).toBe('budget_cap_amount_minor');
    expect(naming.joinColumnName('homeOrganisation', 'id')).toBe('home_organisation_id');
  });
});
