import { getMetadataStorage, IsInt, IsString, MaxLength, validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { cacheValidationMetadata } from './validation-metadata.js';

class Base {
  @IsString()
  @MaxLength(5)
  name!: unknown;
}

const errorsOf = async (object: object) =>
  (await validate(object, { whitelist: true, forbidNonWhitelisted: true })).map((e) => [
    e.property,
    Object.keys(e.constraints ?? {}).sort(),
  ]);

describe('cacheValidationMetadata', () => {
  it('answers as class-validator does, the same rules each time, and sees rules added later', async () => {
    const plain = Object.assign(new Base(), { name: 'far too long', extra: 1 });
    const before = await errorsOf(plain);
    cacheValidationMetadata();
    cacheValidationMetadata();
    expect(await errorsOf(plain)).toEqual(before);
    expect(before).toEqual([
      ['extra', ['whitelistValidation']],
      ['name', ['maxLength']],
    ]);

    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Base, '', false, false);
    expect(storage.getTargetValidationMetadatas(Base, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));

    // A class defined after the first answers: its own rules and its parent's.
    class Child extends Base {
      @IsInt()
      count!: unknown;
    }
    expect(await errorsOf(Object.assign(new Child(), { name: 'ok', count: 'x' }))).toEqual([['count', ['isInt']]]);
    expect(await errorsOf(Object.assign(new Child(), { name: 123, count: 1 }))).toEqual([['name', ['isString', 'maxLength']]]);
    expect(await errorsOf(Object.assign(new Base(), { name: 'ok' }))).toEqual([]);
  });
});
