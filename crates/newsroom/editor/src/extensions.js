// The editor's schema: what a body can hold. Everything the renderer can print has a node
// or mark here, so no body loses anything by being opened in the editor; the toolbar
// offers only what a newsroom writes by hand (see toolbar.js).

import { Extension, Node, mergeAttributes } from "@tiptap/core";
import { Heading } from "@tiptap/extension-heading";
import { Plugin } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { StarterKit } from "@tiptap/starter-kit";

import { embedNodes } from "./embeds.js";
import { safeHref } from "./links.js";

// Each paragraph, heading and list item of a body that mixes Arabic and English lays out
// by its own first strong character (`dir="auto"`). Not on a list item's paragraphs: an
// element with its own `dir` is skipped when its parent's auto direction is worked out,
// and the item's bullet would then sit on the wrong side.
const autoDirections = (doc) => {
  const found = [];
  doc.descendants((node, pos, parent) => {
    const name = node.type.name;
    if (name === "heading" || name === "listItem" || (name === "paragraph" && parent.type.name !== "listItem")) {
      found.push(Decoration.node(pos, pos + node.nodeSize, { dir: "auto" }));
    }
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, found);
};

const AutoDirection = Extension.create({
  name: "autoDirection",
  addProseMirrorPlugins() {
    const plugin = new Plugin({
      state: {
        init: (_, state) => autoDirections(state.doc),
        apply: (tr, set) => (tr.docChanged ? autoDirections(tr.doc) : set),
      },
      props: { decorations: (state) => plugin.getState(state) },
    });
    return [plugin];
  },
});

// The body's headings are printed from <h2> on (the page's <h1> is the headline), so the
// toolbar makes levels 2 and 3. Other levels a body already has are kept as they are and
// shown at the size the site prints them.
const BodyHeading = Heading.extend({
  parseHTML() {
    return [1, 2, 3, 4, 5, 6].map((level) => ({
      tag: `h${level}`,
      getAttrs: (el) => ({ level: Number(el.getAttribute("data-level")) || level }),
    }));
  },
  renderHTML({ node, HTMLAttributes }) {
    const level = node.attrs.level;
    const shown = Math.min(Math.max(level, 2), 4);
    return [`h${shown}`, mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, shown === level ? {} : { "data-level": level }), 0];
  },
});

// Tight lists print their items without <p>; the Markdown says which a list is, and the
// editor must not change it by accident.
const ListTightness = Extension.create({
  name: "listTightness",
  addGlobalAttributes() {
    return [
      {
        types: ["bulletList", "orderedList"],
        attributes: {
          tight: {
            default: true,
            parseHTML: (el) => el.getAttribute("data-tight") !== "false",
            renderHTML: (attrs) => (attrs.tight ? {} : { "data-tight": "false" }),
          },
        },
      },
    ];
  },
});

// Markdown the editor has no tools for (tables, raw HTML, unknown embeds), kept as
// written and shown as source. It is edited in the Markdown view.
const RawBlock = Node.create({
  name: "rawBlock",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes: () => ({ source: { default: "", rendered: false, parseHTML: (el) => el.textContent } }),
  parseHTML: () => [{ tag: "pre[data-raw-markdown]", priority: 60 }],
  renderHTML: ({ node }) => ["pre", { "data-raw-markdown": "", class: "rich-raw", title: "Shown as written: edit it in the Markdown view" }, node.attrs.source],
  renderText: ({ node }) => node.attrs.source,
});

// Raw inline HTML (`<sup>`, `<abbr title="…">`), one tag at a time, as markdown-it reads it.
const RawInline = Node.create({
  name: "rawInline",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ source: { default: "", rendered: false, parseHTML: (el) => el.textContent } }),
  parseHTML: () => [{ tag: "code[data-raw-html]", priority: 60 }],
  renderHTML: ({ node }) => ["code", { "data-raw-html": "", class: "rich-raw-inline" }, node.attrs.source],
  renderText: ({ node }) => node.attrs.source,
});

// `![alt](src)`: the renderer prints it; the editor keeps it and shows it.
const Image = Node.create({
  name: "image",
  group: "inline",
  inline: true,
  atom: true,
  draggable: true,
  addAttributes: () => ({
    src: { default: "" },
    alt: { default: "" },
    title: { default: null },
  }),
  parseHTML: () => [{ tag: "img[data-markdown-image]", priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ["img", mergeAttributes(HTMLAttributes, { "data-markdown-image": "" })],
});

/**
 * Every extension of the body editor. `lookup(kind, id)` resolves embeds for their
 * previews (see lookup.js); without it, embeds show their number only.
 */
export const extensions = ({ lookup } = {}) => [
  StarterKit.configure({
    heading: false,
    // Markdown has no underline; a body could not keep it.
    underline: false,
    link: {
      openOnClick: false,
      defaultProtocol: "https",
      isAllowedUri: (url) => safeHref(url) !== null,
      HTMLAttributes: { target: null, rel: "noopener noreferrer nofollow" },
    },
  }),
  BodyHeading.configure({ levels: [2, 3] }),
  AutoDirection,
  ListTightness,
  RawBlock,
  RawInline,
  Image,
  ...embedNodes({ lookup }),
];
