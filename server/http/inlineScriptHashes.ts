/**
 * The CSP sources ('sha256-…') of a page's inline scripts, each hashed over its text exactly as
 * served (CSP 3): the policy lets these run and no other inline script (securityHeaders).
 */
import { createHash } from 'node:crypto';

/** A <script> without src, and its text. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, text]) =>
      `'sha256-${createHash('sha256')
        .update(text ?? '', 'utf8')
        .digest('base64')}'`,
  );
}
