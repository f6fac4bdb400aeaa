"""A counting SMTP sink for bench/newsletter.sh: aiosmtpd (a real SMTP server) that keeps
no message, only what the benchmark needs to check and time the send.

    python3 bench/smtp_sink.py serve PORT STATS_FILE
        Accepts every message; every 0.5 s (and on SIGTERM) writes a JSON line of counts to
        STATS_FILE: messages, distinct recipients, recipients seen more than once, bytes,
        messages carrying List-Unsubscribe-Post and a DKIM-Signature, and the time of the
        first and the last message.

    python3 bench/smtp_sink.py blast PORT COUNT SAMPLE_FILE
        The sink's ceiling: sends SAMPLE_FILE COUNT times over one connection with smtplib
        (a client doing nothing else) and prints messages per second.
"""

import asyncio
import json
import os
import signal
import smtplib
import sys
import time

from aiosmtpd.controller import Controller


class Counting:
    def __init__(self):
        self.messages = 0
        self.bytes = 0
        self.seen = set()
        self.repeats = 0
        self.one_click = 0
        self.dkim = 0
        self.first = None
        self.last = None
        self.sample = None

    async def handle_DATA(self, server, session, envelope):
        now = time.time()
        if self.first is None:
            self.first = now
        self.last = now
        self.messages += 1
        body = envelope.content
        self.bytes += len(body)
        head = body.split(b"\r\n\r\n", 1)[0]
        if b"\nList-Unsubscribe-Post: List-Unsubscribe=One-Click" in head:
            self.one_click += 1
        if b"\nDKIM-Signature:" in head or head.startswith(b"DKIM-Signature:"):
            self.dkim += 1
        if self.sample is None:
            self.sample = body
        for rcpt in envelope.rcpt_tos:
            if rcpt in self.seen:
                self.repeats += 1
            else:
                self.seen.add(rcpt)
        return "250 OK"

    def stats(self):
        return {
            "messages": self.messages,
            "recipients": len(self.seen),
            "repeats": self.repeats,
            "bytes": self.bytes,
            "one_click": self.one_click,
            "dkim": self.dkim,
            "first": self.first,
            "last": self.last,
        }


def serve(port, stats_file):
    handler = Counting()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    stop = False

    def on_term(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    sample_written = False
    while True:
        with open(stats_file + ".tmp", "w") as f:
            json.dump(handler.stats(), f)
        # Renamed into place so a reader never sees half a line.
        os.replace(stats_file + ".tmp", stats_file)
        if handler.sample is not None and not sample_written:
            with open(stats_file + ".sample.eml", "wb") as f:
                f.write(handler.sample)
            sample_written = True
        if stop:
            break
        time.sleep(0.5)
    controller.stop()


def blast(port, count, sample_file):
    with open(sample_file, "rb") as f:
        message = f.read()
    client = smtplib.SMTP("127.0.0.1", port)
    client.ehlo("bench")
    started = time.time()
    for n in range(count):
        client.sendmail("bench@127.0.0.1", [f"ceiling{n}@example.com"], message)
    elapsed = time.time() - started
    client.quit()
    print(f"{count / elapsed:.1f}")


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "blast":
        blast(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
