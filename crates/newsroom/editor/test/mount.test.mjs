// The editor mounted over a body textarea, as on the article and page forms.
import { window, page } from "./dom.mjs";

import assert from "node:assert/strict";
import { test } from "node:test";

import { mount } from "../src/mount.js";

const FORM = (body, attrs = "") =>
  `<form><label for="body">Body</label><textarea id="body" name="body" lang="ar" dir="rtl"${attrs}>${body}</textarea></form>`;

// Stands in for the Admin API: photo 22 and article 14 exist, nothing else does.
const lookup = async (kind, id) => {
  if (kind === "photo" && id === "22") return { thumbnail: "/media/t22.webp", alt: "Dawn", caption: "The pier", credit: "© Agency 2026", publishable: false };
  if (kind === "related" && id === "14") return { headline: "Ferry fares to rise", status: "draft", edition: "en" };
  return { missing: true };
};

const setUp = (body = "", attrs = "") => {
  const doc = page(FORM(body, attrs));
  const textarea = doc.getElementById("body");
  const inputs = [];
  textarea.addEventListener("input", () => inputs.push(textarea.value));
  const editor = mount(textarea, { lookup });
  return { doc, textarea, editor, inputs, content: doc.querySelector(".rich-editor-content") };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("the textarea hides behind the editor, which takes its direction, language and label", () => {
  const { doc, textarea, content, inputs, editor } = setUp("مرحبا **بالعالم**\n\n## English heading\n\n- one\n- واحد");
  assert.equal(textarea.hidden, true);
  assert.equal(textarea.previousElementSibling.className, "rich-editor");
  assert.equal(content.getAttribute("dir"), "rtl");
  assert.equal(content.getAttribute("lang"), "ar");
  assert.equal(content.getAttribute("role"), "textbox");
  assert.equal(content.getAttribute("aria-labelledby"), doc.querySelector("label").id);
  // Each block lays out by its own text; a list item's paragraph leaves that to the item,
  // whose bullet follows its direction.
  for (const block of content.querySelectorAll(":scope > p, h2, li")) assert.equal(block.getAttribute("dir"), "auto", block.outerHTML);
  for (const p of content.querySelectorAll("li > p")) assert.equal(p.hasAttribute("dir"), false);
  assert.deepEqual(inputs, [], "opening a body changes nothing");
  assert.equal(typeof textarea.richEditor.insertEmbed, "function");
  editor.destroy();
});

test("every change writes the Markdown back and fires input on the textarea", () => {
  const { textarea, editor, inputs } = setUp("First");
  editor.commands.focus("end");
  editor.commands.insertContent(" and more");
  editor.commands.toggleHeading({ level: 2 });
  assert.equal(textarea.value, "## First and more");
  assert.deepEqual(inputs, ["First and more", "## First and more"]);
  editor.destroy();
});

test("embeds from the pickers go in as blocks with live previews", async () => {
  const { doc, textarea, editor } = setUp("Intro");
  editor.commands.focus("end");
  textarea.richEditor.insertEmbed("::photo[22]");
  textarea.richEditor.insertEmbed("::related[14]");
  textarea.richEditor.insertEmbed("::related[99]");
  assert.equal(textarea.value, "Intro\n\n::photo[22]\n\n::related[14]\n\n::related[99]");
  editor.commands.insertContent("Typing goes on after the last one");
  assert.equal(textarea.value, "Intro\n\n::photo[22]\n\n::related[14]\n\n::related[99]\n\nTyping goes on after the last one");
  await settle();
  const [photo, related, missing] = doc.querySelectorAll(".rich-embed");
  assert.equal(photo.querySelector(".rich-embed-name").textContent, "Photo 22");
  assert.equal(photo.querySelector("img").getAttribute("src"), "/media/t22.webp");
  assert.match(photo.textContent, /The pier · © Agency 2026/);
  assert.match(photo.textContent, /Needs alt text/);
  assert.equal(related.querySelector(".rich-embed-title").textContent, "Ferry fares to rise draft");
  assert.match(missing.textContent, /No article with this number/);
  assert.equal(photo.querySelector(".rich-embed-handle").getAttribute("draggable"), "true");
  assert.equal(editor.schema.nodes.photo.spec.draggable, true);
  editor.destroy();
});

test("a pull quote is edited in its own fields, brackets checked", () => {
  const { doc, textarea, editor } = setUp("");
  textarea.richEditor.insertEmbed('::quote[Quoted words]{cite="Who said them"}', "Quoted words");
  const words = doc.querySelector('[data-field="text"]');
  assert.equal(doc.activeElement, words, "the cursor waits in the words");
  assert.equal(words.value.slice(words.selectionStart, words.selectionEnd), "Quoted words");
  words.value = 'He said "no" [sic';
  words.dispatchEvent(new window.Event("input", { bubbles: true }));
  assert.equal(textarea.value, '::quote[He said "no" [sic]{cite="Who said them"}');
  assert.match(doc.querySelector(".rich-embed .rich-embed-warning").textContent, /pairs/);
  words.value = 'He said "no" [sic]';
  words.dispatchEvent(new window.Event("input", { bubbles: true }));
  const cite = doc.querySelector('[data-field="cite"]');
  cite.value = "Ana Ruiz, mayor";
  cite.dispatchEvent(new window.Event("input", { bubbles: true }));
  assert.equal(textarea.value, '::quote[He said "no" [sic]]{cite="Ana Ruiz, mayor"}');
  assert.equal(doc.querySelector(".rich-embed .rich-embed-warning").hidden, true);
  doc.querySelector(".rich-embed-remove").click();
  assert.equal(textarea.value, "");
  editor.destroy();
});

test("toolbar buttons are named, say whether they are on, and keep to one tab stop", () => {
  const { doc, editor } = setUp("Some text");
  const buttons = [...doc.querySelectorAll(".rich-toolbar button")];
  assert.equal(doc.querySelector(".rich-toolbar").getAttribute("role"), "toolbar");
  for (const b of buttons) assert.ok(b.getAttribute("aria-label") || b.textContent, b.outerHTML);
  assert.equal(buttons.filter((b) => b.tabIndex === 0).length, 1);
  const bold = doc.querySelector(".rich-bold");
  assert.equal(bold.getAttribute("aria-pressed"), "false");
  assert.equal(bold.getAttribute("aria-keyshortcuts"), "Control+B");
  editor.commands.selectAll();
  bold.click();
  assert.equal(bold.getAttribute("aria-pressed"), "true");
  assert.equal(doc.getElementById("body").value, "**Some text**");
  assert.equal(doc.querySelector(".rich-undo").disabled, false);
  assert.equal(doc.querySelector(".rich-redo").disabled, true);
  editor.destroy();
});

test("links take web, mail and site addresses only", () => {
  const { doc, textarea, editor } = setUp("Read this");
  const answers = [];
  const alerts = [];
  window.prompt = () => answers.shift();
  window.alert = (message) => alerts.push(message);
  const link = doc.querySelector(".rich-link");
  editor.commands.setTextSelection({ from: 6, to: 10 });
  answers.push("javascript:alert(1)");
  link.click();
  assert.equal(textarea.value, "Read this");
  assert.equal(alerts.length, 1);
  answers.push("example.com/story");
  link.click();
  assert.equal(textarea.value, "Read [this](https://example.com/story)");
  answers.push("");
  link.click();
  assert.equal(textarea.value, "Read this");
  editor.destroy();
});

test("the Markdown view shows the textarea, and its edits come back to the editor", () => {
  const { doc, textarea, editor } = setUp("Text");
  const toggle = doc.querySelector("[data-source-toggle]");
  toggle.click();
  assert.equal(textarea.hidden, false);
  assert.equal(toggle.getAttribute("aria-pressed"), "true");
  assert.equal(textarea.richEditor, undefined, "pickers write into the textarea");
  assert.equal(doc.querySelector(".rich-bold").disabled, true);
  textarea.value = "Edited *by hand*\n\n::related[14]";
  toggle.click();
  assert.equal(textarea.hidden, true);
  assert.equal(editor.getText({ blockSeparator: "|" }).startsWith("Edited by hand|"), true);
  assert.equal(editor.state.doc.child(1).type.name, "related");
  assert.equal(typeof textarea.richEditor.insertEmbed, "function");
  editor.destroy();
});

test("a required body left empty sends the browser's message to the editor", () => {
  const { doc, textarea, editor } = setUp("", " required");
  assert.equal(doc.querySelector("form").checkValidity(), false);
  const problem = doc.querySelector(".rich-editor .field-error");
  assert.equal(problem.hidden, false);
  assert.equal(problem.textContent, textarea.validationMessage);
  editor.commands.insertContent("Now it has text");
  assert.equal(problem.hidden, true);
  assert.equal(doc.querySelector("form").checkValidity(), true);
  editor.destroy();
});
