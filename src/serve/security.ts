import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Who may talk to the editor: a browser on this machine that was given the token printed at
 * start-up. Listening on 127.0.0.1 keeps other machines out; the Host check keeps out web
 * pages that rebind a domain name to 127.0.0.1 (DNS rebinding); the token keeps out other
 * users and programs on this machine and pages in the browser that guess the port.
 */

/** A fresh random token (192 bits), URL-safe. */
export const newToken = (): string => randomBytes(24).toString("base64url");

/** The cookie carrying the token; named after the port because cookies are not kept per port. */
export const cookieName = (port: number): string => `boardpaper_${port}`;

/** The header a program (or a test) may send the token in instead of the cookie. */
export const TOKEN_HEADER = "x-boardpaper-token";

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/** A state-changing request from another origin is refused even with the cookie. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin === `http://${h}`);
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed value (`%`) is no token rather than an error.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token a request carries: header, then cookie. `undefined` when it carries none. */
export function tokenOf(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === "string") return header;
  return cookie(req, cookieName(port));
}

export function setTokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Headers on every response. */
export const BASE_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "cross-origin-resource-policy": "same-origin",
};

/**
 * The pages' Content Security Policy: only our own scripts and styles. The preview is a
 * sandboxed srcdoc frame holding the HTML writer's document, which has an inline style sheet
 * and may embed its logo as a data: URL.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");
