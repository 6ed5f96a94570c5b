import { TrackerError } from '@tracker/schema';
import { describe, expect, it } from 'vitest';
import { isScrapeError, redactUrl, ScrapeError } from './errors';

describe('ScrapeError', () => {
  it('is a TrackerError with the source, the redacted URL and the problem in its message', () => {
    const cause = new Error('low level');
    const error = new ScrapeError({
      code: 'HTTP_FAILED',
      scraperId: 'lmarena',
      url: 'https://x.test/a?token=abc123&page=1',
      problem: 'expected a 2xx response, got HTTP 503',
      statusCode: 503,
      retryable: true,
      cause,
    });
    expect(TrackerError.is(error)).toBe(true);
    expect(isScrapeError(error)).toBe(true);
    expect(isScrapeError(new TrackerError('HTTP_FAILED', 'x'))).toBe(false);
    expect(error.message).toBe(
      '[scraper:lmarena] https://x.test/a?token=[redacted]&page=1: expected a 2xx response, got HTTP 503',
    );
    expect(error).toMatchObject({
      code: 'HTTP_FAILED',
      scraperId: 'lmarena',
      statusCode: 503,
      retryable: true,
      cause,
    });
    expect(error.url).not.toContain('abc123');
  });
});

describe('redactUrl keeps ordinary parameters', () => {
  it('does not take author= for a credential, but auth= and authorization= are', () => {
    expect(redactUrl('https://x.test/api/models?author=Qwen&auth=1&authorization=2')).toBe(
      'https://x.test/api/models?author=Qwen&auth=[redacted]&authorization=[redacted]',
    );
  });
});

describe('redactUrl', () => {
  it('redacts credential-like parameters and user info, and leaves other text alone', () => {
    expect(redactUrl('https://user:pw@x.test/p?api_key=1&apiKey=2&access_token=3&sig=4&q=keep')).toBe(
      'https://redacted@x.test/p?api_key=[redacted]&apiKey=[redacted]&access_token=[redacted]&sig=[redacted]&q=keep',
    );
    expect(redactUrl('https://x.test/plain?page=2')).toBe('https://x.test/plain?page=2');
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
