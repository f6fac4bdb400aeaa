#!/usr/bin/env python3
"""Checks a running Newsdesk site against the news-industry standards it claims.

    python3 tests/standards/validate.py http://127.0.0.1:PORT

Fetches robots.txt, the sitemap index and every sitemap it lists, each edition's Google
News sitemap and feeds (RSS, Atom, JSON Feed; edition, section, tag and author), and
article pages (JSON-LD, Open Graph, Twitter, canonical, hreflang), and checks them:

- feeds parse in feedparser with bozo == 0, plus the RSS/Media RSS, Atom and JSON Feed
  rules of shared/STANDARDS.md section 6 (JSON Feed against the 1.1 JSON Schema);
- sitemaps validate against shared/samples/sitemaps/sitemap.xsd (extension elements
  against the local schemas in schemas/), with the protocol's and Google News' limits;
- NewsArticle and BreadcrumbList as in section 4, images fetched and measured;
- hreflang clusters reciprocal, self-including, one x-default, the same in HTML and in
  the sitemap.

Only the given server is contacted (schemas are local files). Prints one line per check
and a closing "N passed, N failed" line; exits 1 when any check failed.

Requirements: tests/standards/requirements.txt (feedparser, lxml, jsonschema).
"""

from __future__ import annotations

import argparse
import email.utils
import json
import pathlib
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

import feedparser
import jsonschema
from lxml import etree, html as lxml_html

try:  # JSON Feed support arrived after feedparser 6.0; released 6.0.x reads XML only.
    import feedparser.parsers.json  # noqa: F401

    FEEDPARSER_READS_JSON = True
except ImportError:
    FEEDPARSER_READS_JSON = False

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = (REPO / ".." / "shared" / "samples").resolve()
SITEMAP_XSD = SHARED / "sitemaps" / "sitemap.xsd"
JSONFEED_SCHEMA = SHARED / "feeds" / "jsonfeed" / "schema-v1.1.json"
SCHEMAORG = SHARED / "schemaorg"

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MAX_URLS = 50_000
MAX_BYTES = 52_428_800
NEWS_MAX_URLS = 1_000
HREFLANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-[0-9]{3})?$|^x-default$")
# RFC 3339 date-time with an explicit numeric offset (Google: "with time zone").
RFC3339_OFFSET_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


# --------------------------------------------------------------------------- results


class Results:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"PASSED {name}")
        else:
            self.failed += 1
            print(f"FAILED {name}" + (f": {detail}" if detail else ""))
        return ok

    def skip(self, name: str, why: str) -> None:
        self.skipped += 1
        print(f"SKIPPED {name}: {why}")

    def run(self, name: str, fn, *args) -> None:
        """Runs a check function that raises AssertionError (or anything) on failure."""
        try:
            fn(*args)
        except AssertionError as e:
            self.check(name, False, str(e) or "assertion failed")
        except Exception as e:  # noqa: BLE001 - a crash in one check must not stop the rest
            self.check(name, False, f"{type(e).__name__}: {e}")
        else:
            self.check(name, True)


# --------------------------------------------------------------------------- fetching


class Response:
    def __init__(self, url: str, status: int, headers, body: bytes) -> None:
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "") if self.headers else ""

    def text(self) -> str:
        return self.body.decode("utf-8")


class Client:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.host = urllib.parse.urlsplit(self.base).netloc
        self.cache: dict[str, Response] = {}

    def local(self, url: str) -> str:
        """Absolute URLs of the site's public base are fetched from the server under test
        (the configured base URL may name another host than the one we reach)."""
        parts = urllib.parse.urlsplit(url)
        if not parts.scheme:
            return self.base + url
        return self.base + urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))

    def get(self, url: str) -> Response:
        target = self.local(url)
        if target in self.cache:
            return self.cache[target]
        req = urllib.request.Request(target, headers={"User-Agent": "newsdesk-standards/1", "Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                resp = Response(target, r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            resp = Response(target, e.code, e.headers, e.read() if e.fp else b"")
        self.cache[target] = resp
        return resp


# --------------------------------------------------------------------------- helpers


def parse_dt(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a JPEG, PNG or WebP, read from its header."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        chunk = data[12:16]
        if chunk == b"VP8X":
            return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
        if chunk == b"VP8L":
            b = int.from_bytes(data[21:25], "little")
            return 1 + (b & 0x3FFF), 1 + ((b >> 14) & 0x3FFF)
        if chunk == b"VP8 ":
            return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = int.from_bytes(data[i + 2 : i + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h = int.from_bytes(data[i + 5 : i + 7], "big")
                w = int.from_bytes(data[i + 7 : i + 9], "big")
                return w, h
            i += 2 + length
    raise ValueError("not a JPEG, PNG or WebP image")


def sitemap_schema() -> etree.XMLSchema:
    imports = {
        NS["sm"]: SITEMAP_XSD,
        NS["news"]: HERE / "schemas" / "sitemap-news.xsd",
        NS["xhtml"]: HERE / "schemas" / "xhtml-link.xsd",
    }
    body = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{path.resolve().as_uri()}"/>' for ns, path in imports.items())
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{body}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def index_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(HERE / "schemas" / "siteindex.xsd")))


class Vocabulary:
    """schema.org 30.0 from the shared CSVs: which types a property may sit on, and each
    type's supertypes, to check that every property used is allowed where it is used."""

    def __init__(self) -> None:
        import csv

        def label(iri: str) -> str:
            return iri.strip().rsplit("/", 1)[-1]

        csv.field_size_limit(10_000_000)
        with open(SCHEMAORG / "schemaorg-current-https-properties.csv", newline="", encoding="utf-8") as f:
            self.domains = {row["label"]: {label(d) for d in row["domainIncludes"].split(",") if d.strip()} for row in csv.DictReader(f)}
        with open(SCHEMAORG / "schemaorg-current-https-types.csv", newline="", encoding="utf-8") as f:
            self.parents = {row["label"]: {label(d) for d in row["subTypeOf"].split(",") if d.strip()} for row in csv.DictReader(f)}

    def ancestors(self, t: str) -> set[str]:
        seen, todo = set(), [t]
        while todo:
            cur = todo.pop()
            if cur not in seen:
                seen.add(cur)
                todo.extend(self.parents.get(cur, ()))
        return seen

    def problems(self, node, path: str = "$") -> list[str]:
        """Unknown properties and properties outside their domain, recursively."""
        out: list[str] = []
        if isinstance(node, list):
            for i, item in enumerate(node):
                out += self.problems(item, f"{path}[{i}]")
            return out
        if not isinstance(node, dict):
            return out
        t = node.get("@type")
        types = self.ancestors(t) if isinstance(t, str) else set()
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if key not in self.domains:
                out.append(f"{path}.{key}: not a schema.org property")
            elif types and not (self.domains[key] & types):
                out.append(f"{path}.{key}: not allowed on {t}")
            out += self.problems(value, f"{path}.{key}")
        return out


# --------------------------------------------------------------------------- the checks


class Validator:
    def __init__(self, base: str) -> None:
        self.client = Client(base)
        self.r = Results()
        self.urlset_schema = sitemap_schema()
        self.index_schema = index_schema()
        self.editions: list[str] = []
        # article URL -> lastmod text, and URL -> {hreflang: href}, from the article sitemaps
        self.lastmods: dict[str, str] = {}
        self.sitemap_alternates: dict[str, dict[str, str]] = {}
        self.listing_pages: list[str] = []
        self.vocabulary = Vocabulary()

    # robots.txt --------------------------------------------------------------
    def robots(self) -> None:
        resp = self.client.get("/robots.txt")
        assert resp.status == 200, f"status {resp.status}"
        text = resp.text()
        assert re.search(r"(?mi)^Disallow:\s*/admin\b", text), "no Disallow: /admin"
        assert re.search(r"(?mi)^Disallow:\s*/api\b", text), "no Disallow: /api"
        sitemaps = re.findall(r"(?mi)^Sitemap:\s*(\S+)", text)
        assert any(s.endswith("/sitemap.xml") for s in sitemaps), "no Sitemap: …/sitemap.xml line"
        for s in sitemaps:
            assert urllib.parse.urlsplit(s).scheme in ("http", "https"), f"Sitemap URL not absolute: {s}"
            m = re.search(r"/([^/]+)/news-sitemap\.xml$", s)
            if m:
                self.editions.append(m.group(1))
        assert self.editions, "no News sitemap announced"

    # sitemaps ----------------------------------------------------------------
    def parse_xml(self, resp: Response) -> etree._Element:
        assert resp.status == 200, f"{resp.url}: status {resp.status}"
        assert "xml" in resp.content_type, f"{resp.url}: Content-Type {resp.content_type!r}"
        assert len(resp.body) <= MAX_BYTES, f"{resp.url}: {len(resp.body)} bytes"
        return etree.fromstring(resp.body, XML_PARSER)

    def validate_urlset(self, url: str, doc: etree._Element) -> list[etree._Element]:
        ok = self.urlset_schema.validate(doc)
        assert ok, f"{url}: not valid against sitemap.xsd: {self.urlset_schema.error_log.last_error}"
        urls = doc.findall("sm:url", NS)
        assert len(urls) <= MAX_URLS, f"{url}: {len(urls)} <url> elements"
        for u in urls:
            loc = u.findtext("sm:loc", namespaces=NS) or ""
            assert urllib.parse.urlsplit(loc).scheme in ("http", "https"), f"relative loc {loc!r}"
            assert len(loc) < 2048, f"loc too long: {loc[:80]}…"
        return urls

    def sitemap_index(self) -> None:
        resp = self.client.get("/sitemap.xml")
        doc = self.parse_xml(resp)
        assert doc.tag == f"{{{NS['sm']}}}sitemapindex", f"root is {doc.tag}"
        assert self.index_schema.validate(doc), f"index invalid: {self.index_schema.error_log.last_error}"
        locs = [e.text or "" for e in doc.findall("sm:sitemap/sm:loc", NS)]
        assert 0 < len(locs) <= MAX_URLS, f"{len(locs)} sitemaps listed"
        for loc in locs:
            self.r.run(f"sitemap {urllib.parse.urlsplit(loc).path}", self.child_sitemap, loc)

    def child_sitemap(self, loc: str) -> None:
        doc = self.parse_xml(self.client.get(loc))
        urls = self.validate_urlset(loc, doc)
        is_articles = "-articles-" in loc
        for u in urls:
            page = u.findtext("sm:loc", namespaces=NS) or ""
            lastmod = u.findtext("sm:lastmod", namespaces=NS)
            if lastmod is not None:
                parse_dt(lastmod)
            if is_articles:
                assert lastmod, f"article {page} has no lastmod"
                self.lastmods[page] = lastmod
                alts = {a.get("hreflang"): a.get("href") for a in u.findall("xhtml:link", NS)}
                if alts:
                    self.sitemap_alternates[page] = alts
            else:
                self.listing_pages.append(page)

    def news_sitemap(self, edition: str, now: datetime) -> None:
        url = f"/{edition}/news-sitemap.xml"
        doc = self.parse_xml(self.client.get(url))
        docs = [(url, doc)]
        if doc.tag == f"{{{NS['sm']}}}sitemapindex":
            assert self.index_schema.validate(doc), f"news index invalid: {self.index_schema.error_log.last_error}"
            docs = [(loc.text, self.parse_xml(self.client.get(loc.text or ""))) for loc in doc.findall("sm:sitemap/sm:loc", NS)]
        names = set()
        for part_url, part in docs:
            urls = part.findall("sm:url", NS)
            if not urls:
                # An edition with nothing from the last two days: an empty urlset is what Google
                # expects (same URL, nothing in it), though the 0.9 XSD wants one <url>.
                continue
            self.validate_urlset(part_url, part)
            assert len(urls) <= NEWS_MAX_URLS, f"{part_url}: {len(urls)} urls"
            for u in urls:
                n = u.find("news:news", NS)
                assert n is not None, "url without news:news"
                name = n.findtext("news:publication/news:name", namespaces=NS)
                lang = n.findtext("news:publication/news:language", namespaces=NS)
                date = n.findtext("news:publication_date", namespaces=NS)
                title = n.findtext("news:title", namespaces=NS)
                assert name and lang and date and title, "a required news child is missing"
                names.add(name)
                assert lang == expected_news_language(edition), f"news:language {lang} for edition {edition}"
                published = parse_dt(date)
                assert now - timedelta(hours=48, minutes=5) <= published <= now + timedelta(minutes=5), f"publication_date {date} outside the last 48 h"
        assert len(names) <= 1, f"news:name varies: {names}"

    # feeds -------------------------------------------------------------------
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
    def article_page(self, url: str) -> None:
        resp = self.client.get(url)
        assert resp.status == 200, f"status {resp.status}"
        tree = lxml_html.fromstring(resp.body)
        head = tree.find("head")
        canonical = [l.get("href") for l in head.findall("link") if l.get("rel") == "canonical"]
        assert len(canonical) == 1, f"{len(canonical)} canonical links"
        assert self.client.local(canonical[0]) == self.client.local(url), f"canonical {canonical[0]} != {url}"
        blocks = [json.loads(s.text_content()) for s in tree.xpath('//script[@type="application/ld+json"]')]
        for b in blocks:
            bad = self.vocabulary.problems(b)
            assert not bad, f"JSON-LD outside the schema.org vocabulary: {bad[:5]}"
        articles = [b for b in blocks if b.get("@type") == "NewsArticle"]
        assert len(articles) == 1, f"{len(articles)} NewsArticle blocks"
        self.news_article(articles[0], url)
        crumbs = [b for b in blocks if b.get("@type") == "BreadcrumbList"]
        assert len(crumbs) == 1, f"{len(crumbs)} BreadcrumbList blocks"
        items = crumbs[0]["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1)), "positions not 1..n"
        for i in items[:-1]:
            assert i.get("item") and i.get("name"), "crumb without item or name"
        meta = {}
        for m in head.findall("meta"):
            key = m.get("property") or m.get("name")
            if key:
                meta.setdefault(key, []).append(m.get("content") or "")
        for key in ("og:type", "og:title", "og:description", "og:url", "og:site_name", "og:locale", "article:published_time", "article:modified_time", "twitter:card", "twitter:title"):
            assert meta.get(key), f"no {key}"
        assert meta["og:type"] == ["article"], f"og:type {meta['og:type']}"
        if "image" in articles[0]:
            for key in ("og:image", "og:image:width", "og:image:height", "twitter:image"):
                assert meta.get(key), f"no {key}"
            img = self.client.get(meta["og:image"][0])
            w, h = image_size(img.body)
            assert (str(w), str(h)) == (meta["og:image:width"][0], meta["og:image:height"][0]), "og:image size differs from the image"
        assert parse_dt(meta["article:modified_time"][0]) == parse_dt(articles[0]["dateModified"]), "article:modified_time != dateModified"
        if articles[0].get("keywords"):
            assert meta.get("article:tag"), "tags in JSON-LD but no article:tag"
        self.hreflang(url, head)

    def news_article(self, doc: dict, url: str) -> None:
        assert (doc.get("headline") or "").strip(), "empty headline"
        if len(doc["headline"]) > 110:
            print(f"WARNING headline over 110 characters: {url}")
        for key in ("datePublished", "dateModified"):
            assert RFC3339_OFFSET_RE.match(doc.get(key, "")), f"{key} {doc.get(key)!r} not RFC 3339 with offset"
        assert parse_dt(doc["dateModified"]) >= parse_dt(doc["datePublished"]), "dateModified before datePublished"
        lastmod = self.lastmods.get(url)
        if lastmod:
            assert parse_dt(lastmod) == parse_dt(doc["dateModified"]), f"sitemap lastmod {lastmod} != dateModified {doc['dateModified']}"
        main = doc.get("mainEntityOfPage")
        main_id = main.get("@id") if isinstance(main, dict) else main
        assert main_id and self.client.local(main_id) == self.client.local(url), "mainEntityOfPage is not the page"
        assert doc.get("inLanguage"), "no inLanguage"
        authors = doc.get("author") or []
        authors = authors if isinstance(authors, list) else [authors]
        assert authors, "no author"
        for a in authors:
            assert a.get("@type") in ("Person", "Organization"), f"author type {a.get('@type')}"
            name = a.get("name") or ""
            assert name and not name.lower().startswith("by "), f"author name {name!r}"
            assert a.get("url") and self.client.get(a["url"]).status == 200, f"author url {a.get('url')} not 200"
        pub = doc.get("publisher") or {}
        assert pub.get("@type") == "Organization" and pub.get("name"), "publisher is not a named Organization"
        logo = pub.get("logo")
        logo_url = logo.get("url") if isinstance(logo, dict) else logo
        lr = self.client.get(logo_url or "")
        assert lr.status == 200 and lr.content_type.startswith("image/"), f"logo {logo_url} not an image"
        lw, lh = image_size(lr.body)
        assert lw >= 112 and lh >= 112, f"logo {lw}x{lh} under 112x112"
        images = doc.get("image")
        if images is None:
            return
        urls = [i if isinstance(i, str) else i.get("url") for i in (images if isinstance(images, list) else [images])]
        assert len(urls) == 3, f"{len(urls)} images, want 16x9, 4x3, 1x1"
        for (aw, ah), img_url in zip(((16, 9), (4, 3), (1, 1)), urls):
            ir = self.client.get(img_url)
            assert ir.status == 200, f"image {img_url} status {ir.status}"
            w, h = image_size(ir.body)
            want, got = aw / ah, w / h
            assert abs(got - want) / want <= 0.01, f"{img_url} is {w}x{h}, not {aw}:{ah}"
            assert w * h >= 50_000, f"{img_url} has {w * h} pixels"
            if (aw, ah) == (16, 9):
                assert w >= 1200, f"16:9 image only {w} px wide"

    def hreflang(self, url: str, head) -> None:
        alts = self.page_alternates(head)
        if not alts:
            return
        for code in alts:
            assert HREFLANG_RE.match(code), f"bad hreflang code {code!r}"
        assert self.client.local(url) in {self.client.local(h) for c, h in alts.items() if c != "x-default"}, "page does not list itself"
        assert "x-default" in alts, "no x-default"
        for code, href in alts.items():
            if code == "x-default":
                continue
            other = self.client.get(href)
            assert other.status == 200, f"alternate {href} status {other.status}"
            back = self.page_alternates(lxml_html.fromstring(other.body).find("head"))
            assert back == alts, f"{href} lists {back}, {url} lists {alts}: not reciprocal"
        in_sitemap = self.sitemap_alternates.get(url)
        if in_sitemap is not None:
            norm = lambda d: {k: self.client.local(v) for k, v in d.items()}  # noqa: E731
            assert norm(in_sitemap) == norm(alts), f"sitemap alternates {in_sitemap} != HTML {alts}"

    @staticmethod
    def page_alternates(head) -> dict[str, str]:
        out: dict[str, str] = {}
        for l in head.findall("link"):
            if l.get("rel") == "alternate" and l.get("hreflang"):
                assert l.get("hreflang") not in out, f"hreflang {l.get('hreflang')} twice"
                out[l.get("hreflang")] = l.get("href")
        return out

    # ------------------------------------------------------------------------
    def run(self, max_articles: int) -> int:
        now = datetime.now(timezone.utc)
        self.r.run("robots.txt", self.robots)
        self.r.run("sitemap index", self.sitemap_index)
        for e in self.editions:
            self.r.run(f"news sitemap {e}", self.news_sitemap, e, now)
        feed_bases = [f"/{e}" for e in self.editions]
        # One section, tag and author page per edition, from the listing sitemap.
        for e in self.editions:
            for kind in ("section", "tag", "author"):
                page = next((p for p in self.listing_pages if urllib.parse.urlsplit(p).path.startswith(f"/{e}/{kind}/")), None)
                if page:
                    feed_bases.append(urllib.parse.urlsplit(page).path)
        for base in feed_bases:
            self.r.run(f"RSS {base}/feed.rss", self.feed_rss, f"{base}/feed.rss")
            self.r.run(f"Atom {base}/feed.atom", self.feed_atom, f"{base}/feed.atom")
            self.r.run(f"JSON Feed {base}/feed.json", self.feed_json, f"{base}/feed.json")
        # Article pages: translated ones first (they carry hreflang), then the newest.
        chosen = list(self.sitemap_alternates)[: max_articles // 2]
        for e in self.editions:
            chosen += [u for u in self.lastmods if urllib.parse.urlsplit(u).path.startswith(f"/{e}/")][:2]
        chosen = list(dict.fromkeys(chosen))[:max_articles]
        if not chosen:
            self.r.check("article pages", False, "no article URL in any sitemap")
        for url in chosen:
            self.r.run(f"article {urllib.parse.urlsplit(url).path}", self.article_page, url)
        summary = f"{self.r.passed} passed, {self.r.failed} failed"
        if self.r.skipped:
            summary += f", {self.r.skipped} skipped"
        print(summary)
        return 1 if self.r.failed else 0


def expected_news_language(edition: str) -> str:
    parts = edition.lower().split("-")
    if parts[0] != "zh":
        return parts[0]
    return "zh-tw" if any(p in ("hant", "tw", "hk", "mo") for p in parts[1:]) else "zh-cn"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="base URL of the running server, e.g. http://127.0.0.1:8080")
    ap.add_argument("--articles", type=int, default=8, help="article pages to check (default 8)")
    args = ap.parse_args()
    for path in (SITEMAP_XSD, JSONFEED_SCHEMA):
        if not path.exists():
            print(f"FAILED setup: {path} missing (shared/samples is expected beside the repository)")
            print("0 passed, 1 failed")
            return 1
    if not FEEDPARSER_READS_JSON:
        print(f"NOTE feedparser {feedparser.__version__} reads no JSON Feed: JSON Feeds are checked against the 1.1 schema only")
    return Validator(args.base).run(args.articles)


if __name__ == "__main__":
    sys.exit(main())
