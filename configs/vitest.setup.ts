import nock from 'nock';
import { afterAll } from 'vitest';

// No test may reach the network. Loopback stays open for tests that start their own servers.
nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));

afterAll(() => {
  nock.cleanAll();
});
