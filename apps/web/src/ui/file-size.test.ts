import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('file sizes', () => {
  it('are written in units of 1024, one decimal at most', () => {
    expect(formatFileSize(2_048, 'en')).toBe('2 kB');
    expect(formatFileSize(251_220, 'en')).toBe('245.3 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatFileSize(3 * 1024 ** 3, 'ja')).toBe('3 GB');
  });

  it('leave sizes under 1 kB to the exact count of bytes', () => {
    expect(formatFileSize(1_023, 'en')).toBeUndefined();
  });
});
