"""Checks of robots.txt, the sitemap index, the sitemaps it lists and the Google News
sitemaps."""

from __future__ import annotations

import re
import urllib.parse
from datetime import datetime, timedelta

from lxml import etree

from common import MAX_BYTES, MAX_URLS, NEWS_MAX_URLS, NS, XML_PARSER, Response, expected_news_language, parse_dt


class SitemapChecks:
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
        self.indexed = {urllib.parse.urlsplit(loc).path for loc in locs}
        for loc in locs:
            self.r.run(f"sitemap {urllib.parse.urlsplit(loc).path}", self.child_sitemap, loc)

    def child_sitemap(self, loc: str) -> None:
        doc = self.parse_xml(self.client.get(loc))
        urls = self.validate_urlset(loc, doc)
        is_articles = "-articles-" in loc
        # A News sitemap (or one of its files) lists articles, not listing pages.
        is_news = any(u.find("news:news", NS) is not None for u in urls)
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
            elif not is_news:
                self.listing_pages.append(page)

    def news_sitemap(self, edition: str, now: datetime) -> None:
        url = f"/{edition}/news-sitemap.xml"
        doc = self.parse_xml(self.client.get(url))
        docs = [(url, doc)]
        if doc.tag == f"{{{NS['sm']}}}sitemapindex":
            assert self.index_schema.validate(doc), f"news index invalid: {self.index_schema.error_log.last_error}"
            docs = [(loc.text, self.parse_xml(self.client.get(loc.text or ""))) for loc in doc.findall("sm:sitemap/sm:loc", NS)]
        # The sitemap index lists the News sitemap, or its files where it is an index itself
        # (indexes cannot nest); an empty one is no valid sitemap and stays out.
        indexed = getattr(self, "indexed", set())
        for part_url, part in docs:
            if part.findall("sm:url", NS):
                path = urllib.parse.urlsplit(part_url or "").path
                assert path in indexed, f"{path} is not listed in the sitemap index"
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
