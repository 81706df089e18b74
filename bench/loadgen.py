"""A load generator that can outrun the server: raw HTTP/1.1 over keep-alive asyncio streams
(no HTTP library per request), for 127.0.0.1 only, bounded in requests and time.

    open_loop(host, port, paths, rate)   # request i due at start + i/rate; latency from when due
    closed_loop(host, port, paths, conns, seconds)   # as fast as the server answers: saturation

Used by bench/api.py and bench/scale.py. A request costs this process about a tenth of what it
costs the server, so the latencies are the server's (and its queue's), not the driver's.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass, field

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int | str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def count(self, status: int | str) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.elapsed if self.elapsed else 0.0

    def pct(self, p: float) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=1000, method="inclusive")[int(p * 10) - 1]


class _Conn:
    """One keep-alive connection: send a GET, read the status line, headers and body."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length, chunked, close = 0, False, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
            elif name == b"connection" and b"close" in value.lower():
                close = True
        if chunked:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        if close:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _check(host: str) -> None:
    if host not in LOOPBACK:
        raise ValueError(f"load is only ever sent to this machine (127.0.0.1), not {host}")


async def _open_loop(host: str, port: int, paths: list[str], rate: float, conns: int, timeout: float) -> Result:
    res = Result()
    queue: asyncio.Queue[tuple[float, str] | None] = asyncio.Queue()
    start = time.perf_counter() + 0.05
    deadline = start + len(paths) / rate + timeout

    async def worker() -> None:
        conn = _Conn(host, port)
        while (item := await queue.get()) is not None:
            due, path = item
            try:
                status: int | str = await asyncio.wait_for(conn.get(path), max(0.1, deadline - time.perf_counter()))
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                conn.close()
                res.count(type(exc).__name__)
                continue
            res.latencies_ms.append((time.perf_counter() - due) * 1000)
            res.count(status)
        conn.close()

    workers = [asyncio.create_task(worker()) for _ in range(conns)]
    for i, path in enumerate(paths):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((due, path))
    for _ in workers:
        queue.put_nowait(None)
    await asyncio.gather(*workers)
    res.elapsed = time.perf_counter() - start
    return res


async def _closed_loop(host: str, port: int, paths: list[str], conns: int, seconds: float) -> Result:
    res = Result()
    start = time.perf_counter()
    stop = start + seconds
    counter = iter(range(10**9))

    async def worker() -> None:
        conn = _Conn(host, port)
        while (t0 := time.perf_counter()) < stop:
            path = paths[next(counter) % len(paths)]
            try:
                status: int | str = await asyncio.wait_for(conn.get(path), max(0.1, stop + 5 - t0))
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                conn.close()
                res.count(type(exc).__name__)
                continue
            res.latencies_ms.append((time.perf_counter() - t0) * 1000)
            res.count(status)
        conn.close()

    await asyncio.gather(*(worker() for _ in range(conns)))
    res.elapsed = time.perf_counter() - start
    return res


def open_loop(host: str, port: int, paths: list[str], rate: float, conns: int = 64, timeout: float = 30.0) -> Result:
    """Send ``paths`` at ``rate`` per second over ``conns`` connections (a request waits for a
    free connection, and its wait counts in its latency); give up ``timeout`` s after the last is due."""
    _check(host)
    return asyncio.run(_open_loop(host, port, paths, rate, conns, timeout))


def closed_loop(host: str, port: int, paths: list[str], conns: int = 16, seconds: float = 3.0) -> Result:
    """``conns`` connections each sending the next of ``paths`` as soon as the last answer is in,
    for ``seconds``: the rate the server saturates at."""
    _check(host)
    return asyncio.run(_closed_loop(host, port, paths, conns, seconds))
