// The editor's copy of the site's rules for `::embed[URL]` (src/social.js), run against the
// renderer's own cases (crates/core/tests/body/social-cases.json): the two must agree, or
// the editor would offer blocks the site refuses to save.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { formatDirective, parseDirective } from "../src/directives.js";
import { MAX_URL_LEN, recognise, refusal } from "../src/social.js";

const CASES = JSON.parse(readFileSync(new URL("../../../core/tests/body/social-cases.json", import.meta.url), "utf8"));

test("supported addresses are recognised and rebuilt from their checked parts, as the renderer does", () => {
  assert.ok(CASES.accepted.length > 20);
  for (const c of CASES.accepted) {
    const post = recognise(c.address);
    assert.ok(post, `${c.address} refused`);
    assert.equal(post.provider, c.provider, c.address);
    assert.equal(post.account, c.account, c.address);
    assert.equal(post.url, c.url, c.address);
    assert.equal(post.videoId ?? "", c.video_id, c.address);
    assert.equal(post.video, c.video_id !== "", c.address);
  }
});

test("anything else is refused, as the renderer refuses it", () => {
  assert.ok(CASES.refused.length > 30);
  for (const address of CASES.refused) assert.equal(recognise(address), null, `${address} accepted`);
  assert.equal(recognise(`https://vimeo.com/1?${"a".repeat(MAX_URL_LEN)}`), null, "a very long address");
  for (const odd of [null, undefined, 42, "__proto__", "https://toString/@a/1"]) assert.equal(recognise(odd), null, String(odd));
});

test("the embed line reads back as written, caption and all", () => {
  for (const { address } of CASES.accepted) {
    for (const caption of [null, 'He said "no" [sic] \\ twice', ']{caption="x"} ::embed[javascript:alert(1)]', "مرحبا [بالعالم]"]) {
      const line = formatDirective("embed", { url: address.trim(), caption });
      assert.deepEqual(parseDirective(line), { kind: "embed", url: address.trim(), caption }, line);
    }
  }
  for (const address of CASES.refused) {
    if (/[\]\n]/.test(address)) continue;
    assert.deepEqual(parseDirective(`::embed[${address}]`), { kind: "unknown" }, address);
  }
  assert.deepEqual(parseDirective('::EMBED[ https://vimeo.com/76979871 ]{caption=" x "}'), { kind: "embed", url: "https://vimeo.com/76979871", caption: "x" });
});

test("a refusal says what was refused and what is supported, in the server's words", () => {
  assert.equal(
    refusal("http://youtu.be/dQw4w9WgXcQ"),
    "This address is not a supported social post or video: http://youtu.be/dQw4w9WgXcQ. Embeds take https:// addresses of YouTube and Vimeo videos and of posts on X, Bluesky, Mastodon, Instagram, TikTok and Facebook.",
  );
  assert.match(refusal(""), /: \(no address\)\./);
  assert.ok(refusal(`https://example.com/${"a".repeat(5000)}`).length < 400);
});
