// The embed lines of the body format, read and written exactly as the renderer reads them
// (crates/core/src/body/embed.rs): `::kind[argument]{key="value" ...}` alone on a line.
// Anything the renderer would not read as an embed must come back `null` here, so that it
// stays ordinary text in the editor too.

import { recognise } from "./social.js";

/** The embed nodes of the editor, by the names the directives map to. */
export const EMBEDS = ["photo", "related", "pullquote", "embed"];

const I64_MAX = 9223372036854775807n;

// The argument's closing `]`, allowing balanced brackets inside it (`[sic]`).
const matchingBracket = (s) => {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "[") depth++;
    else if (s[i] === "]") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
};

// `key="value" ...`; a value may hold `\"` and `\\`. Null when malformed.
const parseAttrs = (s) => {
  const attrs = new Map();
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i === s.length) return attrs;
    const key = /^[A-Za-z0-9_-]+/.exec(s.slice(i))?.[0];
    if (!key) return null;
    i += key.length;
    if (s[i] !== "=" || s[i + 1] !== '"') return null;
    i += 2;
    let value = "";
    for (;;) {
      if (i >= s.length) return null;
      const c = s[i++];
      if (c === '"') break;
      if (c === "\\") {
        if (i >= s.length) return null;
        value += s[i++];
      } else value += c;
    }
    // Rust keeps the first of two equal keys.
    const name = key.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, value);
  }
};

// Rust's `str::parse::<i64>` on the trimmed argument, kept only when positive.
const positiveId = (argument) => {
  const text = argument.trim();
  if (!/^\+?[0-9]+$/.test(text)) return null;
  const id = BigInt(text);
  return id > 0n && id <= I64_MAX ? id.toString() : null;
};

/**
 * Reads one line. `null`: not embed syntax (ordinary text). Otherwise one of
 * `{ kind: "photo", id, caption }`, `{ kind: "related", id }`,
 * `{ kind: "pullquote", text, cite }`, `{ kind: "embed", url, caption }` (a post or video
 * that social.js recognises; `url` as written), or `{ kind: "unknown" }` for well-formed
 * syntax the renderer shows nothing for (`::video[1]`, `::related[abc]`,
 * `::embed[http://…]`).
 * Ids are decimal strings: they are i64 on the server.
 */
export const parseDirective = (line) => {
  const trimmed = line.trim();
  if (!trimmed.startsWith("::")) return null;
  const rest = trimmed.slice(2);
  const kind = /^[A-Za-z0-9_-]+/.exec(rest)?.[0];
  if (!kind || rest[kind.length] !== "[") return null;
  const afterOpen = rest.slice(kind.length + 1);
  const close = matchingBracket(afterOpen);
  if (close < 0) return null;
  const argument = afterOpen.slice(0, close);
  const tail = afterOpen.slice(close + 1);
  let attrs = new Map();
  if (tail !== "") {
    if (!tail.startsWith("{") || !tail.endsWith("}") || tail.length < 2) return null;
    attrs = parseAttrs(tail.slice(1, -1));
    if (!attrs) return null;
  }
  const attr = (name) => attrs.get(name)?.trim() || null;
  switch (kind.toLowerCase()) {
    case "related": {
      const id = positiveId(argument);
      return id ? { kind: "related", id } : { kind: "unknown" };
    }
    case "photo": {
      const id = positiveId(argument);
      return id ? { kind: "photo", id, caption: attr("caption") } : { kind: "unknown" };
    }
    case "quote":
      return argument.trim() ? { kind: "pullquote", text: argument.trim(), cite: attr("cite") } : { kind: "unknown" };
    case "embed":
      return recognise(argument) ? { kind: "embed", url: argument.trim(), caption: attr("caption") } : { kind: "unknown" };
    default:
      return { kind: "unknown" };
  }
};

const quoteValue = (value) => `"${value.replace(/[\\"]/g, "\\$&")}"`;

// A line has no room for line breaks; the renderer trims the ends anyway.
const oneLine = (text) => (text ?? "").replace(/\s*[\r\n]+\s*/g, " ").trim();

/** Whether `text` can be a pull quote's words: the renderer needs its brackets paired. */
export const bracketsBalance = (text) => {
  let depth = 0;
  for (const c of text) {
    if (c === "[") depth++;
    else if (c === "]" && --depth < 0) return false;
  }
  return depth === 0;
};

/** Writes an embed node's line; the inverse of `parseDirective` for the four kinds. */
export const formatDirective = (kind, attrs) => {
  switch (kind) {
    case "photo": {
      const caption = oneLine(attrs.caption);
      return `::photo[${attrs.id}]${caption ? `{caption=${quoteValue(caption)}}` : ""}`;
    }
    case "related":
      return `::related[${attrs.id}]`;
    case "pullquote": {
      const cite = oneLine(attrs.cite);
      return `::quote[${oneLine(attrs.text)}]${cite ? `{cite=${quoteValue(cite)}}` : ""}`;
    }
    case "embed": {
      const caption = oneLine(attrs.caption);
      return `::embed[${oneLine(attrs.url)}]${caption ? `{caption=${quoteValue(caption)}}` : ""}`;
    }
    default:
      throw new RangeError(`not an embed: ${kind}`);
  }
};
