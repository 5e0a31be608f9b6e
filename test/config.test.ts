import { ConfigError, loadConfig } from '../bot/config';

describe('loadConfig', () => {
  describe('when nothing is set', () => {
    it('uses the embedded defaults', () => {
      const c = loadConfig({});
      expect(c).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: 30 });
      expect(c.DATA_DIR.endsWith('/data')).toBe(true);
      expect(c.databaseFile.endsWith('/data/assistant.sqlite')).toBe(true);
    });
  });
  describe('when a variable is wrong', () => {
    it.each([
      [{ PORT: 'abc' }, /PORT="abc" is invalid/],
      [{ PORT: '70000' }, /PORT="70000"/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud" is invalid/],
      [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE/],
      [{ PUBLIC_URL: 'bot.example.com' }, /PUBLIC_URL="bot.example.com" is invalid: must be a full http/],
    ])('throws a ConfigError naming it (%o)', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
  });
  describe('METRICS_TOKEN and METRICS_PORT (issue 13)', () => {
    it('accepts a token and a second port', () => {
      expect(loadConfig({ METRICS_TOKEN: 'scrape-me-0123456789', METRICS_PORT: '9464' })).toMatchObject({ METRICS_TOKEN: 'scrape-me-0123456789', METRICS_PORT: 9464 });
      expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    });
    it('refuses a short token without printing it', () => {
      expect(() => loadConfig({ METRICS_TOKEN: 'short secret' })).toThrow(/METRICS_TOKEN=\[redacted\] is invalid: must be 16-256 printable characters/);
      expect(() => loadConfig({ METRICS_TOKEN: 'short secret' })).not.toThrow(/short secret/);
    });
    it('refuses METRICS_PORT equal to PORT', () => {
      expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(/METRICS_PORT="8080" is invalid: must differ from PORT/);
    });
  });

  describe('DATABASE_URL (issue 13)', () => {
    it('selects PostgreSQL when set, and is absent by default (SQLite under DATA_DIR)', () => {
      expect(loadConfig({}).DATABASE_URL).toBeUndefined();
      expect(loadConfig({ DATABASE_URL: 'postgres://bot:s3cret@db:5432/customs' }).DATABASE_URL).toBe('postgres://bot:s3cret@db:5432/customs');
      expect(loadConfig({ DATABASE_URL: 'postgresql://db/customs' }).DATABASE_URL).toBe('postgresql://db/customs');
    });
    it.each(['mysql://bot:s3cret@db/customs', 'db:5432', 'postgres:bot:s3cret@db'])('refuses %s without printing it (it holds the password)', (value) => {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow('config: DATABASE_URL=[redacted] is invalid: must be a postgres://');
      expect(() => loadConfig({ DATABASE_URL: value })).not.toThrow(value);
    });
  });
  it('accepts 0 to turn the rate limit off', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).RATE_LIMIT_PER_MINUTE).toBe(0);
  });

  describe('TRUST_PROXY (issue 14 item 3)', () => {
    it.each([
      ['false', false],
      ['0', false],
      ['1', 1],
      ['2', 2],
      ['10.0.0.2', ['10.0.0.2']],
      ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
      ['::1,fd00::/8', ['::1', 'fd00::/8']],
    ])('reads %s as a hop count or a list of proxies', (value, expected) => {
      expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
    });
    it.each(['true', 'yes', '10.0.0.300', '10.0.0.0/33', 'example.com'])('refuses %s, naming the variable', (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY=.* is invalid/);
    });
  });
});
