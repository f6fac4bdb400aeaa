// The body format through the editor's document and back, without a DOM.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

import { getSchema } from "@tiptap/core";

import { formatDirective, parseDirective } from "../src/directives.js";
import { extensions } from "../src/extensions.js";
import { markdown } from "../src/markdown.js";

const schema = getSchema(extensions());
const md = markdown(schema);
const BODIES = new URL("./fixtures/bodies/", import.meta.url);

const nodes = (doc, name) => {
  const found = [];
  doc.descendants((n) => {
    if (n.type.name === name) found.push(n);
  });
  return found;
};
const hrefs = (doc) => {
  const found = [];
  doc.descendants((n) => {
    for (const mark of n.marks) if (mark.type.name === "link") found.push(mark.attrs.href);
    if (n.type.name === "image") found.push(n.attrs.src);
  });
  return [...new Set(found)];
};

// What a body refers to, read from its text with patterns rather than the parser under
// test: unescaped embed lines, and link/image destinations.
const sourceRefs = (source) => ({
  photos: [...source.matchAll(/^[>\s\d.*-]*::photo\[(\d+)\]/gm)].map((m) => m[1]).filter((id) => id !== "0"),
  related: [...source.matchAll(/^[>\s\d.*-]*::related\[(\d+)\]/gm)].map((m) => m[1]),
  hrefs: [...source.matchAll(/\]\(((?:[^()\s]|\([^()\s]*\))+)|<((?:https?|mailto):[^>]+|[^\s>@]+@[^\s>]+)>/g)].map((m) =>
    m[1] ?? (m[2].includes(":") ? m[2] : `mailto:${m[2]}`),
  ),
});

for (const name of readdirSync(BODIES).filter((f) => f.endsWith(".md"))) {
  test(`body ${name} comes back from the editor unchanged, nothing lost`, () => {
    // Fixture files end with a newline; the serialised body does not.
    const source = readFileSync(new URL(name, BODIES), "utf8").replace(/\n$/, "");
    const doc = md.parse(source);
    const out = md.serialize(doc);
    assert.equal(out, source);
    assert.ok(md.parse(out).eq(doc), "the document survives a second round trip");
    const refs = sourceRefs(source);
    assert.deepEqual(nodes(doc, "photo").map((n) => n.attrs.id), refs.photos);
    assert.deepEqual(nodes(doc, "related").map((n) => n.attrs.id), refs.related);
    assert.deepEqual(hrefs(doc).sort(), [...new Set(refs.hrefs)].sort());
  });
}

test("the corpus covers the three embeds, quotes with brackets and quotation marks, lists, tables and RTL text", () => {
  const all = readdirSync(BODIES).map((f) => md.parse(readFileSync(new URL(f, BODIES), "utf8")));
  const count = (name) => all.reduce((n, doc) => n + nodes(doc, name).length, 0);
  for (const name of ["photo", "related", "pullquote", "embed", "bulletList", "orderedList", "blockquote", "heading", "hardBreak", "codeBlock", "rawBlock", "rawInline", "image"]) {
    assert.ok(count(name) > 0, name);
  }
  const quotes = all.flatMap((doc) => nodes(doc, "pullquote"));
  assert.ok(quotes.some((q) => q.attrs.text.includes("[sic]")));
  const photos = all.flatMap((doc) => nodes(doc, "photo"));
  assert.ok(photos.some((p) => p.attrs.caption?.includes('"')));
  const posts = all.flatMap((doc) => nodes(doc, "embed"));
  assert.ok(posts.some((p) => p.attrs.caption?.includes('"') && p.attrs.caption.includes("[")));
  assert.ok(posts.some((p) => p.attrs.url.includes("&")), "an address with a query survives as written");
});

// Bodies written differently that the site renders the same: each comes out in the one
// spelling the editor writes (README, "Normalisation"), as the same document.
const NORMALISED = [
  ["setext heading", "Title\n=====", "# Title"],
  ["other bullets", "* a\n* b", "- a\n- b"],
  ["underscores", "__bold__ and _it_", "**bold** and *it*"],
  ["soft line break", "line one\nline two", "line one line two"],
  ["two-space hard break", "a  \nb", "a\\\nb"],
  ["reference link", "[x][ref]\n\n[ref]: https://e.com/a", "[x](https://e.com/a)"],
  ["embed inside a paragraph", "Text\n::photo[3]\nMore", "Text\n\n::photo[3]\n\nMore"],
  ["embed spelling", '::PHOTO[ 007 ]{align="left" caption="  x  "}', '::photo[7]{caption="x"}'],
  ["empty attribute", '::quote[words]{cite=""}', "::quote[words]"],
  ["indented code", "    let a = 1;", "```\nlet a = 1;\n```"],
  ["thematic break", "***", "---"],
  ["ordered list delimiter", "1) one\n2) two", "1. one\n2. two"],
  ["adjacent lists keep apart", "+ a\n\n- b", "- a\n\n* b"],
  ["entities", "&copy; &amp; &#65;", "© & A"],
  ["final newline", "Text\n", "Text"],
  ["hard break before an embed", "a\\\n::related[2]", "a\n\n::related[2]"],
];
for (const [what, input, expected] of NORMALISED) {
  test(`normalisation: ${what}`, () => {
    const doc = md.parse(input);
    assert.equal(md.serialize(doc), expected);
    assert.ok(md.parse(expected).eq(doc));
  });
}

const paragraph = (...content) => schema.node("doc", null, [schema.node("paragraph", null, content)]);

test("text that looks like markup stays text", () => {
  const samples = [
    "* not a bullet", "- not a bullet", "+ not a bullet", "1. not a list", "2024) not a list", "# not a heading",
    "> not a quote", "=== not a rule", "a_b_c and _x_", "[x](y) and ![i](s)", "<b>not bold</b>", "&amp; and &#65;",
    "back\\slash", "`tick`", "~~no strike~~", "::photo[1]", "::embed[https://vimeo.com/76979871]", "::related[2]{x=\"y\"}", "    four spaces", "Title #", "***",
  ];
  for (const text of samples) {
    for (const doc of [
      paragraph(schema.text(text)),
      paragraph(schema.text("before"), schema.node("hardBreak"), schema.text(text)),
      schema.node("doc", null, [schema.node("heading", { level: 2 }, [schema.text(text)])]),
      schema.node("doc", null, [schema.node("bulletList", null, [schema.node("listItem", null, [schema.node("paragraph", null, [schema.text(text)])])])]),
    ]) {
      const back = md.parse(md.serialize(doc));
      const expected = text.trimStart();
      assert.equal(back.textContent.replace(/^before/, ""), expected, `${JSON.stringify(text)} in ${doc.firstChild.type.name}: ${md.serialize(doc)}`);
      assert.equal(nodes(back, "photo").length + nodes(back, "related").length + nodes(back, "embed").length + nodes(back, "rawInline").length, 0);
    }
  }
});

test("link addresses survive whatever they hold", () => {
  const link = (href) => schema.marks.link.create({ href });
  for (const href of [
    "https://example.com/a b", "https://ru.wikipedia.org/wiki/Москва_(город)", "/x)y", "https://e.com/?a=1&amp;b=2",
    "https://e.com/back\\slash", "mailto:desk@example.com", "javascript:alert(1)", "https://e.com/<x>", "",
  ]) {
    const doc = paragraph(schema.text("see "), schema.text("here", [link(href)]));
    const back = md.parse(md.serialize(doc));
    assert.deepEqual(hrefs(back), [href], md.serialize(doc));
  }
});

test("embed attributes survive quotes, backslashes and brackets", () => {
  const cases = [
    ["photo", { id: "5", caption: 'The "old" pier \\ at dawn' }],
    ["related", { id: "9223372036854775807" }],
    ["pullquote", { text: 'He said "no" [sic] [twice [really]]', cite: 'Jo "JB" Bloggs, mayor' }],
    ["pullquote", { text: "مرحبا [sic] بالعالم", cite: "آنا رويث" }],
    ["embed", { url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1*2_3", caption: 'The "big" match \\ [replay]' }],
    ["embed", { url: "https://x.com/some_user_/status/1", caption: null }],
  ];
  for (const [kind, attrs] of cases) {
    const doc = schema.node("doc", null, [schema.node(kind, attrs)]);
    const back = md.parse(md.serialize(doc));
    assert.equal(back.firstChild.type.name, kind, md.serialize(doc));
    for (const [key, value] of Object.entries(attrs)) assert.equal(back.firstChild.attrs[key], value);
  }
});

// The same cases as crates/core/src/body/embed.rs.
test("embed lines read as the renderer reads them", () => {
  assert.deepEqual(parseDirective("::related[123]"), { kind: "related", id: "123" });
  assert.deepEqual(parseDirective('  ::photo[45]{caption="A \\"big\\" day"}  '), { kind: "photo", id: "45", caption: 'A "big" day' });
  assert.deepEqual(parseDirective('::quote[He said [sic] no]{cite="Jo Bloggs, mayor"}'), { kind: "pullquote", text: "He said [sic] no", cite: "Jo Bloggs, mayor" });
  assert.deepEqual(parseDirective('::embed[https://youtu.be/dQw4w9WgXcQ]{caption="Goal [replay] \\"2-1\\""}'), { kind: "embed", url: "https://youtu.be/dQw4w9WgXcQ", caption: 'Goal [replay] "2-1"' });
  for (const line of ["::related[abc]", "::video[9]", "::photo[-4]", "::photo[0]", "::quote[ ]", "::related[9223372036854775808]", "::embed[http://youtu.be/dQw4w9WgXcQ]", "::embed[]"]) {
    assert.deepEqual(parseDirective(line), { kind: "unknown" }, line);
  }
  for (const line of ["::related[12", ":: related[1]", "::related[1] and more", '::photo[1]{caption="open}', "text ::related[1]", "::[1]", "::photo[1]{", "::photo[1]{x}"]) {
    assert.equal(parseDirective(line), null, line);
  }
});

test("embed lines are written so that they read back the same", () => {
  assert.equal(formatDirective("photo", { id: "5", caption: null }), "::photo[5]");
  assert.equal(formatDirective("photo", { id: "5", caption: 'a "b" \\ c' }), '::photo[5]{caption="a \\"b\\" \\\\ c"}');
  assert.equal(formatDirective("pullquote", { text: "two\nlines", cite: " " }), "::quote[two lines]");
});
