// Every string in the report that a scraper, a reviewer or a caller supplied goes through `escapeHtml`, and the
// `html` tag escapes every interpolated value unless it is already `SafeHtml`: markup can only come from this
// package's own template literals, never from data.

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls other than tab and line breaks, DEL and C1 controls: parse errors in HTML, never useful in a report.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_CHARACTER = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Escapes text for an HTML text node or a quoted attribute value: `& < > " '` as entities, controls as U+FFFD. */
export function escapeHtml(text: string): string {
  // Most strings need nothing; testing first avoids a copy for each of them.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(UNSAFE_CHARACTER, (character) => HTML_ENTITIES[character] ?? '\ufffd');
}

/** What {@link html} accepts: strings and numbers are escaped, null and undefined render as nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

/** Markup that is already safe: built by {@link html} or from constants of this package. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '';
  let result = '';
  for (const item of value) result += renderValue(item);
  return result;
}

/** Template tag that escapes every interpolated value (lists are rendered item by item). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let result = strings[0] ?? '';
  for (let index = 0; index < values.length; index += 1) {
    result += renderValue(values[index]) + (strings[index + 1] ?? '');
  }
  return new SafeHtml(result);
}

/** Joins fragments with a separator. */
export function joinHtml(fragments: readonly SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtml(fragments.map((fragment) => fragment.value).join(separator));
}

/** Renders every item and joins the results in one pass. */
export function mapHtml<Item>(
  items: readonly Item[],
  render: (item: Item) => SafeHtml,
  separator = '',
): SafeHtml {
  return new SafeHtml(items.map((item) => render(item).value).join(separator));
}

/**
 * Returns the normalised URL when `url` is an absolute http(s) URL, else null. Only these become links:
 * `javascript:`, `data:`, `file:`, relative and malformed URLs are shown as text.
 */
export function toSafeLinkUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/**
 * A URL as a link when it is http(s), opened without referrer, opener or endorsement; anything else as plain text.
 * The visible text is the URL as the source gave it.
 */
export function formatUrlHtml(url: string): SafeHtml {
  const href = toSafeLinkUrl(url);
  if (href === null) return html`<span class="url">${url}</span>`;
  return html`<a class="url" href="${href}" rel="noopener noreferrer nofollow">${url}</a>`;
}

/**
 * {@link formatUrlHtml} with a cache: a report repeats the same few source URLs on every fact, so each is parsed
 * and escaped once per page.
 */
export function createUrlFormatter(): (url: string) => SafeHtml {
  const cache = new Map<string, SafeHtml>();
  return (url) => {
    let markup = cache.get(url);
    if (markup === undefined) {
      markup = formatUrlHtml(url);
      cache.set(url, markup);
    }
    return markup;
  };
}
