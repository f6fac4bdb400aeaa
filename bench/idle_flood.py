#!/usr/bin/env python3
"""Opens COUNT TCP connections to HOST:PORT that send nothing, from source addresses
127.0.0.FIRST, 127.0.0.FIRST+1, ... (IPS of them, round robin), and keeps them open for
SECONDS; with --reconnect, a connection the server closes is opened again at once.

Prints one JSON line: connections opened, refused (a 503 or a close within 100 ms), closed
by the server later (and after how long: p50 / max), still open at the end, peak open.
Loopback only; load is bounded by COUNT and SECONDS.
"""

import argparse
import asyncio
import json
import resource
import socket
import time


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("count", type=int)
    ap.add_argument("seconds", type=float)
    ap.add_argument("--ips", type=int, default=1)
    ap.add_argument("--first", type=int, default=2)
    ap.add_argument("--reconnect", action="store_true")
    args = ap.parse_args()
    limit = raise_fd_limit()
    if args.count + 64 > limit:
        raise SystemExit(f"open-file limit {limit} is too low for {args.count} connections")

    stats = {"opened": 0, "refused": 0, "closed_by_server": 0, "connect_errors": 0}
    close_after = []
    open_now = 0
    peak = 0
    end = time.monotonic() + args.seconds
    connecting = asyncio.Semaphore(256)

    async def one(index):
        nonlocal open_now, peak
        source = f"127.0.{(args.first + index % args.ips) // 256}.{(args.first + index % args.ips) % 256}"
        while time.monotonic() < end:
            try:
                async with connecting:
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    sock.setblocking(False)
                    sock.bind((source, 0))
                    await asyncio.wait_for(
                        asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", args.port)), 5
                    )
            except (OSError, asyncio.TimeoutError):
                stats["connect_errors"] += 1
                sock.close()
                await asyncio.sleep(0.1)
                continue
            opened = time.monotonic()
            stats["opened"] += 1
            open_now += 1
            peak = max(peak, open_now)
            try:
                data = await asyncio.wait_for(
                    asyncio.get_running_loop().sock_recv(sock, 256), max(0.0, end - time.monotonic())
                )
                closed = True
            except asyncio.TimeoutError:
                data, closed = b"", False
            except OSError:
                data, closed = b"", True
            open_now -= 1
            sock.close()
            if not closed:
                return
            lived = time.monotonic() - opened
            if data.startswith(b"HTTP/1.1 503") or lived < 0.1:
                stats["refused"] += 1
            else:
                stats["closed_by_server"] += 1
                close_after.append(lived)
            if not args.reconnect:
                return

    tasks = [asyncio.create_task(one(i)) for i in range(args.count)]
    still_open = 0

    async def sample():
        nonlocal still_open
        await asyncio.sleep(max(0.0, end - time.monotonic() - 0.2))
        still_open = open_now

    await asyncio.gather(sample(), *tasks)
    close_after.sort()
    stats["open_near_end"] = still_open
    stats["peak_open"] = peak
    if close_after:
        stats["closed_after_p50_s"] = round(close_after[len(close_after) // 2], 2)
        stats["closed_after_min_s"] = round(close_after[0], 2)
        stats["closed_after_max_s"] = round(close_after[-1], 2)
    print(json.dumps(stats))


asyncio.run(main())
