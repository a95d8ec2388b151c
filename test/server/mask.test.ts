/** Masking applicants' contact data in lists and exports. */
import { describe, expect, it } from 'vitest';
import { maskContact, maskIdNumber } from '../../src/accounts/mask.js';

describe('masking personal data', () => {
  it('keeps the first three and last four digits of mobile and landline numbers', () => {
    expect(maskContact('电话 13812345678')).toBe('电话 138****5678');
    expect(maskContact('0871-12345678')).toBe('087*-****5678');
    expect(maskContact('0871 6543 2100')).toBe('087* **** 2100');
  });
  it('leaves short numbers such as postcodes and house numbers alone', () => {
    expect(maskContact('邮编 650000，人民路 12 号')).toBe('邮编 650000，人民路 12 号');
  });
  it('cuts e-mail local parts short and hides the middle of ID numbers', () => {
    expect(maskContact('zhangsan@example.cn')).toBe('zha***@example.cn');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
