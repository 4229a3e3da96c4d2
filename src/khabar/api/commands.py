"""``khabar serve`` (the HTTP API and web page) and ``khabar bench api`` (a loopback load test)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys

from khabar.cli_groups import CommandGroups

log = logging.getLogger("khabar.api")


def register(groups: CommandGroups) -> None:
    from khabar.api.app import DEFAULT_MAX_BODY, DEFAULT_MAX_CHARS, DEFAULT_TIMEOUT

    serve = groups.top.add_parser(
        "serve", help="serve the HTTP API and the web page",
        description="Serves the API (reference at /docs, OpenAPI at /openapi.json) and the web page at /. "
                    "Binds 127.0.0.1 unless --host says otherwise. Set KHABAR_API_KEY to require a key "
                    "on write endpoints.")
    serve.add_argument("--db", help="corpus database (SQLite path or postgresql:// URL); "
                                    "without it only /analyze works")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=0,
                       help="analysis processes (0: threads in the server process, the default)")
    serve.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds one analysis may take")
    serve.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY, help="largest request body in bytes")
    serve.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="longest text analyzed")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                       help="allow this web origin to call the API from a browser (repeatable); CORS is closed "
                            "by default")
    serve.set_defaults(handler=run_serve)

    bench = groups.bench.add_parser(
        "api", help="load-test POST /analyze on 127.0.0.1 (concurrent clients, p50/p99 latency)")
    bench.add_argument("--requests", "-n", type=int, default=200, help="requests in all (default 200)")
    bench.add_argument("--concurrency", "-c", type=int, default=8, help="concurrent clients (default 8)")
    bench.add_argument("--max-seconds", type=float, default=300.0, help="stop after this long (default 300)")
    bench.add_argument("--text", help="article file to send (default: examples/article.txt or the seed)")
    bench.add_argument("--workers", type=int, default=0, help="server analysis processes (0: threads)")
    bench.add_argument("--url", help="benchmark a server already running on 127.0.0.1 instead of starting one")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.set_defaults(handler=run_bench)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from khabar.api.app import create_app, describe
    from khabar.cli import CommandError

    if not 0 < args.port < 65536:
        raise CommandError(f"--port must be 1–65535, not {args.port}")
    try:
        app = create_app(args.db, max_body=args.max_body, analyze_timeout=args.timeout, max_chars=args.max_chars,
                         workers=args.workers, cors_origins=args.cors_origin, warm_up=True)
    except ValueError as error:
        raise CommandError(str(error)) from None
    except Exception as error:
        if type(error).__name__ == "StoreError":
            raise CommandError(str(error)) from None
        raise
    settings = describe(app)
    if not _is_loopback(args.host) and not settings["api_key"]:
        print(f"khabar: warning: serving on {args.host} without an API key: anyone who can reach it can "
              "analyze and store (set KHABAR_API_KEY)", file=sys.stderr)
    print(f"khabar: serving http://{args.host}:{args.port}/ (API reference /docs; database: "
          f"{settings['store'] or 'none'}; API key: {'required' if settings['api_key'] else 'off'})",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info" if args.verbose else "warning",
                server_header=False, proxy_headers=False)
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from khabar.api.bench import print_report, run_load
    from khabar.cli import CommandError

    try:
        report = run_load(requests=args.requests, concurrency=args.concurrency, max_seconds=args.max_seconds,
                          text_path=args.text, workers=args.workers, url=args.url)
    except ValueError as error:
        raise CommandError(str(error)) from None
    print_report(report, as_json=args.json)
    return 0 if report["errors"] == 0 else 1
