// The three embeds as blocks of the document, each shown as a live preview: a photo with
// its thumbnail and caption, a related article with its headline, a pull quote with its
// words and who said them. They are atoms (edited through their own fields, never as
// text) and move by drag and drop from their handle.

import { Node, mergeAttributes } from "@tiptap/core";

import { EMBEDS, bracketsBalance, formatDirective } from "./directives.js";

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

const LABELS = { photo: "Photo", related: "Related article", pullquote: "Pull quote" };

// The frame every embed preview shares: a head with a drag handle, the embed's name and
// a remove button, then the kind's own body.
const embedView = ({ node: initial, editor, getPos }, kind, { build, update }) => {
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
    const label = `${LABELS[kind]}${node.attrs.id ? ` ${node.attrs.id}` : ""}`;
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

const VIEWS = { photo: photoView, related: relatedView, pullquote: pullquoteView };
const ATTRS = { photo: ["id", "caption"], related: ["id"], pullquote: ["text", "cite"] };

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
  });

/** The photo, related and pullquote nodes; `lookup` feeds their previews. */
export const embedNodes = ({ lookup }) => EMBEDS.map((kind) => embedNode(kind).configure({ lookup }));
