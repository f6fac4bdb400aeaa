#!/usr/bin/env python3
"""Checks a running Newsdesk site against the news-industry standards it claims.

    python3 tests/standards/validate.py http://127.0.0.1:PORT

Fetches robots.txt, the sitemap index and every sitemap it lists, each edition's Google
News sitemap and feeds (RSS, Atom, JSON Feed; edition, section, tag and author), and
article pages (JSON-LD, Open Graph, Twitter, canonical, hreflang), and checks them:

- feeds parse in feedparser with bozo == 0, plus the RSS/Media RSS, Atom and JSON Feed
  rules of shared/STANDARDS.md section 6 (JSON Feed against the 1.1 JSON Schema);
- sitemaps validate against fixtures/sitemaps/sitemap.xsd (extension elements
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
import sys
import urllib.parse
from datetime import datetime, timezone

import feedparser

from common import JSONFEED_SCHEMA, SITEMAP_XSD, Client, Results, Vocabulary, index_schema, sitemap_schema
from feed_checks import FEEDPARSER_READS_JSON, FeedChecks
from page_checks import PageChecks
from sitemap_checks import SitemapChecks


class Validator(SitemapChecks, FeedChecks, PageChecks):
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="base URL of the running server, e.g. http://127.0.0.1:8080")
    ap.add_argument("--articles", type=int, default=8, help="article pages to check (default 8)")
    args = ap.parse_args()
    for path in (SITEMAP_XSD, JSONFEED_SCHEMA):
        if not path.exists():
            print(f"FAILED setup: {path} missing (it belongs in the repository's fixtures/ folder)")
            print("0 passed, 1 failed")
            return 1
    if not FEEDPARSER_READS_JSON:
        print(f"NOTE feedparser {feedparser.__version__} reads no JSON Feed: JSON Feeds are checked against the 1.1 schema only")
    return Validator(args.base).run(args.articles)


if __name__ == "__main__":
    sys.exit(main())
