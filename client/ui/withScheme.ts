/**
 * An address as people paste it from a browser's bar ("example.org/report") gets https://:
 * a bare domain with a path is a web page; anything else is left for the check to refuse.
 */
export function withScheme(url: string): string {
  return /^[\p{L}\d-]+(\.[\p{L}\d-]+)+(:\d+)?([/?#]|$)/u.test(url) ? `https://${url}` : url;
}
