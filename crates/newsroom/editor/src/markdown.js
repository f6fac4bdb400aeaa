// The stored body format <-> the editor's document.
//
// The server renders bodies with pulldown-cmark: CommonMark, GitHub tables and
// strikethrough, raw HTML (sanitised afterwards), and embed lines (crates/core/src/body).
// markdown-it is set up to read the same dialect, and everything the editor has no
// editing tools for (tables, raw HTML, unknown embeds, images) is kept as written, so a
// body comes back from the editor rendering the same HTML as before. What may change is
// spelling only: the cases are listed in test/markdown.test.mjs (NORMALISED).

import MarkdownIt from "markdown-it";
import escapeRule from "markdown-it/lib/rules_inline/escape.mjs";
import newlineRule from "markdown-it/lib/rules_inline/newline.mjs";
import { MarkdownParser, MarkdownSerializerState } from "prosemirror-markdown";

import { EMBEDS, formatDirective, parseDirective } from "./directives.js";

// --- Reading -------------------------------------------------------------------------

// Line breaks remember where they start in the paragraph's source, so that each line's
// raw text can be checked for embed syntax (the renderer checks the raw line too).
const rememberBreakStart = (rule) => (state, silent) => {
  const at = state.pos;
  const before = state.tokens.length;
  if (!rule(state, silent)) return false;
  const token = state.tokens[state.tokens.length - 1];
  if (!silent && state.tokens.length > before && token.type.endsWith("break")) token.meta = { at };
  return true;
};

const paragraphTokens = (state, like, children) => {
  const open = new state.Token("paragraph_open", "p", 1);
  const inline = new state.Token("inline", "", 0);
  const close = new state.Token("paragraph_close", "p", -1);
  for (const t of [open, close]) Object.assign(t, { block: true, level: like.level, hidden: like.hidden, map: like.map });
  Object.assign(inline, { children, level: like.level + 1, content: "" });
  return [open, inline, close];
};

const embedToken = (state, like, line, directive) => {
  const raw = directive.kind === "unknown";
  const token = new state.Token(raw ? "raw_block" : directive.kind, "", 0);
  Object.assign(token, { block: true, level: like.level, map: like.map });
  if (raw) token.content = line;
  else {
    const { kind: _, ...attrs } = directive;
    token.meta = attrs;
  }
  return token;
};

// As crates/core/src/body/blocks.rs: a paragraph is split at its line breaks, and a line
// whose inline markup opens and closes on it and whose text is exactly embed syntax
// becomes an embed block; the other lines stay together as paragraphs.
const splitParagraph = (state, open, inline, close) => {
  const source = inline.content;
  const lines = [{ children: [], text: "", brk: null }];
  let start = 0;
  for (const child of inline.children) {
    const line = lines[lines.length - 1];
    if (child.type !== "softbreak" && child.type !== "hardbreak") {
      line.children.push(child);
      continue;
    }
    const at = child.meta?.at ?? -1;
    line.text = at < 0 ? null : source.slice(start, at);
    line.brk = child;
    start = at < 0 ? source.length : source.indexOf("\n", at) + 1;
    lines.push({ children: [], text: "", brk: null });
  }
  lines[lines.length - 1].text = source.slice(start);
  for (const line of lines) {
    const balanced = line.children.reduce((n, c) => n + c.nesting, 0) === 0 && line.children.length > 0;
    line.directive = balanced && line.text !== null ? parseDirective(line.text) : null;
  }
  if (!lines.some((l) => l.directive)) return [open, inline, close];

  const out = [];
  let current = [];
  let pendingBreak = null;
  const flush = () => {
    if (current.length) out.push(...paragraphTokens(state, open, current));
    current = [];
  };
  for (const line of lines) {
    if (line.directive) {
      flush();
      out.push(embedToken(state, open, line.text.trim(), line.directive));
      pendingBreak = null;
      continue;
    }
    if (pendingBreak && current.length && line.children.length) current.push(pendingBreak);
    current.push(...line.children);
    pendingBreak = line.brk;
  }
  flush();
  return out;
};

// A table as one raw block, written out again from the cells' own source.
const tableSource = (tokens, from, to) => {
  const rows = [];
  const aligns = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.type === "tr_open") rows.push([]);
    else if (t.type === "th_open") aligns.push(/text-align:(\w+)/.exec(t.attrGet("style") ?? "")?.[1] ?? "");
    else if (t.type === "inline") rows[rows.length - 1].push(t.content.replace(/\|/g, "\\|"));
  }
  const rule = { left: ":--", right: "--:", center: ":-:" };
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(rows[0]), line(aligns.map((a) => rule[a] ?? "---")), ...rows.slice(1).map(line)].join("\n");
};

const blockRule = (state) => {
  const tokens = state.tokens;
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "paragraph_open") {
      out.push(...splitParagraph(state, t, tokens[i + 1], tokens[i + 2]));
      i += 2;
    } else if (t.type === "table_open") {
      let end = i;
      while (!(tokens[end].type === "table_close" && tokens[end].level === t.level)) end++;
      const raw = new state.Token("raw_block", "", 0);
      Object.assign(raw, { block: true, level: t.level, map: t.map, content: tableSource(tokens, i, end) });
      out.push(raw);
      i = end;
    } else out.push(t);
  }
  state.tokens = out;
};

const tokenizer = () => {
  const md = MarkdownIt("commonmark", { html: true }).enable(["table", "strikethrough"]);
  md.inline.ruler.at("newline", rememberBreakStart(newlineRule));
  md.inline.ruler.at("escape", rememberBreakStart(escapeRule));
  md.core.ruler.push("newsdesk_blocks", blockRule);
  // Links keep their address exactly as written: the server does its own escaping and
  // filtering, and an address must survive the round trip unchanged (`javascript:`
  // included, which the site's sanitiser drops and the editor never follows).
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  return md;
};

// Whether a list is tight (items without <p>): markdown-it marks the paragraphs directly
// inside a tight list's items as hidden.
const listIsTight = (tokens, i) => {
  const level = tokens[i].level;
  for (let j = i + 1; j < tokens.length && tokens[j].level > level; j++) {
    if (tokens[j].type === "paragraph_open" && tokens[j].level === level + 2) return tokens[j].hidden;
  }
  return true;
};

const plainText = (children) => children.map((c) => (c.children ? plainText(c.children) : c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");

const parserTokens = {
  blockquote: { block: "blockquote" },
  paragraph: { block: "paragraph" },
  list_item: { block: "listItem" },
  bullet_list: { block: "bulletList", getAttrs: (_, tokens, i) => ({ tight: listIsTight(tokens, i) }) },
  ordered_list: {
    block: "orderedList",
    getAttrs: (tok, tokens, i) => ({ start: tok.attrGet("start") === null ? 1 : Number(tok.attrGet("start")), tight: listIsTight(tokens, i) }),
  },
  heading: { block: "heading", getAttrs: (tok) => ({ level: Number(tok.tag.slice(1)) }) },
  code_block: { block: "codeBlock", noCloseToken: true },
  fence: { block: "codeBlock", getAttrs: (tok) => ({ language: tok.info || null }), noCloseToken: true },
  hr: { node: "horizontalRule" },
  hardbreak: { node: "hardBreak" },
  image: {
    node: "image",
    getAttrs: (tok) => ({ src: tok.attrGet("src"), alt: plainText(tok.children ?? []), title: tok.attrGet("title") || null }),
  },
  em: { mark: "italic" },
  strong: { mark: "bold" },
  s: { mark: "strike" },
  link: { mark: "link", getAttrs: (tok) => ({ href: tok.attrGet("href"), title: tok.attrGet("title") || null }) },
  code_inline: { mark: "code", noCloseToken: true },
  html_inline: { node: "rawInline", getAttrs: (tok) => ({ source: tok.content }) },
  html_block: { node: "rawBlock", getAttrs: (tok) => ({ source: tok.content.replace(/\n+$/, "") }) },
  raw_block: { node: "rawBlock", getAttrs: (tok) => ({ source: tok.content }) },
  photo: { node: "photo", getAttrs: (tok) => tok.meta },
  related: { node: "related", getAttrs: (tok) => tok.meta },
  pullquote: { node: "pullquote", getAttrs: (tok) => tok.meta },
  embed: { node: "embed", getAttrs: (tok) => tok.meta },
};

// --- Writing -------------------------------------------------------------------------

// Backslash-escapes what would otherwise be read as markup. `lineStart`: the text begins
// a line, where `#`, `>`, list markers and setext underlines mean something too.
const escapeText = (text, lineStart) => {
  let out = text.replace(/[\\`*~[\]<]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_|&(?=#?[\p{L}\p{N}]+;)/gu, "\\$&");
  if (lineStart) {
    // Leading spaces would make an indented code block; HTML collapses them anyway.
    out = out.replace(/^[ \t]+/, "");
    out = out.replace(/^(#{1,6})(?=[ \t]|$)/, "\\$1").replace(/^([>+=-])/, "\\$1").replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, "$1\\$2");
  }
  return out;
};

// prosemirror-markdown's serialiser state is used beyond its documented surface here and
// below (`atBlockStart`, `inTightList`, `closed`, `flushClose`): the version is pinned and
// test/markdown.test.mjs covers each use.
const text = (state, node, parent, index) => {
  const lineStart = state.atBlockStart || (index > 0 && parent.child(index - 1).type.name === "hardBreak");
  let out = escapeText(node.text, lineStart);
  // `## Title #` would lose its `#` as a closing sequence.
  if (parent.type.name === "heading" && index === parent.childCount - 1) out = out.replace(/(^|\s)(#+\s*)$/, "$1\\$2");
  state.text(out, false);
};

// A link destination: `<…>` when it has spaces or unpaired parentheses, and backslashes
// before anything Markdown would otherwise unescape or read as an entity.
const destination = (url) => {
  let depth = 0;
  let paired = true;
  for (const c of url) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) paired = false;
  }
  const escaped = url.replace(/\\(?=[!-/:-@[-`{-~])/g, "\\\\").replace(/&(?=#?[\p{L}\p{N}]+;)/gu, "\\&");
  if (/[\s<>]/.test(url) || !paired || depth !== 0) return `<${escaped.replace(/[<>]/g, "\\$&")}>`;
  return escaped || "<>";
};

const title = (value) => (value ? ` "${value.replace(/[\\"]/g, "\\$&")}"` : "");

const isEmbed = (node) => EMBEDS.includes(node.type.name);

// In a tight list, an embed shares the item with the line before it without a blank line
// between them, which would make the list loose (each item in <p>).
const closeTight = (state) => {
  if (state.inTightList) state.flushClose(1);
};

// Lists side by side are told apart by their markers: prosemirror-markdown would put two
// blank lines between them, which CommonMark does not read as a separator.
const renderList = (state, node, delim, firstDelim) => {
  if (state.closed?.type === node.type) state.flushClose(2);
  state.renderList(node, delim, firstDelim);
};

// How many lists of this list's type stand right before it: markers alternate along such a run.
const runBefore = (node, parent, index) => {
  let n = 0;
  while (index - n > 0 && parent.child(index - n - 1).type === node.type) n++;
  return n;
};

const serializerNodes = {
  blockquote(state, node) {
    state.wrapBlock("> ", null, node, () => state.renderContent(node));
  },
  codeBlock(state, node) {
    const runs = node.textContent.match(/`{3,}/g) ?? [];
    const fence = "`".repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
    state.write(`${fence}${node.attrs.language ?? ""}\n`);
    state.text(node.textContent, false);
    state.write("\n");
    state.write(fence);
    state.closeBlock(node);
  },
  heading(state, node) {
    state.write(`${"#".repeat(node.attrs.level)} `);
    state.renderInline(node, false);
    state.closeBlock(node);
  },
  horizontalRule(state, node) {
    state.write("---");
    state.closeBlock(node);
  },
  bulletList(state, node, parent, index) {
    const marker = runBefore(node, parent, index) % 2 ? "*" : "-";
    renderList(state, node, "  ", () => `${marker} `);
  },
  orderedList(state, node, parent, index) {
    const delimiter = runBefore(node, parent, index) % 2 ? ")" : ".";
    const start = node.attrs.start ?? 1;
    const width = String(start + node.childCount - 1).length;
    renderList(state, node, " ".repeat(width + 2), (i) => `${String(start + i).padStart(width)}${delimiter} `);
  },
  listItem(state, node) {
    state.renderContent(node);
  },
  paragraph(state, node, parent, index) {
    // Empty paragraphs are what Enter leaves behind; Markdown has no such thing.
    if (node.childCount === 0) return;
    if (index > 0 && isEmbed(parent.child(index - 1))) closeTight(state);
    state.renderInline(node);
    state.closeBlock(node);
  },
  text,
  hardBreak(state, node, parent, index) {
    // A heading is one line; elsewhere a break at the very end would be no break at all.
    if (parent.type.name === "heading") return state.write(" ");
    for (let i = index + 1; i < parent.childCount; i++) {
      if (parent.child(i).type !== node.type) return state.write("\\\n");
    }
  },
  image(state, node) {
    state.write(`![${escapeText(node.attrs.alt ?? "", false)}](${destination(node.attrs.src ?? "")}${title(node.attrs.title)})`);
  },
  rawInline(state, node) {
    state.text(node.attrs.source, false);
  },
  rawBlock(state, node) {
    state.text(node.attrs.source, false);
    state.closeBlock(node);
  },
  ...Object.fromEntries(
    EMBEDS.map((kind) => [
      kind,
      (state, node) => {
        closeTight(state);
        state.write(formatDirective(kind, node.attrs));
        state.closeBlock(node);
      },
    ]),
  ),
};

const serializerMarks = {
  italic: { open: "*", close: "*", mixable: true, expelEnclosingWhitespace: true },
  bold: { open: "**", close: "**", mixable: true, expelEnclosingWhitespace: true },
  strike: { open: "~~", close: "~~", mixable: true, expelEnclosingWhitespace: true },
  link: {
    open(state, mark, parent, index) {
      state.inAutolink = isPlainUrl(mark, parent, index);
      return state.inAutolink ? "<" : "[";
    },
    close(state, mark) {
      const auto = state.inAutolink;
      state.inAutolink = undefined;
      return auto ? ">" : `](${destination(mark.attrs.href ?? "")}${title(mark.attrs.title)})`;
    },
    mixable: true,
  },
  code: {
    open: (_state, _mark, parent, index) => backticks(parent.child(index), "open"),
    close: (_state, _mark, parent, index) => backticks(parent.child(index - 1), "close"),
    escape: false,
  },
};

// `<https://example.com>` or `<desk@example.com>` when the text is the address itself.
const isPlainUrl = (mark, parent, index) => {
  const { href, title: t } = mark.attrs;
  const node = parent.child(index);
  if (t || !node.isText || node.marks[node.marks.length - 1] !== mark) return false;
  const url = /^[a-z][a-z0-9+.-]*:[^\s<>]*$/i.test(href ?? "") && node.text === href;
  const email = href === `mailto:${node.text}` && /^[^\s<>@\\]+@[^\s<>@\\]+$/.test(node.text);
  if (!url && !email) return false;
  return index === parent.childCount - 1 || !mark.isInSet(parent.child(index + 1).marks);
};

// A code span's backticks: one more than the longest run inside it, and a space inside
// them where the code's own first or last character would be read as part of them.
const backticks = (node, side) => {
  const code = node.isText ? node.text : "";
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(code) || /^ [^]*[^ ][^]* $/.test(code) ? " " : "";
  return side === "open" ? ticks + pad : pad + ticks;
};

/**
 * A Markdown reader and writer for `schema` (the editor's schema, see extensions.js).
 * `parse(markdown)` gives a document; `serialize(doc)` the body text, without a final newline.
 */
export const markdown = (schema) => {
  const parser = new MarkdownParser(schema, tokenizer(), parserTokens);
  // Top-level blocks are always a blank line apart, so each is written on its own: the
  // serialiser reads the last character of its growing output at every step, which for
  // one long string costs time in proportion to the whole body, on every keystroke.
  const block = (node, index, doc) => {
    const state = new MarkdownSerializerState(serializerNodes, serializerMarks, { hardBreakNodeName: "hardBreak", strict: true });
    state.render(node, doc, index);
    return state.out.replace(/[ \t\n]+$/, "");
  };
  return {
    parse: (source) => parser.parse(source),
    serialize: (doc) => doc.content.content.map((node, i) => block(node, i, doc)).filter(Boolean).join("\n\n"),
  };
};
