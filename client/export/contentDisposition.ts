/**
 * The file name a `Content-Disposition` header gives, for saving a download under the name
 * the server chose. RFC 6266: `filename*=UTF-8''…` (percent-encoded) wins over `filename=`.
 * Path separators are dropped: a name is a name, never a place to write to.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const match = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
    name = match?.[1]?.replace(/\\(.)/g, '$1') ?? match?.[2];
  }
  const safe = name?.replace(/[/\\]/g, '_').trim();
  return safe || fallback;
}
