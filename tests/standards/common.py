"""Shared parts of the standards validator: results, the HTTP client, image sizes,
schemas and the schema.org vocabulary."""

from __future__ import annotations

import csv
import pathlib
import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime

from lxml import etree

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = REPO / "fixtures"
SITEMAP_XSD = FIXTURES / "sitemaps" / "sitemap.xsd"
JSONFEED_SCHEMA = FIXTURES / "feeds" / "jsonfeed" / "schema-v1.1.json"
SCHEMAORG = FIXTURES / "schemaorg"

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
    """schema.org 30.0 from the CSVs in fixtures/schemaorg: which types a property may sit on, and each
    type's supertypes, to check that every property used is allowed where it is used."""

    def __init__(self) -> None:
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


def expected_news_language(edition: str) -> str:
    parts = edition.lower().split("-")
    if parts[0] != "zh":
        return parts[0]
    return "zh-tw" if any(p in ("hant", "tw", "hk", "mo") for p in parts[1:]) else "zh-cn"
