// The rich editor over a body textarea. The textarea stays the form's field: it is hidden,
// and every change in the editor writes the body's Markdown back into it and fires
// `input` on it, so saving, the live preview and the unsaved-changes warning work as
// they do without JavaScript. The "Markdown" button shows the textarea itself again.

import { Editor, getSchema } from "@tiptap/core";
import { Selection } from "@tiptap/pm/state";

import { embedDialog } from "./embed-dialog.js";
import { extensions } from "./extensions.js";
import { lookup as apiLookup } from "./lookup.js";
import { markdown } from "./markdown.js";
import { cleanPastedHTML } from "./paste.js";
import { LinkShortcut, toolbar } from "./toolbar.js";

const labelOf = (textarea) => {
  const label = textarea.id ? textarea.ownerDocument.querySelector(`label[for="${CSS.escape(textarea.id)}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;
  return label;
};

// The body's newly inserted embed blocks, to put the cursor in the one the author fills in.
const embedsIn = (root) => new Set(root.querySelectorAll(".rich-embed"));

/**
 * Mounts the editor on `textarea` and sets `textarea.richEditor` to
 * `{ insertEmbed(line, select?), focus() }` while the rich view is shown.
 * `lookup` resolves embed previews (defaults to the Admin API).
 */
export const mount = (textarea, { lookup = apiLookup } = {}) => {
  const doc = textarea.ownerDocument;
  const all = [...extensions({ lookup }), LinkShortcut];
  const md = markdown(getSchema(all));
  const label = labelOf(textarea);
  const dir = textarea.getAttribute("dir") ?? textarea.closest("[dir]")?.getAttribute("dir");
  const attributes = Object.fromEntries(
    Object.entries({
      id: textarea.id ? `${textarea.id}-rich` : null,
      class: "rich-editor-content",
      role: "textbox",
      "aria-multiline": "true",
      "aria-labelledby": label?.id,
      "aria-describedby": textarea.getAttribute("aria-describedby"),
      dir,
      lang: textarea.getAttribute("lang"),
    }).filter(([, value]) => value !== null && value !== undefined),
  );

  const wrapper = doc.createElement("div");
  wrapper.className = "rich-editor";
  const surface = doc.createElement("div");
  surface.className = "rich-surface";
  const problem = doc.createElement("p");
  problem.className = "field-error";
  problem.hidden = true;

  let written = textarea.value;
  const write = (editor) => {
    const value = md.serialize(editor.state.doc);
    if (value === written) return;
    written = value;
    textarea.value = value;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const editor = new Editor({
    element: surface,
    extensions: all,
    // The page's Content-Security-Policy allows no inline styles: rich-editor.css has them.
    injectCSS: false,
    content: md.parse(textarea.value).toJSON(),
    editorProps: { attributes, transformPastedHTML: (html) => cleanPastedHTML(html) },
    onUpdate: ({ editor: e }) => {
      problem.hidden = true;
      e.view.dom.removeAttribute("aria-invalid");
      write(e);
    },
  });

  const api = {
    insertEmbed(line, select) {
      const known = embedsIn(surface);
      const { selection } = editor.state;
      const blocks = md.parse(line).content.toJSON();
      // Focusing the editor would take the focus back from the field filled in next.
      const chain = select ? editor.chain() : editor.chain().focus();
      // A selected embed stays: the new one goes after it.
      (selection.node ? chain.insertContentAt(selection.to, blocks) : chain.insertContent(blocks)).run();
      // The cursor goes past the new block, or the next keystroke would replace it.
      const { state, view } = editor;
      if (state.selection.node) view.dispatch(state.tr.setSelection(Selection.near(state.doc.resolve(state.selection.to), 1)));
      if (!select) return;
      const added = [...embedsIn(surface)].find((el) => !known.has(el));
      const input = [...(added?.querySelectorAll("[data-field]") ?? [])].find((el) => el.value.includes(select));
      if (!input) return;
      input.focus();
      const at = input.value.indexOf(select);
      input.setSelectionRange(at, at + select.length);
    },
    focus: () => editor.commands.focus(),
  };

  let source = false;
  const showSource = (on) => {
    source = on;
    if (!on && textarea.value !== written) {
      editor.commands.setContent(md.parse(textarea.value).toJSON(), { emitUpdate: false });
      written = textarea.value;
    }
    textarea.hidden = !on;
    surface.hidden = on;
    if (on) delete textarea.richEditor;
    else textarea.richEditor = api;
    bar.refresh();
    if (on) textarea.focus();
    else editor.commands.focus();
  };
  const dialog = embedDialog(doc, { insert: (line) => api.insertEmbed(line), done: () => editor.commands.focus() });
  const bar = toolbar(editor, { active: () => source, toggle: () => showSource(!source) }, { embed: () => dialog.open() });

  // A required body left empty: the browser cannot point at the hidden textarea, so the
  // editor takes the message.
  textarea.addEventListener("invalid", () => {
    if (!textarea.hidden) return;
    problem.textContent = textarea.validationMessage;
    problem.hidden = false;
    editor.view.dom.setAttribute("aria-invalid", "true");
    editor.commands.focus();
  });
  label?.addEventListener("click", (event) => {
    if (!textarea.hidden) return;
    event.preventDefault();
    editor.commands.focus();
  });

  wrapper.append(bar, dialog.element, surface, problem);
  textarea.before(wrapper);
  textarea.hidden = true;
  textarea.richEditor = api;
  return editor;
};
