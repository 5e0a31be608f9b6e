import { startServer, type RunningServer } from '../../fixtures/services';

/** Issue 14: a missing /favicon.ico showed as a 404 error in every browser console. */
describe('GET /favicon.ico', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('serves an icon (an ICO with one 32×32 image) to the chat page and the console', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICO header: reserved 0, type 1 (icon)
    expect(bytes.readUInt16LE(4)).toBe(1);
    expect(bytes[6]).toBe(32);
    const page = await (await fetch(`${server.url}/console/`)).text();
    expect(page).toContain('<link rel="icon" href="/favicon.ico">');
  });
});
