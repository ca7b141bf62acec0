import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { apiFieldErrors, organisationBody, organisationValues } from './organisation-form';

const valid = {
  ...organisationValues(),
  shortName: ' Hokudai ',
  nameEn: 'Hokkaido University',
  nameJa: '北海道大学',
  country: 'jp',
};

describe('the organisation form', () => {
  it('sends trimmed values, the country in capitals, and absent identifiers as null', () => {
    expect(organisationBody(valid)).toEqual({
      body: {
        kind: 'institution',
        shortName: 'Hokudai',
        nameEn: 'Hokkaido University',
        nameJa: '北海道大学',
        country: 'JP',
        timeZone: 'Asia/Tokyo',
        rorId: null,
        funderId: null,
      },
    });
  });

  it('sends identifiers normalised as the api stores them', () => {
    const result = organisationBody({ ...valid, rorId: 'https://ror.org/057ZH3Y96', funderId: 'https://doi.org/10.13039/501100002241' });
    expect(result).toMatchObject({ body: { rorId: '057zh3y96', funderId: '10.13039/501100002241' } });
  });

  it('refuses a ROR ID with wrong check digits and a DOI outside the Funder Registry, naming the fields', () => {
    expect(organisationBody({ ...valid, rorId: '057zh3y97', funderId: '10.1000/501100002241' })).toEqual({
      problems: { rorId: 'rorId', funderId: 'funderId' },
    });
  });

  it('names every missing required field and a country that is not two letters', () => {
    expect(organisationBody({ ...organisationValues(), timeZone: '', country: 'JPN' })).toEqual({
      problems: { shortName: 'required', nameEn: 'required', nameJa: 'required', country: 'country', timeZone: 'required' },
    });
  });

  it('starts from the organisation being edited', () => {
    const values = organisationValues({
      id: 'x',
      kind: 'funding_agency',
      shortName: 'JST',
      name: { en: 'Japan Science and Technology Agency', ja: '科学技術振興機構' },
      country: 'JP',
      timeZone: 'Asia/Tokyo',
      rorId: '00097mb19',
      funderId: null,
      version: 3,
    });
    expect(values).toMatchObject({ kind: 'funding_agency', nameJa: '科学技術振興機構', rorId: '00097mb19', funderId: '' });
  });
});

describe('the api’s field errors', () => {
  it('keeps the first message of each field', () => {
    const error = new ApiError(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'timeZone', message: 'timeZone must be an IANA time zone' },
          { field: 'timeZone', message: 'second' },
          { field: 'rorId', message: 'rorId must be a ROR ID' },
        ],
      },
      undefined,
    );
    expect(apiFieldErrors(error)).toEqual({ timeZone: 'timeZone must be an IANA time zone', rorId: 'rorId must be a ROR ID' });
    expect(apiFieldErrors(new Error('x'))).toEqual({});
  });
});
