#!/usr/bin/env python3
"""Page lists and one-connection timing for the bench scripts (bench/one-miss.sh,
bench/crawl-rss.sh). Standard library only; talks to 127.0.0.1 only.

  pages.py discover BASE ARTICLES_FILE SAMPLE      -> "kind path" lines on stdout: SAMPLE
      articles from ARTICLES_FILE (one path a line), every edition's section, tag and author
      pages found by following links, and deep section pages (?page=N up to the last)
  pages.py listpages BASE                          -> every section ?page=N path (2..last)
  pages.py fetch BASE LIST [KIND...]               -> one connection, each path of LIST (of
      the given kinds) fetched once, in order; "kind ms status" lines on stdout
  pages.py summary SAMPLES                         -> per kind: count, p50, p90, max (ms)
"""

import http.client
import random
import re
import statistics
import sys
import time
import urllib.parse

EDITIONS = ["en", "ru", "ar"]


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def get(self, path):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise RuntimeError("unreachable")


def links(html, pattern):
    return sorted(set(re.findall(pattern, html.decode("utf-8", "replace"))))


def last_page(client, path):
    """The last ?page=N of a list that answers 200 (N <= 500, the router's bound)."""
    lo, hi = 1, 500
    while lo < hi:
        mid = (lo + hi + 1) // 2
        status, _ = client.get(f"{path}?page={mid}")
        if status == 200:
            lo = mid
        else:
            hi = mid - 1
    return lo


def sections(client):
    out = []
    for e in EDITIONS:
        status, html = client.get(f"/{e}")
        if status == 200:
            out += links(html, rf'href="(/{e}/section/[^"/?#]+)"')
    return sorted(set(out))


def discover(base, articles_file, sample):
    client = Client(base)
    rng = random.Random(13)
    articles = [line.strip() for line in open(articles_file) if line.strip()]
    rng.shuffle(articles)
    # Tag and author pages are found on a few articles, which then leave the sample.
    probe, articles = articles[:30], articles[30:]
    tags, authors = set(), set()
    for path in probe:
        _, html = client.get(path)
        tags.update(links(html, r'href="(/[a-z]{2}/tag/[^"/?#]+)"'))
        authors.update(links(html, r'href="(/[a-z]{2}/author/[^"/?#]+)"'))
    secs = sections(client)
    for path in articles[:sample]:
        print("article", path)
    for path in secs:
        print("section", path)
    deep = []
    for path in secs:
        last = last_page(client, path)
        if last >= 2:
            deep += [f"{path}?page={n}" for n in rng.sample(range(2, last + 1), min(3, last - 1))]
    for path in deep:
        print("section-deep", path)
    for path in sorted(tags)[:60]:
        print("tag", path)
    for path in sorted(authors):
        print("author", path)


def listpages(base):
    client = Client(base)
    for path in sections(client):
        for n in range(2, last_page(client, path) + 1):
            print(f"{path}?page={n}")


def fetch(base, list_file, kinds):
    client = Client(base)
    for line in open(list_file):
        kind, _, path = line.strip().partition(" ")
        if not path or (kinds and kind not in kinds):
            continue
        t = time.perf_counter()
        status, _ = client.get(path)
        ms = (time.perf_counter() - t) * 1000
        print(f"{kind} {ms:.3f} {status}", flush=True)


def summary(samples_file):
    by = {}
    bad = {}
    for line in open(samples_file):
        kind, ms, status = line.split()
        by.setdefault(kind, []).append(float(ms))
        if status != "200":
            bad[kind] = bad.get(kind, 0) + 1
    print(f"{'page':<13} {'n':>5} {'p50_ms':>8} {'p90_ms':>8} {'max_ms':>8}")
    for kind, xs in by.items():
        xs.sort()
        p90 = xs[min(len(xs) - 1, int(0.9 * len(xs)))]
        note = f"  ({bad[kind]} not 200)" if kind in bad else ""
        print(f"{kind:<13} {len(xs):>5} {statistics.median(xs):>8.2f} {p90:>8.2f} {xs[-1]:>8.2f}{note}")


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "discover":
        discover(args[0], args[1], int(args[2]))
    elif cmd == "listpages":
        listpages(args[0])
    elif cmd == "fetch":
        fetch(args[0], args[1], set(args[2:]))
    elif cmd == "summary":
        summary(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
