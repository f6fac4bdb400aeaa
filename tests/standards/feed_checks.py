"""Checks of RSS 2.0 (with Media RSS), Atom and JSON Feed documents."""

from __future__ import annotations

import email.utils
import json
import urllib.request

import feedparser
import jsonschema
from lxml import etree

from common import JSONFEED_SCHEMA, NS, RFC3339_OFFSET_RE, XML_PARSER, image_size, parse_dt

try:  # JSON Feed support arrived after feedparser 6.0; released 6.0.x reads XML only.
    import feedparser.parsers.json  # noqa: F401

    FEEDPARSER_READS_JSON = True
except ImportError:
    FEEDPARSER_READS_JSON = False


class FeedChecks:
    def feed_rss(self, path: str) -> None:
        resp = self.client.get(path)
        assert resp.status == 200, f"status {resp.status}"
        assert resp.content_type.startswith("application/rss+xml"), f"Content-Type {resp.content_type!r}"
        parsed = feedparser.parse(resp.body)
        assert parsed.bozo == 0, f"feedparser bozo: {parsed.get('bozo_exception')}"
        doc = etree.fromstring(resp.body, XML_PARSER)
        assert doc.tag == "rss" and doc.get("version") == "2.0", "not RSS 2.0"
        channel = doc.find("channel")
        for child in ("title", "link", "description"):
            assert (channel.findtext(child) or "").strip(), f"channel has no {child}"
        selfs = [l for l in channel.findall("atom:link", NS) if l.get("rel") == "self"]
        assert selfs and self.client.local(selfs[0].get("href", "")) == resp.url, "atom:link rel=self missing or not the served URL"
        for item in channel.findall("item"):
            assert item.findtext("title") or item.findtext("description"), "item without title and description"
            guid = item.find("guid")
            assert guid is not None, "item without guid"
            if not (guid.text or "").startswith(("http://", "https://")):
                assert guid.get("isPermaLink") == "false", "non-URL guid without isPermaLink=false"
            email.utils.parsedate_to_datetime(item.findtext("pubDate") or "")
            for mc in item.findall("media:content", NS):
                for attr in ("url", "medium", "width", "height"):
                    assert mc.get(attr), f"media:content without {attr}"
                img = self.client.get(mc.get("url"))
                assert img.status == 200, f"media:content {mc.get('url')} status {img.status}"
                w, h = image_size(img.body)
                assert (str(w), str(h)) == (mc.get("width"), mc.get("height")), f"media:content says {mc.get('width')}x{mc.get('height')}, image is {w}x{h}"
                assert mc.find("media:credit", NS) is not None and mc.findtext("media:credit", namespaces=NS), "media:content without media:credit"
            for enc in item.findall("enclosure"):
                assert enc.get("url") and enc.get("length") and enc.get("type"), "enclosure without url/length/type"

    def feed_atom(self, path: str) -> None:
        resp = self.client.get(path)
        assert resp.status == 200, f"status {resp.status}"
        assert resp.content_type.startswith("application/atom+xml"), f"Content-Type {resp.content_type!r}"
        parsed = feedparser.parse(resp.body)
        assert parsed.bozo == 0, f"feedparser bozo: {parsed.get('bozo_exception')}"
        doc = etree.fromstring(resp.body, XML_PARSER)
        a = lambda e, n: e.findall(f"atom:{n}", NS)  # noqa: E731
        assert len(a(doc, "id")) == 1 and len(a(doc, "title")) == 1 and len(a(doc, "updated")) == 1, "feed needs one id, title, updated"
        updated = parse_dt(doc.findtext("atom:updated", namespaces=NS) or "")
        selfs = [l.get("href") for l in a(doc, "link") if l.get("rel") == "self"]
        assert selfs and self.client.local(selfs[0]) == resp.url, "rel=self missing or not the served URL"
        feed_has_author = bool(a(doc, "author"))
        ids = set()
        for entry in a(doc, "entry"):
            assert len(a(entry, "id")) == 1 and len(a(entry, "title")) == 1 and len(a(entry, "updated")) == 1, "entry needs one id, title, updated"
            eid = entry.findtext("atom:id", namespaces=NS)
            assert eid not in ids, f"duplicate entry id {eid}"
            ids.add(eid)
            eu = entry.findtext("atom:updated", namespaces=NS) or ""
            assert RFC3339_OFFSET_RE.match(eu), f"entry updated {eu!r} not RFC 3339"
            assert parse_dt(eu) <= updated, "entry updated after feed updated"
            assert feed_has_author or a(entry, "author"), "entry without author"
        again = etree.fromstring(self.client_fresh(path), XML_PARSER)
        assert [e.text for e in again.findall("atom:entry/atom:id", NS)] == [e.text for e in doc.findall("atom:entry/atom:id", NS)], "ids change between fetches"

    def client_fresh(self, path: str) -> bytes:
        req = urllib.request.Request(self.client.local(path), headers={"Accept-Encoding": "identity"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.read()

    def feed_json(self, path: str) -> None:
        resp = self.client.get(path)
        assert resp.status == 200, f"status {resp.status}"
        assert resp.content_type.startswith("application/feed+json"), f"Content-Type {resp.content_type!r}"
        if FEEDPARSER_READS_JSON:
            parsed = feedparser.parse(resp.body, response_headers={"content-type": resp.content_type})
            assert parsed.bozo == 0, f"feedparser bozo: {parsed.get('bozo_exception')}"
        feed = json.loads(resp.body)
        schema = json.loads(JSONFEED_SCHEMA.read_text())
        jsonschema.validate(feed, schema, cls=jsonschema.validators.validator_for(schema))
        assert feed["version"] == "https://jsonfeed.org/version/1.1", f"version {feed['version']}"
        assert self.client.local(feed.get("feed_url", "")) == resp.url, "feed_url is not the served URL"
        ids = [i["id"] for i in feed["items"]]
        assert all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids), "item ids not unique strings"
        for item in feed["items"]:
            assert item.get("content_html") or item.get("content_text"), f"item {item['id']} without content"

    # article pages -----------------------------------------------------------
