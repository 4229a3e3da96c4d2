"""A bounded loopback load test of ``POST /analyze``: concurrent clients, latency percentiles, errors.

It starts ``khabar serve`` on a free 127.0.0.1 port in a child process (or uses ``--url``, which
must be a loopback address), sends ``requests`` analyses of one article from ``concurrency``
client threads with keep-alive connections, stops after ``max_seconds`` whatever happens, and
stops the server it started. It is a measurement, not a test: figures depend on the machine.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from khabar.paths import PACKAGE_DIR, shared_seeds_dir

EXAMPLE = PACKAGE_DIR.parents[1] / "examples" / "article.txt"


def _article(text_path: str | None) -> tuple[str, str]:
    """The article to send: ``text_path``, else the ~400-word seed article, else the shorter example."""
    seeds = shared_seeds_dir()
    seed = sorted(seeds.glob("*.txt"))[:1] if seeds else []
    candidates = [Path(text_path)] if text_path else [*seed, EXAMPLE]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8"), str(path)
    raise ValueError("no article to send: pass --text FILE")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(host: str, port: int, deadline: float, process: subprocess.Popen[bytes] | None) -> None:
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ValueError(f"the server exited with status {process.returncode} before it was ready")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise ValueError("the server did not become ready in time")


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def _client(host: str, port: int, body: bytes, state: dict[str, Any], lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=120)
    while True:
        with lock:
            if state["sent"] >= state["total"] or time.monotonic() > state["deadline"]:
                break
            state["sent"] += 1
        start = time.perf_counter()
        try:
            conn.request("POST", "/analyze", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=120)
        elapsed = time.perf_counter() - start
        with lock:
            state["latencies"].append(elapsed)
            state["statuses"][status] += 1
    conn.close()


def run_load(*, requests: int = 200, concurrency: int = 8, max_seconds: float = 300.0,
             text_path: str | None = None, workers: int = 0, url: str | None = None) -> dict[str, Any]:
    if requests < 1 or concurrency < 1 or max_seconds <= 0:
        raise ValueError("requests, concurrency and max-seconds must be positive")
    text, text_name = _article(text_path)
    body = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    process: subprocess.Popen[bytes] | None = None
    if url:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port or 80
        if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
            raise ValueError("--url must be a loopback address (127.0.0.1): this benchmark never leaves the machine")
    else:
        host, port = "127.0.0.1", _free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("KHABAR_API_KEY", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "khabar.cli", "serve", "--host", host, "--port", str(port),
             "--workers", str(workers), "--timeout", "120"], env=env, stdin=subprocess.DEVNULL)
    try:
        _wait_ready(host, port, time.monotonic() + 180, process)
        lock = threading.Lock()
        state: dict[str, Any] = {"sent": 0, "total": requests, "latencies": [], "statuses": Counter(),
                                 "deadline": time.monotonic() + max_seconds}
        threads = [threading.Thread(target=_client, args=(host, port, body, state, lock), daemon=True)
                   for _ in range(concurrency)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max_seconds + 130)
        wall = time.perf_counter() - started
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
    latencies = state["latencies"]
    statuses = state["statuses"]
    done = len(latencies)
    return {
        "article": text_name, "words": len(text.split()), "characters": len(text),
        "requests": done, "asked": requests, "concurrency": concurrency,
        "server_workers": workers if not url else None, "cores": os.cpu_count(),
        "errors": done - statuses.get(200, 0) + (requests - done),
        "statuses": {str(k): v for k, v in statuses.items()},
        "stopped_early": done < requests,
        "seconds": round(wall, 2), "requests_per_second": round(done / wall, 2) if wall else None,
        "p50_ms": round(1000 * _percentile(latencies, 0.50), 1),
        "p90_ms": round(1000 * _percentile(latencies, 0.90), 1),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies), 1) if latencies else None,
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
    }


def print_report(report: dict[str, Any], *, as_json: bool = False) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
        return
    print(f"POST /analyze x{report['requests']} ({report['words']} words) from {report['concurrency']} clients, "
          f"server workers={report['server_workers']}, {report['cores']} cores")
    print(f"  errors: {report['errors']}  statuses: {report['statuses']}"
          + ("  (stopped at --max-seconds)" if report["stopped_early"] else ""))
    print(f"  {report['requests_per_second']} req/s over {report['seconds']} s; latency p50 {report['p50_ms']} ms, "
          f"p90 {report['p90_ms']} ms, p99 {report['p99_ms']} ms, max {report['max_ms']} ms")
