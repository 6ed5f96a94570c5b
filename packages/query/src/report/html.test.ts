import { describe, expect, it } from 'vitest';
import {
  createUrlFormatter,
  escapeHtml,
  formatUrlHtml,
  html,
  joinHtml,
  mapHtml,
  SafeHtml,
  toSafeLinkUrl,
} from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)"> & 'x'`)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;x&#39;',
    );
  });

  it('replaces control characters but keeps tabs, line breaks and non-ASCII text', () => {
    expect(escapeHtml('a\u0000b\u001bc\u0085d')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(escapeHtml('line\none\ttab – 模型 ü')).toBe('line\none\ttab – 模型 ü');
  });

  it('treats entity-like input as text: its ampersand is escaped too', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('html', () => {
  it('escapes interpolated strings and keeps SafeHtml as markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${42}${null}${undefined}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>42</p>',
    );
  });

  it('renders lists item by item, escaping each', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`, ['&']]}</ul>`.value).toBe(
      '<ul>&lt;a&gt;<li>ok</li>&amp;</ul>',
    );
  });

  it('joins fragments with a separator', () => {
    expect(joinHtml([new SafeHtml('<a>'), new SafeHtml('<b>')], ', ').value).toBe('<a>, <b>');
    expect(mapHtml([1, 2], (item) => html`<i>${item}</i>`).value).toBe('<i>1</i><i>2</i>');
    expect(String(new SafeHtml('<x>'))).toBe('<x>');
  });
});

describe('toSafeLinkUrl', () => {
  it('accepts absolute http and https URLs and normalises them', () => {
    expect(toSafeLinkUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(toSafeLinkUrl('HTTP://Example.com')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//example.com/protocol-relative',
    '/relative/path',
    'https://',
    'vbscript:msgbox(1)',
  ])('refuses %j', (url) => {
    expect(toSafeLinkUrl(url)).toBeNull();
  });
});

describe('formatUrlHtml', () => {
  it('links http(s) URLs without referrer, opener or endorsement', () => {
    expect(formatUrlHtml('https://example.com/x?a=1&b=2').value).toBe(
      '<a class="url" href="https://example.com/x?a=1&amp;b=2" rel="noopener noreferrer nofollow">https://example.com/x?a=1&amp;b=2</a>',
    );
  });

  it('keeps quotes in a URL from closing the attribute', () => {
    const markup = formatUrlHtml('https://example.com/?q="onmouseover="alert(1)').value;
    expect(markup).not.toMatch(/"\s*onmouseover=/);
    expect(markup).toContain('href="https://example.com/?q=%22onmouseover=%22alert(1)"');
  });

  it('shows javascript: and file: URLs as text, never as links', () => {
    expect(formatUrlHtml('javascript:alert(1)').value).toBe('<span class="url">javascript:alert(1)</span>');
    expect(formatUrlHtml('file:///tmp/<x>.html').value).toBe(
      '<span class="url">file:///tmp/&lt;x&gt;.html</span>',
    );
  });
});

describe('createUrlFormatter', () => {
  it('formats like formatUrlHtml and reuses the markup of a URL it has seen', () => {
    const formatUrl = createUrlFormatter();
    const first = formatUrl('https://example.com/');
    expect(first.value).toBe(formatUrlHtml('https://example.com/').value);
    expect(formatUrl('https://example.com/')).toBe(first);
    expect(formatUrl('javascript:alert(1)').value).toBe('<span class="url">javascript:alert(1)</span>');
  });
});
