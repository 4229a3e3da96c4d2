"""`khabar analyze` as a user runs it: formats, metadata, batches and every kind of bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.cli import main
from tests.helpers import assert_spans_match

ARTICLE = "وقال وزير الخارجية الروسي سيرجي لافروف في موسكو يوم الإثنين إن القوات العراقية تقترب من الموصل."


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_for_one_input_is_one_object(seed_path: Path, capsys) -> None:
    code, out, err = run(["analyze", str(seed_path), "--published", "2016-10-26", "--format", "json"], capsys)
    assert code == 0, err
    payload = json.loads(out)
    assert payload["schema"] == "khabar.document/1"
    assert payload["meta"]["published"] == "2016-10-26"
    assert len(payload["sentences"]) >= 8
    assert_spans_match(payload)


def test_metadata_flags_reach_the_document(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["analyze", str(path), "--outlet", "الأناضول", "--url", "https://example.org/a",
                        "--title", "عنوان"], capsys)
    meta = json.loads(out)["meta"]
    assert code == 0
    assert (meta["source"], meta["url"], meta["title"]) == ("الأناضول", "https://example.org/a", "عنوان")


def test_directory_batch_skips_bad_files_and_keeps_the_rest(tmp_path: Path, capsys) -> None:
    (tmp_path / "good1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "good2.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    code, out, err = run(["analyze", str(tmp_path), "--format", "jsonl"], capsys)
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 2
    assert all(doc["text"] == ARTICLE for doc in docs)  # the cp1256 file decoded to the same text
    assert "empty.txt" in err and "binary.txt" in err
    assert "Traceback" not in err


def test_json_for_several_inputs_is_an_array(tmp_path: Path, capsys) -> None:
    jsonl = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": ARTICLE, "url": f"u{i}", "published": "2016-10-26"}, ensure_ascii=False)
             for i in range(3)]
    jsonl.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    code, out, err = run(["analyze", str(jsonl), "--format", "json"], capsys)
    assert code == 0
    docs = json.loads(out)
    assert [d["meta"]["url"] for d in docs] == ["u0", "u1", "u2"]
    assert "batch.jsonl:4" in err


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
])
def test_bad_single_input_is_one_line_and_nonzero(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(["analyze", str(path)], capsys)
    assert code != 0 and out == ""
    assert message in err.lower() and "Traceback" not in err


def test_missing_path_is_reported(capsys) -> None:
    code, _, err = run(["analyze", "/nonexistent/article.txt"], capsys)
    assert code != 0 and "article.txt" in err


def test_too_large_input_names_the_flag(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 20, encoding="utf-8")
    code, _, err = run(["analyze", str(path), "--max-chars", "500"], capsys)
    assert code != 0 and "--max-chars" in err
    code, out, _ = run(["analyze", str(path), "--max-chars", "5000"], capsys)
    assert code == 0 and json.loads(out)["text"] == ARTICLE * 20


def test_bad_published_date_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["analyze", str(path), "--published", "26/10/2016"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err


def test_non_arabic_is_analyzed_with_a_warning(tmp_path: Path, capsys) -> None:
    path = tmp_path / "en.txt"
    path.write_text("The minister said the offensive would continue.", encoding="utf-8")
    code, out, _ = run(["analyze", str(path)], capsys)
    assert code == 0 and any("not Arabic" in w for w in json.loads(out)["warnings"])


def test_text_and_html_formats(seed_path: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(["analyze", str(seed_path), "--format", "text", "--published", "2016-10-26"], capsys)
    assert code == 0 and "sentences" in out
    page = tmp_path / "page.html"
    code, _, _ = run(["analyze", str(seed_path), "--format", "html", "--output", str(page)], capsys)
    html = page.read_text(encoding="utf-8")
    assert code == 0 and 'dir="rtl"' in html and "لافروف" in html


def test_gzip_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    done = subprocess.run([sys.executable, "-m", "khabar.cli", "analyze", str(path), "--format", "jsonl"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["text"] == ARTICLE
    done = subprocess.run([sys.executable, "-m", "khabar.cli", "analyze", "-"], input=ARTICLE,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["text"] == ARTICLE


def test_bench_reports_rate_tokens_and_memory_per_mode(tmp_path: Path, capsys) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps({"text": ARTICLE + f" {i}"}, ensure_ascii=False) for i in range(3)),
                    encoding="utf-8")
    code, out, _ = run(["bench", str(path), "--limit", "3", "--modes", "analyze_1,ingest_2", "--json"], capsys)
    report = json.loads(out)
    assert code == 0
    for mode in ("analyze_1", "ingest_2"):
        figures = report[mode]
        assert figures["articles"] == 3 and figures["failures"] == 0 and figures["partial_results"] == 0
        assert figures["articles_per_second"] > 0 and figures["tokens_per_second"] > 0 and figures["peak_rss_mb"] > 0
    assert "recognize_entities" in report["analyze_1"]["stage_ms_per_article"]
