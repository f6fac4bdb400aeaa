#!/usr/bin/env python3
"""Publishes a new article every INTERVAL seconds through the Admin API and measures, for each,
the time from the publish answer until the article is on the front page as an anonymous reader
sees it (the front page polled every POLL seconds, no cookies). Used by bench/publish-storm.sh.

Usage: publish_storm.py BASE TOKEN EDITION DURATION [INTERVAL=0.5] [POLL=0.02]
Prints one JSON object: publishes, seen, missed, time-to-front p50/p90/max in ms, publish
answer p50/max in ms, errors. An article not on the front within 10 s counts as missed.
"""

import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse

GIVE_UP = 10.0


def connection(base):
    u = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=15)


def main():
    base, token, edition, duration = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 0.5
    poll = float(sys.argv[6]) if len(sys.argv) > 6 else 0.02
    run = f"{int(time.time()) % 100000:05d}"
    pending = {}  # marker -> monotonic time of the publish answer
    seen = {}  # marker -> seconds from publish answer to first front page showing it
    published = []
    answer_ms = []
    errors = []
    lock = threading.Lock()
    stop = threading.Event()

    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    # Publishing needs a section and an author: the edition's first of each.
    conn = connection(base)
    conn.request("GET", f"/api/v1/admin/sections?edition={edition}", None, auth)
    section_id = json.loads(conn.getresponse().read())[0]["id"]
    conn.request("GET", "/api/v1/admin/authors", None, auth)
    author_id = json.loads(conn.getresponse().read())[0]["id"]
    conn.close()

    def publisher():
        conn = connection(base)
        start = time.monotonic()
        i = 0
        while time.monotonic() - start < duration:
            due = start + i * interval
            time.sleep(max(0.0, due - time.monotonic()))
            marker = f"Stormbulletin{run}x{i}z"
            body = json.dumps({
                "edition": edition,
                "headline": f"{marker} harbour update",
                "lead": "The council gave an update on the harbour works.",
                "body": "Work on the harbour continued through the day.",
                "section_id": section_id,
                "author_ids": [author_id],
            })
            t0 = time.monotonic()
            try:
                conn.request("POST", "/api/v1/admin/articles", body, auth)
                r = conn.getresponse()
                created = r.read()
                if r.status != 201 and r.status != 200:
                    errors.append(f"create {r.status} {created[:200]!r}")
                    i += 1
                    continue
                article = json.loads(created)
                conn.request("POST", f"/api/v1/admin/articles/{article['id']}/publish", None, auth)
                r = conn.getresponse()
                answer = r.read()
                done = time.monotonic()
                if r.status != 200:
                    errors.append(f"publish {r.status} {answer[:200]!r}")
                else:
                    with lock:
                        pending[marker] = done
                        published.append(marker)
                    answer_ms.append((done - t0) * 1000)
            except (OSError, http.client.HTTPException, ValueError, KeyError) as e:
                errors.append(f"publisher: {e!r}")
                conn.close()
                conn = connection(base)
            i += 1
        # Let the poller see the last ones (or give up on them).
        end = time.monotonic() + GIVE_UP
        while time.monotonic() < end:
            with lock:
                if not pending:
                    break
            time.sleep(0.05)
        stop.set()

    def poller():
        conn = connection(base)
        while not stop.is_set():
            t = time.monotonic()
            try:
                conn.request("GET", f"/{edition}")
                r = conn.getresponse()
                page = r.read().decode("utf-8", "replace")
            except (OSError, http.client.HTTPException) as e:
                errors.append(f"poller: {e!r}")
                conn.close()
                conn = connection(base)
                continue
            now = time.monotonic()
            with lock:
                for marker, at in list(pending.items()):
                    if marker in page:
                        seen[marker] = max(0.0, now - at)
                        del pending[marker]
                    elif now - at > GIVE_UP:
                        del pending[marker]
            time.sleep(max(0.0, t + poll - time.monotonic()))

    threads = [threading.Thread(target=publisher), threading.Thread(target=poller)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    ttf = sorted(v * 1000 for v in seen.values())

    def pct(xs, p):
        return round(xs[min(len(xs) - 1, int(p / 100 * len(xs)))], 1) if xs else None

    print(json.dumps({
        "publishes": len(published),
        "seen_on_front": len(seen),
        "missed": len(published) - len(seen),
        "over_1s": sum(1 for v in ttf if v > 1000),
        "time_to_front_ms": {"p50": pct(ttf, 50), "p90": pct(ttf, 90), "max": round(ttf[-1], 1) if ttf else None},
        "publish_answer_ms": {
            "p50": round(statistics.median(answer_ms), 1) if answer_ms else None,
            "max": round(max(answer_ms), 1) if answer_ms else None,
        },
        "errors": errors[:5],
        "error_count": len(errors),
    }))


if __name__ == "__main__":
    main()
