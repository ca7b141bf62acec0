import { Transform } from 'class-transformer';

/** Strips surrounding white space from a string input before validation. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
