/**
 * Reads an HTTP `Link` header (RFC 8288) into a map of relation → URL, e.g.
 * `<https://huggingface.co/api/models?cursor=abc>; rel="next"` → `{ next: "https://huggingface.co/api/models?cursor=abc" }`.
 * Relative URLs are resolved against `baseUrl` when given; entries without a `rel` are ignored.
 */
export function parseLinkHeader(header: string | undefined, baseUrl?: string): Record<string, string> {
  const links: Record<string, string> = Object.create(null);
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const target = match[1] ?? '';
    const relation = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? '')?.[1];
    if (!relation) continue;
    let url: string;
    try {
      url = new URL(target, baseUrl).href;
    } catch {
      continue;
    }
    // One entry may name several relations ("next last").
    for (const name of relation.trim().toLowerCase().split(/\s+/)) links[name] ??= url;
  }
  return links;
}
