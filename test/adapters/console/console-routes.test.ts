import { startServer, type RunningServer } from '../../fixtures/services';

describe('GET /console/texts.json', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('gives the console its phrases in zh, en and ru', async () => {
    const res = await fetch(`${server.url}/console/texts.json`);
    expect(res.status).toBe(200);
    const texts = (await res.json()) as Record<string, Record<string, string>>;
    expect(Object.keys(texts).sort()).toEqual(['en', 'ru', 'zh']);
    expect(texts.zh?.app_title).toBe('旅客协调台');
    expect(texts.ru?.reason_seizure).toBe('Вещи задержаны');
  });
});
