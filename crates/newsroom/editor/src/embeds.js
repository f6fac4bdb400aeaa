// The four embeds as blocks of the document, each shown as a live preview: a photo with
// its thumbnail and caption, a related article with its headline, a pull quote with its
// words and who said them, a social post or video with its network and account. They are
// atoms (edited through their own fields, never as text) and move by drag and drop from
// their handle.

import { Node, mergeAttributes } from "@tiptap/core";
import { Fragment, Slice } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";

import { EMBEDS, bracketsBalance, formatDirective } from "./directives.js";
import { recognise, refusal } from "./social.js";

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
};

const LABELS = { photo: "Photo", related: "Related article", pullquote: "Pull quote", embed: "Embed" };

// The frame every embed preview shares: a head with a drag handle, the embed's name and
// a remove button, then the kind's own body.
const embedView = ({ node: initial, editor, getPos }, kind, spec) => {
  const { build, update } = spec;
  let node = initial;
  const setAttrs = (attrs) => {
    const pos = getPos();
    if (typeof pos !== "number") return;
    editor.view.dispatch(editor.view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
  };
  const remove = () => {
    const pos = getPos();
    if (typeof pos !== "number") return;
    editor.chain().focus().deleteRange({ from: pos, to: pos + node.nodeSize }).run();
  };
  const name = h("span", { class: "rich-embed-name" });
  const removeButton = h("button", { type: "button", class: "rich-embed-remove", onclick: remove }, "×");
  const head = h(
    "div",
    { class: "rich-embed-head" },
    h("span", { class: "rich-embed-handle", draggable: "true", title: "Drag to move", "aria-hidden": "true" }, "⠿"),
    name,
    removeButton,
  );
  const body = h("div", { class: "rich-embed-body" });
  const dom = h(kind === "related" ? "aside" : "figure", { class: "rich-embed", "data-embed": kind }, head, body);
  const parts = build({ body, setAttrs });
  const refresh = () => {
    const label = spec.label?.(node) ?? `${LABELS[kind]}${node.attrs.id ? ` ${node.attrs.id}` : ""}`;
    name.textContent = label;
    removeButton.setAttribute("aria-label", `Remove ${label.toLowerCase()}`);
    update(parts, node);
  };
  refresh();
  // ProseMirror makes the whole block draggable; then a mouse drag inside one of its
  // fields would move the block instead of selecting text. Only the handle drags.
  queueMicrotask(() => dom.removeAttribute("draggable"));
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      refresh();
      return true;
    },
    // Typing, clicks and pastes in the fields are theirs, not the editor's.
    stopEvent: (event) => event.target.nodeType === 1 && event.target.closest("input, textarea, button") !== null,
    ignoreMutation: () => true,
  };
};

// A text field bound to one attribute; left alone while the author is typing in it.
const field = (setAttrs, attr, props) => {
  const input = h(props.multiline ? "textarea" : "input", {
    "data-field": attr,
    dir: "auto",
    rows: props.multiline ? 2 : null,
    placeholder: props.placeholder ?? null,
    oninput: (event) => setAttrs({ [attr]: event.target.value }),
    // The embed is one line in the body: Enter would only be dropped there.
    onkeydown: (event) => event.key === "Enter" && event.preventDefault(),
  });
  return {
    input,
    show(value) {
      if (input.ownerDocument.activeElement !== input && input.value !== (value ?? "")) input.value = value ?? "";
    },
  };
};

// Runs `paint(info)` with the lookup's answer for the node's current id, ignoring answers
// that arrive after the view moved on to another id.
const previewer = (lookup, kind, paint) => {
  let shownId = null;
  return (id) => {
    if (id === shownId) return;
    shownId = id;
    paint(undefined);
    if (!lookup || !id) return paint(null);
    lookup(kind, id).then((info) => id === shownId && paint(info));
  };
};

const notFound = (what) => h("p", { class: "rich-embed-warning", dir: "auto" }, `No ${what} with this number: the body cannot be saved with it.`);

const photoView = (lookup) => ({
  build({ body, setAttrs }) {
    const preview = h("div", { class: "rich-embed-preview" });
    const caption = field(setAttrs, "caption", { placeholder: "The library's caption" });
    body.append(preview, h("label", { class: "rich-embed-field" }, "Caption in this article", caption.input));
    const show = previewer(lookup, "photo", (info) => {
      if (info === undefined || info === null) return preview.replaceChildren();
      if (info.missing) return preview.replaceChildren(notFound("photo"));
      preview.replaceChildren(
        h("img", { src: info.thumbnail, alt: info.alt || "", class: "rich-embed-thumb" }),
        h("p", { class: "rich-embed-caption", dir: "auto" }, [info.caption, info.credit].filter(Boolean).join(" · ")),
        info.publishable ? null : h("p", { class: "rich-embed-warning", dir: "auto" }, "Needs alt text before the article can be published."),
      );
    });
    return { show, caption };
  },
  update({ show, caption }, node) {
    caption.show(node.attrs.caption);
    show(node.attrs.id);
  },
});

const relatedView = (lookup) => ({
  build({ body }) {
    const preview = h("p", { class: "rich-embed-title", dir: "auto" });
    body.append(preview);
    const show = previewer(lookup, "related", (info) => {
      if (info === undefined || info === null) return preview.replaceChildren();
      if (info.missing) return preview.replaceChildren(notFound("article"));
      const headline = [info.headline];
      if (info.status !== "published") headline.push(" ", h("span", { class: "badge" }, info.status));
      preview.replaceChildren(...headline);
    });
    return { show };
  },
  update({ show }, node) {
    show(node.attrs.id);
  },
});

const pullquoteView = () => ({
  build({ body, setAttrs }) {
    const text = field(setAttrs, "text", { multiline: true, placeholder: "Quoted words" });
    const cite = field(setAttrs, "cite", { placeholder: "Who said them" });
    const problem = h("p", { class: "rich-embed-warning", role: "status", dir: "auto" });
    body.append(
      h("label", { class: "rich-embed-field" }, "Words", text.input),
      problem,
      h("label", { class: "rich-embed-field" }, "Said by", cite.input),
    );
    return { text, cite, problem };
  },
  update({ text, cite, problem }, node) {
    text.show(node.attrs.text);
    cite.show(node.attrs.cite);
    const words = (node.attrs.text ?? "").trim();
    // The site shows nothing for a quote without words, and reads unpaired brackets as
    // the end of the quote.
    problem.textContent = !words ? "A pull quote needs words." : bracketsBalance(words) ? "" : "Brackets must come in pairs, as in [sic].";
    problem.hidden = !problem.textContent;
    text.input.setAttribute("aria-invalid", String(!problem.hidden));
  },
});

// What the site will show, drawn here from the address alone: the newsroom contacts the
// provider no more than readers' browsers do.
const socialView = () => ({
  label: (node) => {
    const post = recognise(node.attrs.url);
    return post ? `${post.provider} ${post.video ? "video" : "post"}` : LABELS.embed;
  },
  build({ body, setAttrs }) {
    const preview = h("div", { class: "rich-embed-preview" });
    const caption = field(setAttrs, "caption", { placeholder: "Optional" });
    body.append(preview, h("label", { class: "rich-embed-field" }, "Caption", caption.input));
    return { preview, caption, shown: undefined };
  },
  update(parts, node) {
    parts.caption.show(node.attrs.caption);
    if (parts.shown === node.attrs.url) return;
    parts.shown = node.attrs.url;
    const post = recognise(node.attrs.url);
    if (!post) return parts.preview.replaceChildren(h("p", { class: "rich-embed-warning", dir: "auto" }, refusal(node.attrs.url)));
    const who = post.video ? `Video ${post.videoId}` : post.account;
    parts.preview.replaceChildren(
      h(
        "div",
        { class: `rich-embed-card ${post.video ? "rich-embed-card-video" : "rich-embed-card-post"}`, "data-provider": post.provider },
        h("span", { class: "rich-embed-provider" }, post.provider),
        who ? h("span", { class: "rich-embed-account", dir: "ltr" }, who) : null,
      ),
      h("p", { class: "rich-embed-url", dir: "ltr" }, post.url),
      h(
        "p",
        { class: "rich-embed-note" },
        post.video
          ? `Readers see a play button; the video loads from ${post.provider} only when they press it.`
          : `Readers see a card with a link to the post; nothing loads from ${post.provider}.`,
      ),
    );
  },
});

const VIEWS = { photo: photoView, related: relatedView, pullquote: pullquoteView, embed: socialView };
const ATTRS = { photo: ["id", "caption"], related: ["id"], pullquote: ["text", "cite"], embed: ["url", "caption"] };

// A paragraph that is nothing but a supported address, as an embed block instead.
const asEmbed = (schema, node) => {
  const text = node.type.name === "paragraph" ? node.textContent.trim() : "";
  return text && !/\s/.test(text) && recognise(text) ? schema.nodes.embed.create({ url: text }) : null;
};

/**
 * The block a link dropped on the editor stands for, or null: an article of this site
 * (`/{edition}/{yyyy}/{mm}/{dd}/{slug}-{id}`, dragged from the reading site or the
 * article list) becomes its related card, a supported post or video its embed. `origin`
 * is the newsroom's own, since the two run on one host.
 */
export const blockForDroppedLink = (schema, text, origin) => {
  const url = (text || "").split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith("#"));
  if (!url || /\s/.test(url)) return null;
  if (recognise(url)) return schema.nodes.embed.create({ url });
  let parsed;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin) return null;
  const article = parsed.pathname.match(/^\/[a-z]{2,3}(?:-[A-Za-z0-9]+)?\/\d{4}\/\d{2}\/\d{2}\/[^/]*-(\d{1,18})$/);
  return article ? schema.nodes.related.create({ id: article[1] }) : null;
};

// Pasting a post's or video's address on a line of its own makes an embed block of it:
// into an empty paragraph, or as a whole line among other pasted lines. Dropping a link
// (from another tab, the article list, the reading site) makes its block where it lands.
const pasteAsEmbed = (schema) =>
  new Plugin({
    props: {
      handleDrop(view, event, _slice, moved) {
        // A block moved inside the editor is ProseMirror's own drag; files are not links.
        if (moved || !event.dataTransfer || event.dataTransfer.files?.length) return false;
        const data = event.dataTransfer.getData("text/uri-list") || event.dataTransfer.getData("text/plain");
        const block = blockForDroppedLink(schema, data, window.location.origin);
        if (!block) return false;
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        const $pos = view.state.doc.resolve(at ? at.pos : view.state.selection.from);
        // Between blocks: after the top-level block the link was dropped on.
        const where = $pos.depth > 0 ? $pos.after(1) : $pos.pos;
        event.preventDefault();
        view.dispatch(view.state.tr.insert(where, block).scrollIntoView());
        view.focus();
        return true;
      },
      // Read from the parsed slice, not the clipboard's text: a copied link's text is its
      // title, and only a bare address should become a block.
      handlePaste(view, _event, slice) {
        const only = slice.content.childCount === 1 ? slice.content.firstChild : null;
        const embed = only && asEmbed(schema, only);
        const { selection } = view.state;
        const { $from } = selection;
        if (!embed || !selection.empty || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0) return false;
        view.dispatch(view.state.tr.replaceWith($from.before(), $from.after(), embed).scrollIntoView());
        return true;
      },
      transformPasted(slice) {
        const { content, openStart, openEnd } = slice;
        if (content.childCount < 2) return slice;
        const blocks = [];
        content.forEach((child, _, i) => {
          // A first or last line that joins the text around the cursor is not on its own.
          const whole = (i > 0 || openStart === 0) && (i < content.childCount - 1 || openEnd === 0);
          blocks.push((whole && asEmbed(schema, child)) || child);
        });
        return new Slice(Fragment.fromArray(blocks), openStart, openEnd);
      },
    },
  });

const embedNode = (kind) =>
  Node.create({
    name: kind,
    group: "block",
    atom: true,
    draggable: true,
    addOptions: () => ({ lookup: null }),
    addAttributes: () =>
      Object.fromEntries(
        ATTRS[kind].map((attr) => [
          attr,
          {
            default: null,
            parseHTML: (el) => el.getAttribute(`data-${attr}`),
            renderHTML: (attrs) => (attrs[attr] === null ? {} : { [`data-${attr}`]: attrs[attr] }),
          },
        ]),
      ),
    parseHTML: () => [{ tag: `div[data-embed="${kind}"]`, priority: 60 }],
    // Outside the editor (a copy pasted elsewhere) an embed reads as its line of Markdown.
    renderHTML: ({ node, HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { "data-embed": kind }), formatDirective(kind, node.attrs)],
    renderText: ({ node }) => formatDirective(kind, node.attrs),
    addNodeView() {
      const spec = VIEWS[kind](this.options.lookup);
      return (props) => embedView(props, kind, spec);
    },
    addProseMirrorPlugins() {
      return kind === "embed" ? [pasteAsEmbed(this.editor.schema)] : [];
    },
  });

/** The photo, related, pullquote and embed nodes; `lookup` feeds the first two's previews. */
export const embedNodes = ({ lookup }) => EMBEDS.map((kind) => embedNode(kind).configure({ lookup }));
