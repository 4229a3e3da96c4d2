"""The HTTP API: every endpoint and every hardening rule, through FastAPI's TestClient.

Analyze tests use the real pipeline; corpus tests use the real SQLite store filled with a
hand-annotated copy of the seed article (``test_api_support``), so assertions are on known facts.
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khabar.api import create_app
from khabar.document import SCHEMA_VERSION, Document
from khabar.store import open_store
from khabar.store.acled import ACLED_COLUMNS
from test_api_support import PUBLISHED, annotated_seed

ENGLISH = "The quick brown fox jumps over the lazy dog. Reuters reported the meeting in Geneva on Monday."


def _error(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]


@pytest.fixture()
def client() -> TestClient:
    return TestClient(create_app(None))


@pytest.fixture()
def store_path(tmp_path: Path, seed_text: str) -> str:
    path = str(tmp_path / "corpus.db")
    with open_store(path) as store:
        store.add(annotated_seed(seed_text))
        store.add(annotated_seed(seed_text.split("\n")[0], published="2016-10-20"))
    return path


@pytest.fixture()
def corpus(store_path: str) -> TestClient:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


# ---- POST /analyze ------------------------------------------------------------------------------
def test_analyze_json_returns_document(client: TestClient, seed_text: str) -> None:
    response = client.post("/analyze", json={"text": seed_text, "published": "2016-10-25", "source": "outlet",
                                             "title": "عنوان"})
    assert response.status_code == 200
    doc = response.json()
    assert doc["schema"] == SCHEMA_VERSION
    assert doc["text"] == seed_text
    assert doc["meta"]["published"] == "2016-10-25" and doc["meta"]["source"] == "outlet"
    assert doc["meta"]["title"] == "عنوان"
    assert Document.from_json(doc).id == doc["id"]


def test_analyze_plain_text_with_query_metadata(client: TestClient) -> None:
    text = "قال لافروف في موسكو يوم الإثنين إن الوضع في الموصل مختلف."
    response = client.post("/analyze?published=2016-10-25&source=agency", content=text.encode("utf-8"),
                           headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 200
    doc = response.json()
    assert doc["text"] == text
    assert doc["meta"]["published"] == "2016-10-25" and doc["meta"]["source"] == "agency"


def test_non_arabic_text_is_analyzed_with_a_warning(client: TestClient) -> None:
    response = client.post("/analyze", json={"text": ENGLISH})
    assert response.status_code == 200
    assert any("not Arabic" in warning for warning in response.json()["warnings"])


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_400(client: TestClient, text: str) -> None:
    response = client.post("/analyze", json={"text": text})
    assert response.status_code == 400
    error = _error(response)
    assert "empty" in error["message"] and error["fields"][0]["field"] == "text"


def test_empty_plain_body_is_400(client: TestClient) -> None:
    response = client.post("/analyze", content=b"", headers={"Content-Type": "text/plain"})
    assert response.status_code == 400


def test_nul_and_invalid_utf8_are_400(client: TestClient) -> None:
    assert client.post("/analyze", json={"text": "قال\x00لافروف"}).status_code == 400
    response = client.post("/analyze", content=b"\xd9\x82\xff\xfe", headers={"Content-Type": "text/plain"})
    assert response.status_code == 400
    assert "UTF-8" in _error(response)["message"] or "utf-8" in _error(response)["message"]


@pytest.mark.parametrize(("body", "field"), [
    (b"{not json", "body"),
    (b"[\"a list\"]", "body"),
    (b"{}", "text"),
    (b"{\"text\": 42}", "text"),
    (b"{\"text\": \"\xd9\x82\xd8\xa7\xd9\x84\", \"published\": \"last monday\"}", "published"),
    (b"{\"text\": \"\xd9\x82\xd8\xa7\xd9\x84\", \"colour\": \"red\"}", "colour"),
])
def test_invalid_json_and_schema_errors_are_422_with_the_field(client: TestClient, body: bytes, field: str) -> None:
    response = client.post("/analyze", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    error = _error(response)
    assert field in [f["field"] for f in error["fields"]]


def test_invalid_query_parameter_is_422_with_the_field(client: TestClient) -> None:
    response = client.post("/analyze?published=yesterday", content="قال لافروف".encode(),
                           headers={"Content-Type": "text/plain"})
    assert response.status_code == 422
    assert _error(response)["fields"][0]["field"] == "published"


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data; boundary=x",
                                          "application/x-www-form-urlencoded", None])
def test_other_content_types_are_415(client: TestClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/analyze", content="text=قال".encode(), headers=headers)
    assert response.status_code == 415
    assert "application/json or text/plain" in _error(response)["message"]


def test_body_limit_is_413_with_and_without_content_length(seed_text: str) -> None:
    client = TestClient(create_app(None, max_body=1000))
    response = client.post("/analyze", json={"text": seed_text})
    assert response.status_code == 413
    assert "1,000 bytes" in _error(response)["message"]

    def chunks():  # no Content-Length: the body arrives chunked and is counted as it comes
        for _ in range(20):
            yield ("قال لافروف " * 10).encode("utf-8")

    response = client.post("/analyze", content=chunks(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 413
    assert client.post("/analyze", json={"text": "قال لافروف"}).status_code == 200


def test_text_over_the_character_limit_is_413() -> None:
    client = TestClient(create_app(None, max_chars=50))
    response = client.post("/analyze", json={"text": "قال لافروف في موسكو " * 10})
    assert response.status_code == 413
    assert _error(response)["fields"][0]["field"] == "text"


# ---- API key --------------------------------------------------------------------------------------
def test_api_key_required_on_writes_only(store_path: str) -> None:
    client = TestClient(create_app(store_path, api_key="s3cret"))
    body = {"text": "قال لافروف في موسكو."}
    response = client.post("/analyze", json=body)
    assert response.status_code == 401 and "API key" in _error(response)["message"]
    assert client.post("/analyze", json=body, headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.post("/analyze", json=body, headers={"X-API-Key": "s3cret"}).status_code == 200
    assert client.post("/analyze", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/documents").status_code == 200  # reads stay open


def test_api_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_API_KEY", "from-env")
    client = TestClient(create_app(None))
    assert client.post("/analyze", json={"text": "قال لافروف"}).status_code == 401
    assert client.post("/analyze", json={"text": "قال لافروف"}, headers={"X-API-Key": "from-env"}).status_code == 200


# ---- time limit, busy, unexpected errors ----------------------------------------------------------
def _slow(text: str, meta: dict, max_chars: int) -> Document:
    time.sleep(3)
    return Document(text=text)


def _quick(text: str, meta: dict, max_chars: int) -> Document:
    return Document(text=text)


def test_analysis_past_the_time_limit_is_504() -> None:
    client = TestClient(create_app(None, analyze_timeout=0.3, analyze_fn=_slow))
    started = time.monotonic()
    response = client.post("/analyze", json={"text": "قال لافروف"})
    assert response.status_code == 504
    assert "timed out after 0.3 s" in _error(response)["message"]
    assert time.monotonic() - started < 2.5


def test_server_busy_is_503() -> None:
    app = create_app(None, analyze_timeout=0.2, analyze_fn=_slow)
    app.state.runner.max_pending = 1
    client = TestClient(app)
    assert client.post("/analyze", json={"text": "قال"}).status_code == 504  # still running in its thread
    response = client.post("/analyze", json={"text": "قال"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] and "busy" in _error(response)["message"]


def test_process_worker_past_the_time_limit_is_killed_and_replaced() -> None:
    app = create_app(None, analyze_timeout=1.0, workers=1, analyze_fn=_slow)
    with TestClient(app) as client:
        assert client.post("/analyze", json={"text": "قال"}).status_code == 504
        app.state.runner.analyze_fn = _quick
        app.state.runner.timeout = 30.0  # a fresh worker process starts (imports) first
        response = client.post("/analyze", json={"text": "قال لافروف"})
        assert response.status_code == 200 and response.json()["text"] == "قال لافروف"


def _boom(text: str, meta: dict, max_chars: int) -> Document:
    raise RuntimeError("secret internal detail in /srv/khabar/module.py")


def test_unexpected_error_is_a_generic_500_with_an_error_id() -> None:
    client = TestClient(create_app(None, analyze_fn=_boom), raise_server_exceptions=False)
    response = client.post("/analyze", json={"text": "قال لافروف"})
    assert response.status_code == 500
    error = _error(response)
    assert len(error["error_id"]) == 12 and error["error_id"] in error["message"]
    assert "secret" not in response.text and "Traceback" not in response.text and ".py" not in response.text


# ---- CORS, origin, security headers ----------------------------------------------------------------
def test_cors_closed_by_default_and_cross_origin_writes_refused(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": "http://evil.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    preflight = client.options("/analyze", headers={"Origin": "http://evil.example",
                                                    "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    response = client.post("/analyze", content="قال لافروف".encode(),
                           headers={"Content-Type": "text/plain", "Origin": "http://evil.example"})
    assert response.status_code == 403
    same = client.post("/analyze", json={"text": "قال لافروف"}, headers={"Origin": "http://testserver"})
    assert same.status_code == 200


def test_cors_opens_only_for_listed_origins() -> None:
    client = TestClient(create_app(None, cors_origins=["http://tool.example"]))
    allowed = client.get("/health", headers={"Origin": "http://tool.example"})
    assert allowed.headers["access-control-allow-origin"] == "http://tool.example"
    other = client.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    post = client.post("/analyze", json={"text": "قال"}, headers={"Origin": "http://tool.example"})
    assert post.status_code == 200


def test_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


# ---- reference, page, schema ----------------------------------------------------------------------
def test_openapi_documents_analyze_and_its_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/analyze"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert {"400", "401", "413", "415", "422", "504"} <= set(operation["responses"])
    assert "Empty" in operation["responses"]["400"]["description"] or "empty" in operation["description"]
    for path in ("/documents", "/documents/{doc_id}", "/search", "/entities/{key}", "/events", "/export"):
        assert path in spec["paths"]


def test_docs_and_page_need_no_cdn(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "POST" in docs.text and "/analyze" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    static = Path(__import__("khabar.api.pages", fromlist=["STATIC_DIR"]).STATIC_DIR)
    for path in static.iterdir():
        if path.suffix in {".html", ".js", ".css"}:
            content = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
            assert "http://" not in content and "https://" not in content and "@import" not in content, path.name
            assert client.get(f"/static/{path.name}").status_code == 200
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/land.json").json()["rows"]
    assert client.get("/schema/document.json").json()["title"]


def test_unknown_route_and_method(client: TestClient) -> None:
    assert _error(client.get("/nope"))["code"] == "not_found"
    assert client.get("/analyze").status_code == 405


# ---- corpus endpoints -------------------------------------------------------------------------------
def test_no_store_corpus_endpoints_are_503(client: TestClient) -> None:
    for path in ("/documents", "/search?q=x", "/events", "/entities/x", "/export", "/stats"):
        response = client.get(path)
        assert response.status_code == 503 and "--db" in _error(response)["message"], path
    assert client.post("/analyze?save=true", json={"text": "قال لافروف"}).status_code == 503
    assert client.get("/health").json()["store"] is False


def test_documents_list_and_get(corpus: TestClient, seed_text: str) -> None:
    page = corpus.get("/documents?limit=1").json()
    assert page["total"] == 2 and len(page["items"]) == 1 and page["limit"] == 1
    assert page["items"][0]["published"] == PUBLISHED and "text" not in page["items"][0]
    doc_id = annotated_seed(seed_text).id
    doc = corpus.get(f"/documents/{doc_id}").json()
    assert doc["text"] == seed_text and doc["quotes"][0]["speaker"] == "e1"
    assert _error(corpus.get("/documents/0000000000000000"))["code"] == "not_found"
    assert corpus.get("/documents?limit=0").status_code == 422
    assert corpus.get("/documents?limit=201").status_code == 422


def test_analyze_and_save(corpus: TestClient) -> None:
    text = "قال وزير الخارجية الروسي سيرجي لافروف في موسكو إن الهجوم على الموصل مستمر."
    response = corpus.post("/analyze?save=true", json={"text": text, "published": "2016-11-01"})
    assert response.status_code == 200 and response.headers["X-Khabar-Stored"] == "true"
    again = corpus.post("/analyze?save=true", json={"text": text})
    assert again.headers["X-Khabar-Stored"] == "false"
    assert corpus.get(f"/documents/{response.json()['id']}").json()["text"] == text


def test_search_with_highlights_and_filters(corpus: TestClient, seed_text: str) -> None:
    result = corpus.get("/search", params={"q": "لافروف"}).json()
    assert len(result["items"]) == 2
    hit = result["items"][0]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "لافروف"
    assert corpus.get("/search", params={"q": "بالموصل"}).json()["items"]  # clitic-folded
    only_late = corpus.get("/search", params={"q": "لافروف", "since": "2016-10-21"}).json()["items"]
    assert [h["published"] for h in only_late] == [PUBLISHED]
    assert corpus.get("/search", params={"q": "لافروف", "event_type": "ASSAULT"}).json()["items"][0]["doc_id"] == \
        annotated_seed(seed_text).id
    assert corpus.get("/search", params={"speaker": "Sergei Lavrov"}).json()["items"]
    assert corpus.get("/search", params={"entity": "Q83279", "type": "GPE"}).json()["items"]
    assert corpus.get("/search", params={"q": "كلمةغيرموجودة"}).json()["items"] == []
    assert corpus.get("/search", params={"event_type": "PARTY"}).status_code == 422
    response = corpus.get("/search", params={"since": "2016-12-01", "until": "2016-01-01"})
    assert response.status_code == 422 and _error(response)["fields"][0]["field"] == "since"


def test_entity_report(corpus: TestClient) -> None:
    report = corpus.get("/entities/Q80137").json()
    assert report["entity"]["name"] == "سيرجي لافروف" and report["entity"]["type"] == "PER"
    assert all(m["text"] == "لافروف" for m in report["mentions"]) and len(report["mentions"]) == 6
    assert [q["content"] for q in report["quotes"]] == ["بالأمس سألت جون كيري هاتفيا"]
    assert {"date": PUBLISHED, "mentions": 5} in report["timeline"]
    assert {"date": "2016-10-20", "mentions": 1} in report["timeline"]
    by_name = corpus.get("/entities/" + "سيرجي لافروف").json()
    assert by_name["entity"]["key"] == report["entity"]["key"]
    pmf = corpus.get("/entities/Popular Mobilization Forces").json()
    assert [e["type"] for e in pmf["events"]] == ["ASSAULT"]
    assert _error(corpus.get("/entities/nobody-at-all"))["code"] == "not_found"


def test_events_with_filters(corpus: TestClient) -> None:
    events = corpus.get("/events").json()["items"]
    assert len(events) == 1
    event = events[0]
    assert event["type"] == "ASSAULT" and event["fatalities"] == 5 and event["location_name"] == "الموصل"
    assert event["actors"] == ["الحشد الشعبي"] and event["lat"] == pytest.approx(36.34)
    assert corpus.get("/events", params={"place": "Mosul"}).json()["items"]
    assert corpus.get("/events", params={"event_type": "PROTEST"}).json()["items"] == []
    assert corpus.get("/events", params={"status": "happened"}).json()["items"]
    assert corpus.get("/events", params={"status": "maybe"}).status_code == 422


def test_export_formats_stream(corpus: TestClient, seed_text: str) -> None:
    response = corpus.get("/export?format=jsonl")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    docs = [Document.from_json(json.loads(line)) for line in response.text.splitlines()]
    assert {d.id for d in docs} == {annotated_seed(seed_text).id, annotated_seed(seed_text.split("\n")[0]).id}
    rows = list(csv.DictReader(io.StringIO(corpus.get("/export?format=csv").text)))
    assert len(rows) == 1 and rows[0]["type"] == "ASSAULT" and rows[0]["fatalities"] == "5"
    acled = list(csv.reader(io.StringIO(corpus.get("/export?format=acled").text)))
    assert tuple(acled[0]) == ACLED_COLUMNS
    row = dict(zip(acled[0], acled[1], strict=True))
    assert row["event_type"] == "Violence against civilians" and row["actor1"] == "الحشد الشعبي"
    assert row["location"] == "Mosul" and row["country"] == "Iraq" and row["iso"] == "368" and row["fatalities"] == "5"
    assert row["event_date"] == PUBLISHED
    filtered = corpus.get("/export?format=jsonl&since=2016-10-21").text.splitlines()
    assert len(filtered) == 1
    assert corpus.get("/export?format=xml").status_code == 422
    assert "attachment" in corpus.get("/export?format=csv").headers["content-disposition"]


def test_stats_and_health(corpus: TestClient) -> None:
    stats = corpus.get("/stats").json()
    assert stats["documents"] == 2 and stats["events"] == 1
    assert stats["top_speakers"][0]["name"] == "سيرجي لافروف"
    assert corpus.get("/health").json() == {"status": "ok", "version": corpus.get("/health").json()["version"],
                                            "store": True, "documents": 2}


# ---- command line ---------------------------------------------------------------------------------
def test_serve_and_bench_commands_are_registered() -> None:
    from khabar.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["serve", "--db", "corpus.db"])
    assert args.host == "127.0.0.1" and args.port == 8000 and args.db == "corpus.db"
    bench = parser.parse_args(["bench", "api", "-n", "10"])
    assert bench.requests == 10 and bench.concurrency == 8


def test_bench_refuses_non_loopback_urls() -> None:
    from khabar.api.bench import run_load

    with pytest.raises(ValueError, match="loopback"):
        run_load(requests=1, url="http://192.0.2.1:8000")
