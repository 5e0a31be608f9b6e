import { createStreamRegistry } from '../../../bot/adapters/http/stream-registry';

describe('createStreamRegistry', () => {
  describe('when streams are open', () => {
    it('counts them, and forgets one that unregisters', () => {
      const registry = createStreamRegistry();
      const a = registry.add(() => undefined);
      registry.add(() => undefined);
      expect(registry.size()).toBe(2);
      a();
      a();
      expect(registry.size()).toBe(1);
    });
  });
  describe('when closeAll is called (SIGTERM)', () => {
    it('ends every open stream with the retry hint, and a stream opened afterwards at once', () => {
      const registry = createStreamRegistry();
      const ended: string[] = [];
      registry.add((ms) => ended.push(`a:${ms}`));
      registry.add((ms) => ended.push(`b:${ms}`));
      registry.closeAll(1000);
      expect(ended).toEqual(['a:1000', 'b:1000']);
      expect(registry.size()).toBe(0);
      registry.add((ms) => ended.push(`late:${ms}`));
      expect(ended).toEqual(['a:1000', 'b:1000', 'late:1000']);
      expect(registry.size()).toBe(0);
    });
  });
});
