/** Masking applicants' contact data in lists and exports. */
import { describe, expect, it } from 'vitest';
import { maskAddress, maskContact, maskIdNumber } from '../../src/accounts/mask.js';

describe('masking personal data', () => {
  it('keeps the first three and last four digits of mobile and landline numbers', () => {
    expect(maskContact('电话 13812345678')).toBe('电话 138****5678');
    expect(maskContact('0871-12345678')).toBe('087*-****5678');
    expect(maskContact('0871 6543 2100')).toBe('087* **** 2100');
  });

  it('recognises a phone number however it is written', () => {
    expect(maskContact('手机 138.1234.5678')).toBe('手机 138.****.5678');
    expect(maskContact('0871/12345678')).toBe('087*/****5678');
    expect(maskContact('138/1234/5678')).toBe('138/****/5678');
    expect(maskContact('138 1234 5678')).toBe('138 **** 5678');
    expect(maskContact('手机 １３８１２３４５６７８')).toBe('手机 １３８****５６７８');
    expect(maskContact('电话一三八一二三四五六七八')).toBe('电话一三八****五六七八');
    expect(maskContact('电话 幺三八 幺二三四 五六七八')).toBe('电话 幺三八 **** 五六七八');
    expect(maskContact('(0871)6543-2100')).toBe('(087*)****-2100');
  });

  it('leaves short numbers such as postcodes and dates alone', () => {
    expect(maskContact('邮编 650000')).toBe('邮编 650000');
    expect(maskContact('2026年3月2日来电')).toBe('2026年3月2日来电');
  });

  it('hides an address down to its township: labelled, or known by its house number', () => {
    // The public form's contact line: every part masked, the address to its township.
    expect(maskContact('联系人 张三；电话 13812345678；电子邮箱 zhangsan@example.cn；地址 青禾县云岭镇人民路 12 号 3 栋 501 室')).toBe(
      '联系人 张**；电话 138****5678；电子邮箱 zha***@example.cn；地址 青禾县云岭镇************',
    );
    // Typed by an officer from a letter: the address ends where the phone begins.
    expect(maskContact('地址：云岭镇人民路12号，电话138.1234.5678')).toBe('地址：云岭镇******，电话138.****.5678');
    // No label, but a road and a number: still an address. The compound's name goes too.
    expect(maskContact('邮编 650000，人民路 12 号')).toBe('邮编 650000，********');
    expect(maskContact('住石泉街道幸福小区3栋2单元')).toBe('住石泉街道*********');
    expect(maskAddress('青禾县石泉街道东风路8号')).toBe('青禾县石泉街道*****');
  });

  it('cuts e-mail local parts short and hides the middle of ID numbers', () => {
    expect(maskContact('zhangsan@example.cn')).toBe('zha***@example.cn');
    expect(maskContact('邮箱：lisi＠example.cn')).toBe('邮箱：lis***＠example.cn');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
