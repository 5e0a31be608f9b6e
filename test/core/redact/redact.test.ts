import { redactText, REDACTION_RULES, type RedactionRule } from '../../../bot/core/redact';

/**
 * Issue 14 item 9: real formats travellers paste, from China, Russia, Korea, Japan, Europe and
 * North America; and what must never be touched (the declaration check and the coordinator
 * read prices, quantities, dates and flight numbers from the same texts).
 */
describe('redactText', () => {
  describe('when a text holds passport or ID numbers', () => {
    it.each([
      // China
      ['my passport is E12345678', 'my passport is [passport]'],
      ['护照号EA1234567，请帮忙', '护照号[passport]，请帮忙'],
      ['护照 G 1234 5678', '护照 [passport]'],
      ['passport g12345678.', 'passport [passport].'],
      ['身份证110101199003071234', '身份证[id]'],
      ['身份证号 11010119900307123X 谢谢', '身份证号 [id] 谢谢'],
      // Russia (Latin and Cyrillic letters)
      ['паспорт 72 1234567', 'паспорт [passport]'],
      ['паспорт 72 № 1234567', 'паспорт [passport]'],
      ['серия и номер 4510 123456', 'серия и номер [passport]'],
      ['загранпаспорт Е12345678', 'загранпаспорт [passport]'],
      ['номер паспорта: 721234567', 'номер паспорта: [passport]'],
      // Korea, Japan
      ['여권번호 M12345678', '여권번호 [passport]'],
      ['여권 M123A4567 입니다', '여권 [passport] 입니다'],
      ['旅券番号 TK1234567', '旅券番号 [passport]'],
      // Europe
      ['UK passport number 123456789', 'UK passport number [passport]'],
      ['Reisepass C01X00T47', 'Reisepass [passport]'],
      ['passeport n° 12AB34567', 'passeport n° [passport]'],
      ['passport YA1234567 (Italy)', 'passport [passport] (Italy)'],
      // Machine-readable lines of a passport (ICAO 9303 specimen) and an ID card
      ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', '[passport]'],
      ['L898902C36UTO7408122F1204159ZE184226B<<<<<10', '[passport]'],
      ['MRZ:\nP<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nE123456781CHN8001014M3001012<<<<<<<<<<<<<<02', 'MRZ:\n[passport]\n[passport]'],
      ['I<UTOD231458907<<<<<<<<<<<<<<<', '[passport]'],
    ])('hides %j', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when a text holds phone numbers', () => {
    it.each([
      // China
      ['电话13800138000', '电话[phone]'],
      ['电话 138 0013 8000', '电话 [phone]'],
      ['call 138.0013.8000', 'call [phone]'],
      ['我的号码8613800138000', '我的号码[phone]'],
      ['+86 138-0013-8000 WeChat', '[phone] WeChat'],
      ['全角１３８００１３８０００', '全角[phone]'],
      ['office 010-12345678', 'office [phone]'],
      ['座机 0451-87654321', '座机 [phone]'],
      ['Hong Kong +852 9123 4567', 'Hong Kong [phone]'],
      // Russia
      ['call +7 912 345-67-89 please', 'call [phone] please'],
      ['мой номер 8 (912) 345-67-89', 'мой номер [phone]'],
      ['89123456789', '[phone]'],
      ['+7 123 456 78 90', '[phone]'],
      // Korea, Japan
      ['010-1234-5678로 연락주세요', '[phone]로 연락주세요'],
      ['+82 10-1234-5678', '[phone]'],
      ['電話 090-1234-5678', '電話 [phone]'],
      ['+81 3-1234-5678', '[phone]'],
      // Europe, North America
      ['London 020 7946 0958', 'London [phone]'],
      ['+44 20 7946 0958', '[phone]'],
      ['+49 30 12345678', '[phone]'],
      ['appelez le 06 12 34 56 78', 'appelez le [phone]'],
      ['+33 1 23 45 67 89', '[phone]'],
      ['my cell is 415-555-0132', 'my cell is [phone]'],
      ['(415) 555-0132', '[phone]'],
    ])('hides %j', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when a text holds e-mail addresses', () => {
    it.each([
      ['write to wang.li@example.com', 'write to [email]'],
      ['почта ivan_petrov+trip@mail.ru, спасибо', 'почта [email], спасибо'],
      ['邮箱zhang123@qq.com', '邮箱[email]'],
    ])('hides %j', (text, expected) => {
      expect(redactText(text)).toBe(expected);
    });
  });

  describe('when a text holds numbers travellers need', () => {
    it.each([
      'call customs on 12360 or 0451-12360',
      'Beijing customs 010-12360',
      'immigration 12367, police 110, ambulance 120',
      'I have 5,000 yuan and 20 000 рублей',
      'a bag for 5000',
      'bought a watch for 12,000 yuan',
      'сумка за 1 500 000 рублей и 15 000 руб',
      '价值1500000元的手表',
      '我带了30000元现金和1万美元',
      'USD 10000 cash',
      'flight CA123 on 2026-11-20 at 10:30',
      'flights CA123/SU204 and MU5101',
      'рейс SU204 20.11.2026 в 10:30',
      '2026/11/20, 20261120, 2026年11月20日',
      '400 cigarettes and 1.5 litres',
      '2 литра водки и 4 блока сигарет',
      '带了15条烟，价值8000元',
      '12 cartons, 4 bottles of 750 ml, 52度',
      'prices 1300-1500 yuan, 2024-2026',
      'section 3.1 of GACC announcement 2010 No. 54',
    ])('keeps %j as it is', (text) => {
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
      if (!('phoneRegions' in rule)) expect(() => new RegExp(rule.source, rule.flags)).not.toThrow();
    }
  });

  // A guard against catastrophic backtracking, not a benchmark: a pattern gone exponential takes
  // seconds on these inputs; the bound sits far above normal variation on a busy machine.
  describe('on long inputs', () => {
    const timeOf = (text: string) => {
      const t0 = performance.now();
      const out = redactText(text);
      return { ms: performance.now() - t0, out };
    };
    it('redacts a 4,000-character message with a few numbers without backtracking', () => {
      const text = `${'我想问一下带了15条烟和两瓶酒需要申报吗，价值8000元。'.repeat(60)} 电话13800138000, +7 912 345-67-89, E12345678 ${'a bag for 12,000 yuan, flight CA123. '.repeat(50)}`;
      const { ms, out } = timeOf(text);
      expect(out).not.toContain('13800138000');
      expect(ms).toBeLessThan(1000);
    });
    it('redacts 4,000 characters of nothing but numbers without backtracking', () => {
      const { ms, out } = timeOf('+7 912 345-67-89, 138 0013 8000, 12,000 yuan. '.repeat(85));
      expect(out).not.toContain('345-67-89');
      expect(ms).toBeLessThan(1000);
    });
  });
});
