"""Checks of article pages: JSON-LD, Open Graph and Twitter tags, canonical, hreflang."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from common import HREFLANG_RE, RFC3339_OFFSET_RE, image_size, parse_dt


class PageChecks:
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
