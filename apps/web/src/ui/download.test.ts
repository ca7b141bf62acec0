import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download';

describe('the name of a downloaded file', () => {
  it("prefers RFC 6266's UTF-8 name, so a Japanese name survives", () => {
    expect(fileNameFrom(`attachment; filename="?????.pdf"; filename*=UTF-8''%E7%A0%94%E7%A9%B6%E8%A8%88%E7%94%BB%E6%9B%B8.pdf`, 'x')).toBe(
      '研究計画書.pdf',
    );
  });
  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameFrom('attachment; filename="plan.pdf"', 'x')).toBe('plan.pdf');
    expect(fileNameFrom(null, 'document.pdf')).toBe('document.pdf');
  });
});
