import { redactText, REDACTION_RULES, type RedactionRule } from '../../../bot/core/redact';

describe('redactText', () => {
  describe('when a text holds passport numbers', () => {
    it.each([
      ['my passport is E12345678', 'my passport is [passport]'],
      ['护照号EA1234567，请帮忙', '护照号[passport]，请帮忙'],
      ['паспорт 72 1234567', 'паспорт [passport]'],
      ['паспорт 72 № 1234567', 'паспорт [passport]'],
      ['серия и номер 4510 123456', 'серия и номер [passport]'],
      ['passport g12345678.', 'passport [passport].'],
    ])('hides %s', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when a text holds phone numbers', () => {
    it.each([
      ['call +7 912 345-67-89 please', 'call [phone] please'],
      ['мой номер 8 (912) 345-67-89', 'мой номер [phone]'],
      ['89123456789', '[phone]'],
      ['电话13800138000', '电话[phone]'],
      ['电话 138 0013 8000', '电话 [phone]'],
      ['+86 138-0013-8000 WeChat', '[phone] WeChat'],
      ['全角１３８００１３８０００', '全角[phone]'],
      ['office 010-12345678', 'office [phone]'],
    ])('hides %s', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when a text holds numbers travellers need', () => {
    it.each([
      'call customs on 12360 or 0451-12360',
      'immigration 12367, police 110',
      'I have 5,000 yuan and 20 000 рублей',
      'flight CA123 on 2026-11-20 at 10:30',
      '400 cigarettes and 1.5 litres',
      '带了15条烟，价值8000元',
      'USD 10000 cash',
    ])('keeps "%s" as it is', (text) => {
      expect(redactText(text)).toBe(text);
    });
  });

  describe('when given other rules', () => {
    it('applies them as data, in order', () => {
      const rules: RedactionRule[] = [{ kind: 'phone', name: 'test', source: 'secret-\\d+', flags: 'g' }];
      expect(redactText('a secret-42 and secret-7', rules)).toBe('a [phone] and [phone]');
    });
  });

  it('has a name and a kind for every shipped rule', () => {
    for (const rule of REDACTION_RULES) {
      expect(rule.name).toMatch(/^[a-z_]+$/);
      expect(() => new RegExp(rule.source, rule.flags)).not.toThrow();
    }
  });
});
