import { isMobilePhone, maskName, maskPhone, normalizePhone } from './phone';

describe('normalizePhone / isMobilePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['199 1234 5678', '19912345678'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['(+86) 138.0013.8000', '13800138000'],
    ['  13800138000\t', '13800138000'],
    ['１３８００１３８０００', '13800138000'], // full-width digits from a Chinese input method
    ['138\u30000013\u30008000', '13800138000'], // full-width spaces
  ])('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(isMobilePhone(input)).toBe(true);
  });

  it.each([
    '',
    '   ',
    '12800138000', // second digit 2: not a mobile prefix
    '10800138000',
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '+86 1380013800',
    '+1 13800138000',
    '8612800138000',
    '138a0013800',
    '010-12345678', // a landline
    '138\n0013\n8000x',
  ])('%j is not a mainland mobile number', (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(isMobilePhone(input)).toBe(false);
  });

  it('null and undefined are not numbers', () => {
    expect(normalizePhone(null)).toBeNull();
    expect(isMobilePhone(undefined)).toBe(false);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
    ['010-12345678', '010-****5678'],
    ['0755-12345678', '075*-****5678'],
    ['+86 10 1234 5678', '101****678'],
    ['12345678', '12****78'],
    ['12345', '1***5'],
    ['123', '**3'],
    ['1', '*'],
    ['', ''],
  ])('%j → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('null stays null (no number on file)', () => {
    expect(maskPhone(null)).toBeNull();
  });

  it('never shows more than the first 3 and last 4 digits, and always hides at least half of a short input', () => {
    for (let length = 1; length <= 20; length++) {
      const digits = Array.from({ length }, (_, i) => String((i * 7 + 3) % 10)).join('');
      const masked = maskPhone(digits);
      expect(masked).toHaveLength(length);
      const shown = [...masked].filter((c) => c !== '*').length;
      const head = masked.match(/^[0-9]*/)![0];
      const tail = masked.match(/[0-9]*$/)![0];
      expect(shown).toBe(head.length + tail.length); // only a prefix and a suffix are visible
      expect(head.length).toBeLessThanOrEqual(3);
      expect(tail.length).toBeLessThanOrEqual(4);
      expect(length - shown).toBeGreaterThanOrEqual(Math.min(4, Math.ceil(length / 2)));
      expect(digits.startsWith(head) && digits.endsWith(tail)).toBe(true);
    }
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳娜', '欧阳*'],
    ['诸葛亮', '诸葛*'],
    ['欧阳', '欧*'], // two characters: surname 欧 + given name 阳
    ['张', '张*'],
    ['  李四 ', '李*'],
    ['𠀀明', '𠀀*'], // a character outside the BMP counts once
    ['买买提·艾力', '买*****'],
    ['', ''],
  ])('%j → %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it('null stays null', () => {
    expect(maskName(null)).toBeNull();
  });
});
