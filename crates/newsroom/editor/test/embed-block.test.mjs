// Posts and videos as blocks (`::embed[URL]`): the toolbar's dialog checks the address with
// the site's rules, the block previews it without contacting the provider, its caption is
// edited in place, and a bare address pasted on a line of its own becomes a block.
import { window, page } from "./dom.mjs";

import assert from "node:assert/strict";
import { test } from "node:test";

import { mount } from "../src/mount.js";

const setUp = (body = "") => {
  const doc = page(`<form><label for="body">Body</label><textarea id="body" name="body" lang="ar" dir="rtl">${body}</textarea></form>`);
  const textarea = doc.getElementById("body");
  const editor = mount(textarea, { lookup: null });
  return { doc, textarea, editor };
};

const type = (input, value) => {
  input.value = value;
  input.dispatchEvent(new window.Event("input", { bubbles: true }));
};

const key = (target, name) => {
  const event = new window.KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

test("the Embed dialog refuses what the site would refuse, says why, and inserts a previewed block", () => {
  const { doc, textarea, editor } = setUp("Intro");
  editor.commands.focus("end");
  const button = doc.querySelector(".rich-insertEmbed");
  assert.equal(button.getAttribute("aria-label"), "Embed a post or video");
  button.click();
  const dialog = doc.querySelector(".rich-dialog");
  assert.equal(dialog.hidden, false);
  assert.equal(dialog.getAttribute("role"), "dialog");
  const [url, caption] = dialog.querySelectorAll("input");
  assert.equal(doc.activeElement, url, "the address field takes the focus");

  type(url, "http://youtu.be/dQw4w9WgXcQ");
  const enter = key(url, "Enter");
  assert.equal(enter.defaultPrevented, true, "Enter never submits the article form");
  const problem = dialog.querySelector(".rich-dialog-problem");
  assert.equal(problem.hidden, false);
  assert.match(problem.textContent, /^This address is not a supported social post or video: http:\/\/youtu\.be\/dQw4w9WgXcQ\./);
  assert.equal(url.getAttribute("aria-invalid"), "true");
  assert.equal(textarea.value, "Intro", "nothing inserted");

  type(url, "https://youtu.be/dQw4w9WgXcQ?si=track");
  assert.equal(problem.hidden, true);
  assert.equal(dialog.querySelector(".rich-dialog-found").textContent, "YouTube video");
  type(caption, 'Goal "2-1" [replay]');
  dialog.querySelector("button.primary").click();
  assert.equal(dialog.hidden, true);
  assert.equal(textarea.value, 'Intro\n\n::embed[https://youtu.be/dQw4w9WgXcQ?si=track]{caption="Goal \\"2-1\\" [replay]"}');

  const block = doc.querySelector('.rich-embed[data-embed="embed"]');
  assert.equal(block.querySelector(".rich-embed-name").textContent, "YouTube video");
  assert.equal(block.querySelector(".rich-embed-provider").textContent, "YouTube");
  assert.equal(block.querySelector(".rich-embed-account").textContent, "Video dQw4w9WgXcQ");
  assert.equal(block.querySelector(".rich-embed-url").textContent, "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  assert.equal(block.querySelectorAll("img, iframe, script, video").length, 0, "the newsroom asks the provider for nothing");
  assert.equal(block.querySelector(".rich-embed-handle").getAttribute("draggable"), "true");
  assert.equal(editor.schema.nodes.embed.spec.draggable, true);

  const field = block.querySelector('[data-field="caption"]');
  assert.equal(field.value, 'Goal "2-1" [replay]');
  type(field, "Highlights");
  assert.equal(textarea.value, 'Intro\n\n::embed[https://youtu.be/dQw4w9WgXcQ?si=track]{caption="Highlights"}');
  editor.destroy();
});

test("Escape and Cancel close the dialog without inserting anything", () => {
  const { doc, textarea, editor } = setUp("Text");
  doc.querySelector(".rich-insertEmbed").click();
  const dialog = doc.querySelector(".rich-dialog");
  type(dialog.querySelector("input"), "https://vimeo.com/76979871");
  key(dialog.querySelector("input"), "Escape");
  assert.equal(dialog.hidden, true);
  doc.querySelector(".rich-insertEmbed").click();
  assert.equal(dialog.querySelector("input").value, "", "a fresh dialog each time");
  dialog.querySelector("button:not(.primary)").click();
  assert.equal(dialog.hidden, true);
  assert.equal(textarea.value, "Text");
  editor.destroy();
});

test("a post shows its network and account, and the body keeps the address as written", () => {
  const line = "::embed[https://mastodon.social/@Gargron/109318821117356215]";
  const { doc, textarea, editor } = setUp(`Before\n\n${line}`);
  const block = doc.querySelector('.rich-embed[data-embed="embed"]');
  assert.equal(block.querySelector(".rich-embed-name").textContent, "Mastodon post");
  assert.equal(block.querySelector(".rich-embed-account").textContent, "@Gargron@mastodon.social");
  assert.equal(block.querySelector(".rich-embed-account").getAttribute("dir"), "ltr");
  block.querySelector(".rich-embed-remove").click();
  assert.equal(textarea.value, "Before");
  editor.destroy();
});

test("an unsupported address stays as written, shown as source", () => {
  const { doc, textarea, editor } = setUp("::embed[http://vimeo.com/76979871]");
  assert.equal(doc.querySelector('.rich-embed[data-embed="embed"]'), null);
  assert.equal(doc.querySelector("pre[data-raw-markdown]").textContent, "::embed[http://vimeo.com/76979871]");
  assert.equal(textarea.value, "::embed[http://vimeo.com/76979871]");
  editor.destroy();
});

test("a bare supported address pasted on a line of its own becomes a block", () => {
  const { textarea, editor } = setUp("");
  editor.commands.focus();
  editor.view.pasteText("https://bsky.app/profile/jay.bsky.team/post/3kgbz4ccwjm2s", new window.Event("paste"));
  assert.equal(textarea.value, "::embed[https://bsky.app/profile/jay.bsky.team/post/3kgbz4ccwjm2s]");
  editor.commands.setContent("<p>See </p>");
  editor.commands.focus("end");
  editor.view.pasteText("https://vimeo.com/76979871", new window.Event("paste"));
  assert.equal(editor.state.doc.childCount, 1, "inside a sentence it is text");
  assert.doesNotMatch(textarea.value, /::embed/);
  editor.commands.setContent("");
  editor.commands.focus();
  editor.view.pasteText("Before\n\nhttps://vimeo.com/76979871\n\nnot https://vimeo.com/1 alone\n\nAfter", new window.Event("paste"));
  // Inside a line an address is a link, as any pasted address is.
  assert.equal(textarea.value, "Before\n\n::embed[https://vimeo.com/76979871]\n\nnot <https://vimeo.com/1> alone\n\nAfter");
  editor.commands.setContent("");
  editor.commands.focus();
  editor.view.pasteText("http://vimeo.com/76979871", new window.Event("paste"));
  assert.doesNotMatch(textarea.value, /::embed/, "an unsupported address stays text");
  editor.destroy();
});

test("a link dropped on the editor becomes its block: a post or video its embed, this site's article its related card", async () => {
  const { blockForDroppedLink } = await import("../src/embeds.js");
  const { editor } = setUp("Intro");
  const { schema } = editor;
  const origin = "https://news.example";
  const video = blockForDroppedLink(schema, "https://youtu.be/dQw4w9WgXcQ", origin);
  assert.equal(video.type.name, "embed");
  assert.equal(video.attrs.url, "https://youtu.be/dQw4w9WgXcQ");
  // text/uri-list: comment lines first, then the address.
  const post = blockForDroppedLink(schema, "# dragged from a tab\r\nhttps://bsky.app/profile/harbour.example.com/post/3kq2abcde", origin);
  assert.equal(post.type.name, "embed");
  const card = blockForDroppedLink(schema, `${origin}/en/2026/12/07/ferry-timetable-doubles-42`, origin);
  assert.equal(card.type.name, "related");
  assert.equal(String(card.attrs.id), "42");
  const arabic = blockForDroppedLink(schema, `${origin}/ar/2026/12/07/%D8%AC%D8%B3%D8%B1-77`, origin);
  assert.equal(String(arabic.attrs.id), "77", "a percent-encoded Arabic slug");
  // Not this site's, not an article, not a supported network, not one address: no block,
  // and the browser's own drop (a link in the text) goes ahead.
  for (const text of [
    "https://elsewhere.example/en/2026/12/07/ferry-42",
    `${origin}/en/section/world`,
    `${origin}/admin/articles/42`,
    "https://example.com/watch?v=dQw4w9WgXcQ",
    "javascript:alert(1)",
    "two words",
    "",
  ]) {
    assert.equal(blockForDroppedLink(schema, text, origin), null, text);
  }
  editor.destroy();
});
