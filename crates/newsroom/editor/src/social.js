// Which addresses `::embed[URL]` accepts, exactly as the renderer decides
// (crates/core/src/body/social.rs): posts on a few social networks and YouTube and Vimeo
// videos, recognised by host and path against a strict allow-list. Both parse with the
// WHATWG URL rules and run the same test cases (test/social.test.mjs), so the editor
// never offers a block that the site would refuse to save or show as nothing.

/** Longer addresses are refused: no real post address comes close. */
export const MAX_URL_LEN = 2048;

export const PROVIDERS = ["YouTube", "Vimeo", "X", "Bluesky", "Mastodon", "Instagram", "TikTok", "Facebook"];

const VIDEO = new Set(["YouTube", "Vimeo"]);

// An address on these hosts is that provider's or nothing (never a Mastodon-style post
// on, say, music.youtube.com).
const PROVIDER_DOMAINS = ["youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "x.com", "twitter.com", "bsky.app", "instagram.com", "tiktok.com", "facebook.com", "fb.com", "fb.watch"];

// Printable ASCII without space, quotes, angle brackets, backslash and the characters
// URL parsing would rewrite or that would end the directive's argument.
const URL_CHARS = /^[!#-&(-;=?-Z_a-z~]+$/;

const escapeClass = (extra) => extra.replace(/[\\\]^-]/g, "\\$&");
/** 1..max ASCII letters, digits and the characters of `extra`. */
const word = (s, max, extra = "") => typeof s === "string" && s.length > 0 && s.length <= max && new RegExp(`^[A-Za-z0-9${escapeClass(extra)}]+$`).test(s);
const digits = (s, max) => typeof s === "string" && s.length > 0 && s.length <= max && /^[0-9]+$/.test(s);

// A host name with at least two labels and a letter-only top level: no IP address, no
// `localhost`, no trailing dot.
const domain = (s) => {
  const labels = s.split(".");
  return s.length <= 253 && labels.length >= 2 && labels.every((l) => word(l, 63, "-") && !l.startsWith("-") && !l.endsWith("-")) && /^[A-Za-z]{2,}$/.test(labels.at(-1));
};

// A Bluesky account named by its DID instead of its handle (`did:plc:…`).
const did = (s) => {
  const [scheme, method, ...rest] = s.split(":");
  const id = rest.join(":");
  return scheme === "did" && word(method, 16) && /^[a-z]+$/.test(method) && word(id, 128, "._-");
};

const isProviderHost = (host) => PROVIDER_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));

// The path's segments, one empty trailing segment (a final `/`) dropped; null when
// another one is empty (`//`).
const segmentsOf = (url) => {
  const segs = url.pathname.slice(1).split("/");
  if (segs.at(-1) === "") segs.pop();
  return segs.some((s) => s === "") ? null : segs;
};

// Rust's `str::trim` (Unicode White_Space), which differs from JavaScript's at U+FEFF and U+0085.
const trim = (value) => String(value ?? "").replace(/^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, "");

const post = (provider, url, account, videoId = null) => ({ provider, url, account, videoId, video: VIDEO.has(provider) });

const youtube = (id) => (typeof id === "string" && id.length === 11 && word(id, 11, "_-") ? post("YouTube", `https://www.youtube.com/watch?v=${id}`, "", id) : null);

const same = (segs, ...pattern) => segs.length === pattern.length && pattern.every((p, i) => p === null || p === segs[i]);

const BY_HOST = {
  youtube: (segs, q) => (same(segs, "watch") ? youtube(q("v")) : same(segs, "shorts", null) ? youtube(segs[1]) : null),
  youtuDotBe: (segs) => (segs.length === 1 ? youtube(segs[0]) : null),
  vimeo: (segs) => (segs.length === 1 && digits(segs[0], 20) ? post("Vimeo", `https://vimeo.com/${segs[0]}`, "", segs[0]) : null),
  x: (segs) => (same(segs, null, "status", null) && word(segs[0], 15, "_") && digits(segs[2], 20) ? post("X", `https://x.com/${segs[0]}/status/${segs[2]}`, `@${segs[0]}`) : null),
  bluesky: (segs) => {
    if (!same(segs, "profile", null, "post", null)) return null;
    const [, handle, , key] = segs;
    if (!(domain(handle) || did(handle)) || !word(key, 64)) return null;
    return post("Bluesky", `https://bsky.app/profile/${handle}/post/${key}`, did(handle) ? handle : `@${handle}`);
  },
  instagram: (segs) => (segs.length === 2 && (segs[0] === "p" || segs[0] === "reel") && word(segs[1], 64, "_-") ? post("Instagram", `https://www.instagram.com/${segs[0]}/${segs[1]}/`, "") : null),
  tiktok: (segs) => {
    if (!same(segs, null, "video", null) || !digits(segs[2], 25) || !segs[0].startsWith("@")) return null;
    const name = segs[0].slice(1);
    return word(name, 32, "_.") ? post("TikTok", `https://www.tiktok.com/@${name}/video/${segs[2]}`, `@${name}`) : null;
  },
  facebook: (segs, q) => {
    if (same(segs, "watch")) {
      const id = q("v");
      return digits(id, 25) ? post("Facebook", `https://www.facebook.com/watch/?v=${id}`, "") : null;
    }
    if (segs.length !== 3 || (segs[1] !== "posts" && segs[1] !== "videos")) return null;
    const [page, kind, id] = segs;
    return word(page, 80, ".-") && page !== "watch" && word(id, 80) ? post("Facebook", `https://www.facebook.com/${page}/${kind}/${id}`, page) : null;
  },
};

const HOSTS = new Map([
  ["youtube.com", BY_HOST.youtube],
  ["www.youtube.com", BY_HOST.youtube],
  ["m.youtube.com", BY_HOST.youtube],
  ["youtu.be", BY_HOST.youtuDotBe],
  ["vimeo.com", BY_HOST.vimeo],
  ["www.vimeo.com", BY_HOST.vimeo],
  ["x.com", BY_HOST.x],
  ["www.x.com", BY_HOST.x],
  ["mobile.x.com", BY_HOST.x],
  ["twitter.com", BY_HOST.x],
  ["www.twitter.com", BY_HOST.x],
  ["mobile.twitter.com", BY_HOST.x],
  ["bsky.app", BY_HOST.bluesky],
  ["instagram.com", BY_HOST.instagram],
  ["www.instagram.com", BY_HOST.instagram],
  ["tiktok.com", BY_HOST.tiktok],
  ["www.tiktok.com", BY_HOST.tiktok],
  ["m.tiktok.com", BY_HOST.tiktok],
  ["facebook.com", BY_HOST.facebook],
  ["www.facebook.com", BY_HOST.facebook],
  ["m.facebook.com", BY_HOST.facebook],
]);

const mastodon = (host, segs) => {
  if (segs.length !== 2 || !digits(segs[1], 20) || !segs[0].startsWith("@")) return null;
  const user = segs[0].slice(1);
  const at = user.indexOf("@");
  const [name, home] = at < 0 ? [user, host] : [user.slice(0, at), user.slice(at + 1)];
  if (!word(name, 30, "_") || !domain(home)) return null;
  return post("Mastodon", `https://${host}/@${user}/${segs[1]}`, `@${name}@${home}`);
};

/**
 * Reads an address as a post or video: `{ provider, url, account, videoId, video }`, where
 * `url` is rebuilt from the checked parts and `account` is `@user`, `@user@host`, a page
 * name or "" — or null when the site would not show it.
 */
export const recognise = (address) => {
  const text = trim(address);
  if (!text || text.length > MAX_URL_LEN || !URL_CHARS.test(text)) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  const host = url.hostname;
  // IP addresses: `1.2.3.4` (however it was written) and `[::1]`.
  if (host.startsWith("[") || /^[0-9.]+$/.test(host)) return null;
  const segs = segmentsOf(url);
  if (!segs) return null;
  const q = (name) => url.searchParams.get(name);
  const rule = HOSTS.get(host);
  if (rule) return rule(segs, q);
  if (isProviderHost(host) || !domain(host)) return null;
  return mastodon(host, segs);
};

/** What the writer is told when an address is refused (the server says the same). */
export const refusal = (address) => {
  const text = trim(address);
  const shown = !text ? "(no address)" : [...text].length > 120 ? `${[...text].slice(0, 120).join("")}…` : text;
  return `This address is not a supported social post or video: ${shown}. Embeds take https:// addresses of YouTube and Vimeo videos and of posts on X, Bluesky, Mastodon, Instagram, TikTok and Facebook.`;
};
