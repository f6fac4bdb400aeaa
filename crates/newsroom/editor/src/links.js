// Which link targets the editor lets an author create: the renderer's sanitiser keeps
// http(s), mailto and relative URLs only (crates/core/src/body/sanitize.rs), so anything
// else would silently print as plain text on the site.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED = new Set(["http", "https", "mailto"]);

/**
 * The URL as a browser would read it, or null when it is not allowed. Browsers drop tabs
 * and line breaks inside URLs, so `java\tscript:` is checked as `javascript:`.
 */
export const safeHref = (url) => {
  const cleaned = String(url ?? "").replace(/[\u0000-\u001F\u007F]/g, "").trim();
  if (!cleaned) return null;
  const scheme = SCHEME.exec(cleaned)?.[1];
  return scheme === undefined || ALLOWED.has(scheme.toLowerCase()) ? cleaned : null;
};

/**
 * What an author typed into the link prompt, as a URL: `example.com/x` and `www.x.org`
 * mean the web, not a path under /admin; `name@example.com` means mail.
 */
export const hrefFromInput = (input) => {
  const text = String(input ?? "").trim();
  if (/^[^\s/@:]+@[^\s/@:]+\.[^\s/@:]+$/.test(text)) return `mailto:${text}`;
  if (/^[^\s/?#.:][^\s/?#:]*\.[a-z]{2,}([/?#:]|$)/i.test(text)) return safeHref(`https://${text}`);
  return safeHref(text);
};
