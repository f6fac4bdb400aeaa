// The formatting toolbar: one tab stop, arrow keys between buttons (the WAI-ARIA toolbar
// pattern, mirrored in right-to-left editions), each button named for screen readers and
// saying whether it is on. Shortcuts are Tiptap's own, plus Ctrl/⌘+K for links.

import { Extension } from "@tiptap/core";

import { hrefFromInput } from "./links.js";

/** Asks for a link address; an empty answer removes the link. */
export const editLink = (editor) => {
  const current = editor.getAttributes("link").href ?? "";
  const answer = window.prompt("Link address (https://…, mailto:…, or a path on this site). Leave empty to remove the link.", current);
  if (answer === null) return false;
  const chain = editor.chain().focus().extendMarkRange("link");
  if (!answer.trim()) return chain.unsetLink().run();
  const href = hrefFromInput(answer);
  if (!href) {
    window.alert("Only web addresses (https://…), email addresses (mailto:…) and paths on this site can be links.");
    return false;
  }
  // With nothing selected the address itself becomes the link's text.
  if (editor.state.selection.empty && !editor.isActive("link")) {
    return chain.insertContent({ type: "text", text: answer.trim(), marks: [{ type: "link", attrs: { href } }] }).run();
  }
  return chain.setLink({ href }).run();
};

export const LinkShortcut = Extension.create({
  name: "linkShortcut",
  addKeyboardShortcuts() {
    return { "Mod-k": () => editLink(this.editor) };
  },
});

const toggle = (command, ...args) => (editor) => editor.chain().focus()[command](...args).run();

const BUTTONS = [
  { name: "h2", label: "Heading", text: "H2", keys: "Alt+2", run: toggle("toggleHeading", { level: 2 }), on: (e) => e.isActive("heading", { level: 2 }) },
  { name: "h3", label: "Subheading", text: "H3", keys: "Alt+3", run: toggle("toggleHeading", { level: 3 }), on: (e) => e.isActive("heading", { level: 3 }) },
  { name: "bold", label: "Bold", text: "B", keys: "B", run: toggle("toggleBold"), on: (e) => e.isActive("bold") },
  { name: "italic", label: "Italic", text: "I", keys: "I", run: toggle("toggleItalic"), on: (e) => e.isActive("italic") },
  { name: "link", label: "Link", text: "Link", keys: "K", run: editLink, on: (e) => e.isActive("link") },
  { name: "bulletList", label: "Bulleted list", text: "•", keys: "Shift+8", run: toggle("toggleBulletList"), on: (e) => e.isActive("bulletList") },
  { name: "orderedList", label: "Numbered list", text: "1.", keys: "Shift+7", run: toggle("toggleOrderedList"), on: (e) => e.isActive("orderedList") },
  { name: "blockquote", label: "Block quote", text: "❝", keys: "Shift+B", run: toggle("toggleBlockquote"), on: (e) => e.isActive("blockquote") },
  { name: "insertEmbed", label: "Embed a post or video", text: "Embed…", run: (_editor, actions) => actions.embed?.() },
  { name: "undo", label: "Undo", text: "↶", keys: "Z", run: toggle("undo"), can: (e) => e.can().undo() },
  { name: "redo", label: "Redo", text: "↷", keys: "Shift+Z", run: toggle("redo"), can: (e) => e.can().redo() },
];

const mac = () => /Mac|iPhone|iPad/.test(navigator.platform ?? "");

/**
 * The toolbar element for `editor`. `source` is the Markdown view switch:
 * `{ active(), toggle() }`; while it is on, the formatting buttons are off.
 * `actions.embed()` opens the embed dialog.
 * Call `refresh()` on the returned element after anything the editor does not announce.
 */
export const toolbar = (editor, source, actions = {}) => {
  const bar = document.createElement("div");
  bar.className = "rich-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Formatting");
  if (editor.view.dom.id) bar.setAttribute("aria-controls", editor.view.dom.id);
  const modifier = mac() ? "Meta" : "Control";
  const shown = (keys) => (mac() ? `⌘${keys.replace(/\+/g, "")}` : `Ctrl+${keys}`);

  const buttons = BUTTONS.map((spec) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `rich-button rich-${spec.name}`;
    button.textContent = spec.text;
    button.setAttribute("aria-label", spec.label);
    if (spec.keys) {
      button.setAttribute("aria-keyshortcuts", `${modifier}+${spec.keys}`);
      button.title = `${spec.label} (${shown(spec.keys)})`;
    } else button.title = spec.label;
    button.addEventListener("click", () => spec.run(editor, actions));
    return { spec, button };
  });
  const sourceButton = document.createElement("button");
  sourceButton.type = "button";
  sourceButton.className = "rich-button rich-source";
  sourceButton.textContent = "Markdown";
  sourceButton.title = "Edit the body as Markdown text";
  sourceButton.dataset.sourceToggle = "";
  sourceButton.addEventListener("click", () => source.toggle());

  const all = [...buttons.map((b) => b.button), sourceButton];
  // Clicking a button must not take the selection away from the text it formats.
  for (const button of all) button.addEventListener("mousedown", (event) => event.preventDefault());
  bar.append(...all);

  let current = 0;
  const focusable = () => all.filter((b) => !b.disabled);
  const rove = (button) => {
    current = Math.max(0, all.indexOf(button));
    for (const b of all) b.tabIndex = b === button ? 0 : -1;
  };
  bar.addEventListener("keydown", (event) => {
    const list = focusable();
    const at = list.indexOf(document.activeElement);
    if (at < 0) return;
    const rtl = getComputedStyle(bar).direction === "rtl";
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const target = step ? list[(at + step + list.length) % list.length] : event.key === "Home" ? list[0] : event.key === "End" ? list.at(-1) : null;
    if (!target) return;
    event.preventDefault();
    rove(target);
    target.focus();
  });
  bar.addEventListener("focusin", (event) => all.includes(event.target) && rove(event.target));

  bar.refresh = () => {
    const markdown = source.active();
    for (const { spec, button } of buttons) {
      button.disabled = markdown || (spec.can ? !spec.can(editor) : false);
      if (spec.on) button.setAttribute("aria-pressed", String(!markdown && spec.on(editor)));
    }
    sourceButton.setAttribute("aria-pressed", String(markdown));
    // The tab stop stays on an enabled button.
    if (all[current].disabled) rove(focusable()[0] ?? sourceButton);
  };
  rove(all[0]);
  editor.on("transaction", bar.refresh);
  bar.refresh();
  return bar;
};
