// Pasted HTML, reduced to what a body is written with: headings, paragraphs, bold,
// italic, links, lists and block quotes. Word and Google Docs mark formatting with
// styles rather than elements (Docs even wraps the whole paste in a bold element that is
// styled not to be bold), so bold and italic are read from each element's tag and style
// and written out again as plain elements; styles, classes and every other attribute go.

import { safeHref } from "./links.js";

// Dropped with everything inside them. `o:p` is Word's empty-paragraph filler.
const DROP = new Set([
  "script", "style", "template", "head", "title", "meta", "link", "noscript", "iframe", "object",
  "embed", "svg", "math", "img", "picture", "video", "audio", "canvas", "button", "input",
  "select", "textarea", "xml", "o:p",
]);
const HEADING = /^h([1-6])$/;
// Containers whose content is blocks (or inline content PM wraps in paragraphs).
const BLOCKS = new Set(["p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption", "pre", "address", "td", "th", "dd", "dt"]);
const WORD_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;

// The style attribute's declarations, read from its text: `element.style` is empty on a
// page whose Content-Security-Policy forbids inline styles, as the newsroom's does.
const declarations = (el) => {
  const found = new Map();
  for (const declaration of (el.getAttribute("style") ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon > 0) found.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).replace(/!important/i, "").trim().toLowerCase());
  }
  return found;
};

const weight = (value = "") => {
  if (/^(bold|bolder)$/.test(value)) return true;
  if (/^(normal|lighter)$/.test(value)) return false;
  return /^\d+$/.test(value) ? Number(value) >= 600 : null;
};

const slant = (value = "") => {
  if (/^(italic|oblique)/.test(value)) return true;
  return value === "normal" ? false : null;
};

// The element's own say on bold and italic: true, false, or null to inherit.
const formatting = (el, name) => {
  const style = declarations(el);
  const bold = weight(style.get("font-weight")) ?? (name === "b" || name === "strong" ? true : null);
  const italic = slant(style.get("font-style")) ?? (name === "i" || name === "em" ? true : null);
  return { bold, italic };
};

// Word's bullets ("·", "o", "§") and numbers ("1.", "a)") sit at the start of each list
// paragraph in a span styled `mso-list:Ignore`; the list type is read from them, then
// they go.
const readWordMarkers = (doc) => {
  for (const marker of doc.querySelectorAll('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]')) {
    const p = marker.closest("p");
    if (p) p.dataset.ordered = String(/^[\w]{1,4}[.)]$/.test(marker.textContent.replace(/\u00a0/g, " ").trim()));
    marker.remove();
  }
};

const nextElement = (node) => {
  let next = node.nextSibling;
  while (next && next.nodeType !== 1 && !next.textContent.trim()) next = next.nextSibling;
  return next?.nodeType === 1 ? next : null;
};

// Word writes a list as paragraphs styled `mso-list:l0 level1 lfo1`, one per item; a run
// of them becomes a real (nested) list here.
const wordLists = (doc) => {
  const items = new Set([...doc.querySelectorAll("p[style]")].filter((p) => WORD_LIST.test(p.getAttribute("style"))));
  for (const first of [...items]) {
    if (!first.isConnected) continue;
    const stack = [];
    for (let p = first; p && items.has(p); ) {
      const level = Number(WORD_LIST.exec(p.getAttribute("style"))[2]);
      while (stack.length > level) stack.pop();
      while (stack.length < level) {
        const list = doc.createElement(p.dataset.ordered === "true" ? "ol" : "ul");
        const parentItem = stack.at(-1)?.lastElementChild;
        if (parentItem) parentItem.append(list);
        else first.before(list);
        stack.push(list);
      }
      const li = doc.createElement("li");
      li.append(...p.childNodes);
      stack.at(-1).append(li);
      const next = nextElement(p);
      p.remove();
      p = next;
    }
  }
};

class Writer {
  constructor(doc) {
    this.doc = doc;
    this.root = doc.createElement("div");
    // A document's top heading level becomes the body's first (h2), the next one h3, and
    // deeper ones stay h3: the toolbar's two levels.
    const levels = [...doc.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.localName[1]));
    this.top = Math.min(6, ...levels);
  }

  heading(level) {
    return `h${Math.min(3, level - this.top + 2)}`;
  }

  write(node, parent, ctx) {
    if (node.nodeType === 3) return this.text(node.data, parent, ctx);
    if (node.nodeType !== 1) return;
    const name = node.localName.toLowerCase();
    if (DROP.has(name)) return;
    const own = formatting(node, name);
    const inner = {
      ...ctx,
      bold: ctx.heading ? false : (own.bold ?? ctx.bold),
      italic: own.italic ?? ctx.italic,
    };
    const children = (into, c) => node.childNodes.forEach((child) => this.write(child, into, c));

    const heading = HEADING.exec(name);
    if (heading) return children(this.block(this.heading(Number(heading[1])), parent), { ...inner, bold: false, heading: true });
    if (name === "ul" || name === "ol") {
      // Docs nests a list directly in its parent list, after the item it belongs to.
      const host = /^(ul|ol)$/.test(parent.localName) ? parent.lastElementChild ?? parent : parent;
      return children(this.block(name, host), inner);
    }
    if (name === "li") return children(this.block("li", parent), inner);
    if (name === "blockquote") return children(this.block("blockquote", parent), inner);
    if (BLOCKS.has(name)) return children(this.block("p", parent), inner);
    if (name === "br") {
      // Docs puts stray line breaks between blocks; only a break inside text is a break.
      if (!/^(div|ul|ol|blockquote)$/.test(parent.localName)) parent.append(this.doc.createElement("br"));
      return;
    }
    if (name === "a") {
      const href = safeHref(node.getAttribute("href"));
      if (href) {
        const a = this.doc.createElement("a");
        a.setAttribute("href", href);
        parent.append(a);
        return children(a, inner);
      }
    }
    children(parent, inner);
  }

  block(name, parent) {
    const el = this.doc.createElement(name);
    parent.append(el);
    return el;
  }

  text(data, parent, { bold, italic }) {
    if (!data) return;
    let node = this.doc.createTextNode(data);
    if (bold && data.trim()) node = this.wrap("strong", node);
    if (italic && data.trim()) node = this.wrap("em", node);
    parent.append(node);
  }

  wrap(name, child) {
    const el = this.doc.createElement(name);
    el.append(child);
    return el;
  }
}

// A paragraph made from a container that held blocks (Word's `<div class=WordSection1>`)
// gives way to them; the text between them gets paragraphs of its own.
const flattenParagraphs = (root) => {
  const isBlock = (n) => n.nodeType === 1 && /^(p|h2|h3|ul|ol|blockquote)$/.test(n.localName);
  for (const p of [...root.querySelectorAll("p")].reverse()) {
    if (![...p.childNodes].some(isBlock)) continue;
    let run = null;
    for (const child of [...p.childNodes]) {
      if (isBlock(child)) {
        p.before(child);
        run = null;
      } else {
        if (!run) p.before((run = p.ownerDocument.createElement("p")));
        run.append(child);
      }
    }
    p.remove();
  }
};

// Word pads with no-break spaces; at the edges of a block they are only indentation.
const trimBlocks = (root) => {
  for (const block of root.querySelectorAll("p, h2, h3, li")) {
    const walker = block.ownerDocument.createTreeWalker(block, 4);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    if (texts.length) {
      texts[0].data = texts[0].data.replace(/^\s+/, "");
      texts.at(-1).data = texts.at(-1).data.replace(/\s+$/, "");
    }
  }
};

// Blocks left empty (Word's `<p>&nbsp;</p>` spacers, headings of only a line break).
const dropEmptyBlocks = (root) => {
  for (const el of [...root.querySelectorAll("p, h2, h3, li, blockquote, ul, ol")].reverse()) {
    if (!el.textContent.trim() && !el.querySelector("li")) el.remove();
  }
};

/**
 * Cleans clipboard HTML for the editor. A copy from a ProseMirror editor (this one
 * included: moving embeds by cut and paste) is left to the schema's own parse rules.
 */
export const cleanPastedHTML = (html) => {
  if (html.includes("data-pm-slice")) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  readWordMarkers(doc);
  wordLists(doc);
  const writer = new Writer(doc);
  doc.body.childNodes.forEach((child) => writer.write(child, writer.root, { bold: false, italic: false, heading: false }));
  flattenParagraphs(writer.root);
  trimBlocks(writer.root);
  dropEmptyBlocks(writer.root);
  return writer.root.innerHTML;
};
