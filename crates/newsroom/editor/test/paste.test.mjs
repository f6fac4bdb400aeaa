// Clipboard HTML from Word and Google Docs, pasted into a mounted editor: the body gets
// the formatting the author sees and nothing else.
import { window, page } from "./dom.mjs";

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { mount } from "../src/mount.js";

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

const paste = (html) => {
  const doc = page('<textarea id="body" name="body"></textarea>');
  const textarea = doc.getElementById("body");
  const editor = mount(textarea, { lookup: null });
  editor.view.pasteHTML(html, new window.Event("paste"));
  const { value } = textarea;
  editor.destroy();
  return value;
};

test("Word: headings, paragraphs, bold, italic, links and nested lists, no styles or filler", () => {
  assert.equal(
    paste(fixture("paste-word.html")),
    [
      "## Harbour terminal opens",
      "The harbour authority opened the new terminal on **Monday**, doubling the number of *daily* crossings to the islands.",
      "Read the [full timetable](https://example.com/ferries/timetable?season=winter&lang=en) before you travel.",
      "### By the numbers",
      "- Four new berths\n- **12,000** passengers a day\n  - Two of them for freight",
      "To travel:",
      "1. Buy a ticket online\n2. Board at *Pier 4*",
      "The fund paid a third, said Ana Ruiz.",
    ].join("\n\n"),
  );
});

test("Google Docs: the bold wrapper bolds nothing, styled spans give bold and italic", () => {
  assert.equal(
    paste(fixture("paste-gdocs.html")),
    [
      "## What changes for passengers",
      "Ferries now leave every **twenty minutes** *at peak times*. The [timetable](https://example.com/ferries/timetable) is online.",
      "- Four new berths\n  - Two of them for freight\n- **12,000** passengers a day",
      "1. Buy a ticket online\n2. Board at Pier 4",
      "قالت آنا رويث إن **Harbour Lines** ستشغّل الخط.",
      "Questions? Write to [the desk](mailto:desk@example.com).",
    ].join("\n\n"),
  );
});

test("scripts, event handlers, images and unsafe links never get through", () => {
  const out = paste(
    '<p onclick="alert(1)">Hi <img src=x onerror="alert(2)"><script>alert(3)</script><a href=" java\tscript:alert(4)">there</a> ' +
      '<a href="data:text/html,x">and</a> <a href="/en/pages/about" style="color:red">about</a></p><style>p{}</style><iframe src="https://e.com"></iframe>',
  );
  assert.equal(out, "Hi there and [about](/en/pages/about)");
});

test("a plain web page keeps its block quotes and drops its layout", () => {
  const out = paste('<div class="post"><h3>Said</h3><blockquote><p>We will <em>rebuild</em>.</p></blockquote><table><tr><td>cell one</td><td>cell two</td></tr></table></div>');
  assert.equal(out, "## Said\n\n> We will *rebuild*.\n\ncell one\n\ncell two");
});

test("what this editor copies pastes back as it was, embeds included", () => {
  const doc = page('<textarea id="body" name="body">Before\n\n::photo[3]{caption="Dawn"}\n\n::quote[Words]{cite="Ana"}</textarea>');
  const textarea = doc.getElementById("body");
  const editor = mount(textarea, { lookup: null });
  const html = window.document.querySelector(".rich-editor-content").innerHTML;
  assert.ok(!/style=|<span/.test(html.replace(/<span class="rich-embed-[^"]*"[^>]*>/g, "")));
  editor.commands.selectAll();
  const slice = editor.state.selection.content();
  const copied = editor.view.serializeForClipboard(slice).dom.innerHTML;
  editor.commands.setContent("");
  editor.view.pasteHTML(copied, new window.Event("paste"));
  assert.equal(textarea.value, 'Before\n\n::photo[3]{caption="Dawn"}\n\n::quote[Words]{cite="Ana"}');
  editor.destroy();
});

test("formatting is read from the style attribute's text, which a strict CSP leaves unparsed", () => {
  // Under the newsroom's Content-Security-Policy, Chromium leaves `element.style` empty
  // in the document the clipboard's HTML is parsed into.
  const style = Object.getOwnPropertyDescriptor(window.HTMLElement.prototype, "style");
  Object.defineProperty(window.HTMLElement.prototype, "style", {
    configurable: true,
    get() {
      return this.ownerDocument === window.document ? style.get.call(this) : {};
    },
  });
  try {
    assert.equal(
      paste('<b style="font-weight:normal" id="docs-internal-guid-1"><p><span style="font-weight:700">Bold</span> <span style="font-style:italic">it</span> plain</p></b>'),
      "**Bold** *it* plain",
    );
  } finally {
    Object.defineProperty(window.HTMLElement.prototype, "style", style);
  }
});
