#!/usr/bin/env python3
"""Helpers of bench/comments.sh (standard library only). Subcommands:

  seed DB ARTICLE COUNT
      Writes COUNT visible comments under ARTICLE straight into the SQLite store (before the
      server starts): authors the English demo readers, created_at spread over the three days
      before now in the store's own timestamp format (copied from a demo comment), about a
      third of them replies to earlier top-level ones, likes on some. Prints a JSON summary.
  accounts DB N
      Adds N confirmed English readers bench1.en@example.com ... with the password hash of
      reader1.en@example.com (so the password is "demo reader password"), created 30 days ago.
  login BASE N OUT
      Logs those N readers in over HTTP as the login form does (GET the form for its nd_csrf
      cookie and hidden csrf field, POST email/password/csrf), each from its own client
      address (X-Forwarded-For 10.77.x.y), then asks GET /api/v1/reader for the session's CSRF
      token. Writes [{account, cookie, csrf, xff}, ...] to OUT as JSON.
  post BASE ARTICLE SESSIONS RATE SECONDS FIRST TAG
      Posts RATE comments per second for SECONDS, paced on a fixed schedule (comment i due at
      start + i/RATE) and spread over 16 threads with one keep-alive connection each; comment
      i goes out as reader (FIRST + i) mod N from that reader's address, so the readers take
      turns and stay within their limits (5 at once, then one per 10 s each). The text is
      unique ("Bench comment TAG-i from reader k ..."), so no repeat rule holds it. Prints a
      JSON summary: statuses, comments accepted and visible per second, answer latency, how
      late the schedule ran.
"""

import http.client
import json
import random
import re
import sqlite3
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone

EDITION = "en"
PASSWORD = "demo reader password"
TIMEOUT = 30


def xff(k):
    """The client address of bench reader k (1-based): one address per reader."""
    return f"10.77.{k // 256}.{k % 256}"


def connection(base):
    u = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=TIMEOUT)


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 2)


# ---------------------------------------------------------------------------------------------
# seed

def stamp_format(sample):
    """A strftime-like function writing times exactly as the store wrote `sample`."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?", sample)
    if not m:
        sys.exit(f"unknown timestamp format in the store: {sample!r}")
    sep, frac, zone = m.group(2), m.group(4), m.group(5) or ""
    digits = len(frac) - 1 if frac else 0

    def fmt(t):
        text = t.strftime(f"%Y-%m-%d{sep}%H:%M:%S")
        if digits:
            text += "." + f"{t.microsecond:06d}"[:digits].ljust(digits, "0")
        return text + zone

    return fmt


SENTENCES = [
    "I read this twice and I still think the council has not explained where the money goes.",
    "Good reporting, thank you for following this up after the first story.",
    "My neighbour works at the harbour and says the figures in the third paragraph are right.",
    "Does anyone know whether the meeting next week is open to the public?",
    "The photo says more than the article, honestly.",
    "We had the same problem in our town ten years ago and it took a decade to fix.",
    "I would like to see the full report rather than a summary of it.",
    "This is the third time this year; at some point somebody has to take responsibility.",
    "Interesting, but the timeline in the middle of the piece is hard to follow.",
    "Thanks for keeping the comments open on this one.",
    "The previous article on this said something rather different about the dates.",
    "As a teacher I can confirm the schools have been asking for this for years.",
]


def seed(db, article, count):
    con = sqlite3.connect(db)
    con.execute("PRAGMA busy_timeout = 10000")
    row = con.execute("SELECT created_at FROM comments ORDER BY id LIMIT 1").fetchone()
    if not row:
        sys.exit("the demo wrote no comments: cannot see the store's timestamp format")
    fmt = stamp_format(row[0])
    readers = [r[0] for r in con.execute(
        "SELECT id FROM accounts WHERE role = 'reader' AND email LIKE 'reader%.en@example.com' ORDER BY id")]
    if not readers:
        sys.exit("no English demo readers in the store")
    rng = random.Random(1)
    now = datetime.now(timezone.utc)
    start = now - timedelta(days=3)
    step = timedelta(days=3) / (count + 1)
    tops = []
    replies = 0
    with con:
        for i in range(count):
            at = start + step * (i + 1)
            parent = None
            # About a third are replies, to a top-level comment of the last day or so of the
            # thread (where readers answer), never to a later one.
            if tops and rng.random() < 1 / 3:
                parent = tops[max(0, len(tops) - 1 - int(rng.expovariate(1 / 40)))]
                replies += 1
            body = " ".join(rng.sample(SENTENCES, rng.randint(1, 3)))
            body = f"Thread comment {i + 1}. {body}"
            likes = 0
            roll = rng.random()
            if roll < 0.05:
                likes = rng.randint(20, 400)
            elif roll < 0.4:
                likes = rng.randint(1, 15)
            cur = con.execute(
                "INSERT INTO comments (article_id, account_id, parent_id, body, status, reason, featured, "
                "likes, reports, created_at) VALUES (?, ?, ?, ?, 'visible', '', 0, ?, 0, ?)",
                (article, rng.choice(readers), parent, body, likes, fmt(at)),
            )
            if parent is None:
                tops.append(cur.lastrowid)
    total, top = con.execute(
        "SELECT COUNT(*), SUM(parent_id IS NULL) FROM comments WHERE article_id = ? AND status = 'visible'",
        (article,)).fetchone()
    print(json.dumps({"article": article, "inserted": count, "replies": replies,
                      "visible": total, "top_level": top, "timestamp_sample": row[0],
                      "timestamp_written": fmt(now)}))


def accounts(db, n):
    con = sqlite3.connect(db)
    con.execute("PRAGMA busy_timeout = 10000")
    row = con.execute(
        "SELECT password_hash, created_at FROM accounts WHERE email = 'reader1.en@example.com'").fetchone()
    if not row:
        sys.exit("no reader1.en@example.com in the store")
    fmt = stamp_format(row[1])
    old = fmt(datetime.now(timezone.utc) - timedelta(days=30))
    with con:
        con.executemany(
            "INSERT INTO accounts (email, name, role, password_hash, disabled, created_at, email_confirmed_at) "
            "VALUES (?, ?, 'reader', ?, 0, ?, ?)",
            [(f"bench{k}.en@example.com", f"Bench reader {k}", row[0], old, old) for k in range(1, n + 1)],
        )
    print(n)


# ---------------------------------------------------------------------------------------------
# login

def cookie_of(response, name):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1]
    return None


def login_one(base, k):
    conn = connection(base)
    addr = xff(k)
    conn.request("GET", f"/{EDITION}/account/login", headers={"X-Forwarded-For": addr})
    r = conn.getresponse()
    page = r.read().decode()
    pre = cookie_of(r, "nd_csrf")
    m = re.search(r'name="csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="csrf"', page)
    if r.status != 200 or not pre or not m:
        raise RuntimeError(f"login form: {r.status}, nd_csrf cookie {pre is not None}, csrf field {m is not None}")
    form = urllib.parse.urlencode({"email": f"bench{k}.en@example.com", "password": PASSWORD,
                                   "csrf": m.group(1), "next": f"/{EDITION}"})
    conn.request("POST", f"/{EDITION}/account/login", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"nd_csrf={pre}",
        "X-Forwarded-For": addr})
    r = conn.getresponse()
    body = r.read()
    session = cookie_of(r, "nd_reader")
    if r.status not in (302, 303) or not session:
        raise RuntimeError(f"login of bench{k}: {r.status} {body[:200]!r}")
    conn.request("GET", "/api/v1/reader", headers={"Cookie": f"nd_reader={session}", "X-Forwarded-For": addr})
    r = conn.getresponse()
    me = json.loads(r.read())
    if r.status != 200 or not me.get("confirmed"):
        raise RuntimeError(f"/api/v1/reader for bench{k}: {r.status} {me}")
    conn.close()
    return {"account": me["id"], "k": k, "cookie": session, "csrf": me["csrf"], "xff": addr}


def login(base, n, out):
    results = [None] * n
    errors = []
    nxt = iter(range(1, n + 1))
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                k = next(nxt, None)
            if k is None:
                return
            try:
                results[k - 1] = login_one(base, k)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(str(e))

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"{len(errors)} logins failed, first: {errors[0]}")
    with open(out, "w") as f:
        json.dump(results, f)
    print(json.dumps({"logins": n, "seconds": round(time.monotonic() - t0, 2)}))


# ---------------------------------------------------------------------------------------------
# post

def post(base, article, sessions_file, rate, seconds, first, tag):
    sessions = json.load(open(sessions_file))
    total = int(rate * seconds)
    statuses = {}
    visible = 0
    latencies = []
    lateness = []
    errors = []
    lock = threading.Lock()
    counter = iter(range(total))
    start = time.monotonic() + 0.2

    def worker():
        nonlocal visible
        conn = connection(base)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            due = start + i / rate
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            s = sessions[(first + i) % len(sessions)]
            body = json.dumps({"body": f"Bench comment {tag}-{i} from reader {s['k']}: "
                                       "the figures in the second paragraph match what I saw."})
            t0 = time.monotonic()
            try:
                conn.request("POST", f"/api/v1/articles/{article}/comments", body, {
                    "Content-Type": "application/json", "Cookie": f"nd_reader={s['cookie']}",
                    "X-CSRF-Token": s["csrf"], "X-Forwarded-For": s["xff"]})
                r = conn.getresponse()
                answer = r.read()
                status = r.status
            except Exception as e:  # noqa: BLE001 - counted and reported
                status = type(e).__name__
                answer = b""
                conn.close()
                conn = connection(base)
            t1 = time.monotonic()
            with lock:
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                latencies.append((t1 - t0) * 1000)
                lateness.append(max(0.0, t0 - due) * 1000)
                if status == 201:
                    if json.loads(answer).get("status") == "visible":
                        visible += 1
                elif len(errors) < 5:
                    errors.append(f"{status} {answer[:200]!r}")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    accepted = statuses.get("201", 0)
    print(json.dumps({
        "sent": total,
        "seconds": round(elapsed, 2),
        "statuses": statuses,
        "accepted_per_s": round(accepted / elapsed, 1),
        "visible_per_s": round(visible / elapsed, 1),
        "visible": visible,
        "answer_ms": {"p50": pct(latencies, 50), "p99": pct(latencies, 99),
                      "max": round(max(latencies), 1) if latencies else None},
        "late_ms": {"p50": pct(lateness, 50), "max": round(max(lateness), 1) if lateness else None},
        "errors": errors,
    }))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "seed":
        seed(args[0], int(args[1]), int(args[2]))
    elif cmd == "accounts":
        accounts(args[0], int(args[1]))
    elif cmd == "login":
        login(args[0], int(args[1]), args[2])
    elif cmd == "post":
        post(args[0], int(args[1]), args[2], float(args[3]), float(args[4]), int(args[5]), args[6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
