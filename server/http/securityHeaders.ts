/**
 * Security headers on every response. The Content-Security-Policy lets the page run only the
 * app's own scripts and talk only to its own origin (HTTP and the sync WebSocket); card,
 * comment and article text is rendered as text, and this is the second line of defence.
 * Referrer-Policy no-referrer keeps a board URL out of other sites' logs (the invite token
 * itself lives in the fragment, which browsers never send).
 */
import type { RequestHandler, Response } from 'express';

/** Only the app's own script files, and the inline scripts a page names (allowInlineScripts). */
const SCRIPT_SRC = "script-src 'self'";

/** A Host header we are willing to echo into the policy (no spaces, quotes or semicolons). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function contentSecurityPolicy(host: string | undefined): string {
  // 'self' covers ws:/wss: to the same host in current browsers (CSP 3); older ones need the
  // explicit sources, which we add when the Host header is well-formed.
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    SCRIPT_SRC,
    // Inline style attributes are set by React and the drag-and-drop library for positioning.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: { contentSecurityPolicy: boolean }): RequestHandler {
  return (req, res, next) => {
    if (options.contentSecurityPolicy) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.get('host')));
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    next();
  };
}

/**
 * Lets the page answered with `res` run its inline scripts of these hashes (inlineScriptHashes):
 * index.html's, which marks the Theme's scheme before the first paint. Any other inline script,
 * one injected into the page included, is still refused.
 */
export function allowInlineScripts(res: Response, hashes: readonly string[]): void {
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy !== 'string' || hashes.length === 0) return;
  res.setHeader(
    'Content-Security-Policy',
    policy.replace(SCRIPT_SRC, `${SCRIPT_SRC} ${hashes.join(' ')}`),
  );
}
