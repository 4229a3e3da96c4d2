"""Corpus ingest: mixed inputs, idempotence, failure report, CLI, SIGKILL resume, process pool and Dask."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.document import text_id
from khabar.ingest.run import ingest
from khabar.store import open_store

# Short real-style Arabic news sentences (from the seed article's story), one article each.
SENTENCES = [
    "اعتبر سيرجي لافروف وزير الخارجية الروسي أن الهجوم على الموصل لا يختلف عن الهجوم على حلب.",
    "قالت الأمم المتحدة إن آلاف المدنيين نزحوا من القرى المحيطة بالموصل خلال الأسبوع الماضي.",
    "ذكرت وكالة الأناضول أن مسلحين قتلوا خمسة من أهالي قرية نينوى جنوب الموصل.",
    "أجرى وزير الخارجية الروسي اتصالا هاتفيا مع نظيره الأمريكي جون كيري يوم الإثنين.",
]


def article_texts(count: int) -> list[str]:
    return [f"{SENTENCES[i % len(SENTENCES)]} (الخبر رقم {i})" for i in range(count)]


def write_corpus(folder: Path, count: int = 8) -> list[str]:
    """A folder of mixed inputs: JSONL with a bad line, UTF-8 and cp1256 text, empty and binary files."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = article_texts(count)
    lines = [json.dumps({"text": t, "source": "الأناضول", "date": "2016-10-25"}, ensure_ascii=False)
             for t in texts[:-2]]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"text": texts[0]}, ensure_ascii=False))  # a duplicate article
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.txt").write_text(texts[-2], encoding="utf-8")
    (folder / "legacy.txt").write_bytes(texts[-1].encode("cp1256"))
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    return texts


def test_ingest_mixed_folder_is_idempotent(tmp_path: Path) -> None:
    texts = write_corpus(tmp_path / "in")
    report = tmp_path / "failures.tsv"
    with open_store(tmp_path / "k.db") as store:
        summary = ingest([str(tmp_path / "in")], store, report=report)
        assert summary.ingested == len(texts)
        assert summary.duplicates == 1
        assert summary.failed == 3
        assert store.known_ids(text_id(t) for t in texts) == {text_id(t) for t in texts}
        lines = report.read_text(encoding="utf-8").splitlines()
        reasons = dict(line.split("\t") for line in lines)
        assert reasons[str(tmp_path / "in" / "empty.txt")] == "empty input"
        assert reasons[str(tmp_path / "in" / "photo.jpg")].startswith("binary file")
        assert reasons[f"{tmp_path / 'in' / 'batch.jsonl'}:3"].startswith("invalid JSON")
        legacy = store.get(text_id(texts[-1]))
        assert legacy is not None and legacy.meta.published is None
        assert store.get(text_id(texts[0])).meta.published == "2016-10-25"

        again = ingest([str(tmp_path / "in")], store, published="2016-11-01")
        assert again.ingested == 0 and again.duplicates == len(texts) + 1
        assert store.count() == len(texts)


def test_published_fills_only_missing_dates(tmp_path: Path) -> None:
    texts = write_corpus(tmp_path / "in")
    with open_store(tmp_path / "k.db") as store:
        ingest([str(tmp_path / "in")], store, published="2016-11-01")
        assert store.get(text_id(texts[-1])).meta.published == "2016-11-01"
        assert store.get(text_id(texts[0])).meta.published == "2016-10-25"


def test_cli_ingest_search_export_stats(tmp_path: Path, capsys) -> None:
    write_corpus(tmp_path / "in")
    db = str(tmp_path / "k.db")
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--quiet"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("ingested 8, skipped 1 duplicates, failed 3")
    assert (tmp_path / "k.db.failures.tsv").is_file()

    assert main(["search", "الموصل", "--db", db, "--json", "--limit", "3"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 3 and all("موصل" in h["snippet"] for h in hits)
    assert main(["search", "بالموصل", "--db", db, "--since", "2016-10-25", "--source", "الأناضول"]) == 0
    assert "[" in capsys.readouterr().out

    out_file = tmp_path / "all.jsonl"
    assert main(["export", "--db", db, "--format", "jsonl", "--output", str(out_file)]) == 0
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 8
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 8


def test_cli_errors_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["search", "الموصل", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("khabar: error: no database") and "\n" not in err
    assert main(["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "k.db")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "k.db"), "--published", "غدا"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "k.db"), "--format", "parquet"]) in (0, 2)


# The child process analyzes slowly (a stub stage) so the kill lands mid-run, deterministically.
CHILD = """
import sys, time
import khabar.ingest.run as run
from khabar.document import Document
def slow(article, max_chars):
    time.sleep(0.01)
    return Document(article.text, article.meta)
run.analyze_article = slow
from khabar.cli import main
sys.exit(main(["ingest", sys.argv[1], "--db", sys.argv[2], "--batch-size", "5", "--quiet"]))
"""


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_sigkill_mid_run_then_resume_stores_each_article_once(tmp_path: Path) -> None:
    texts = article_texts(300)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts) + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), str(db)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(db) < 20 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    assert child.poll() is None, f"the child ended before it could be killed: {child.stderr.read().decode()}"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    partial = _stored(db)
    assert 20 <= partial < len(texts)
    assert partial % 5 == 0  # only whole batches were committed

    rerun = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(db)], env=env,
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {len(texts) - partial:,}, skipped {partial:,} duplicates" in rerun.stdout
    with open_store(db) as store:
        assert store.count() == len(texts)
        assert store.known_ids(text_id(t) for t in texts) == {text_id(t) for t in texts}
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT COUNT(DISTINCT id) FROM documents").fetchone()[0] == len(texts)
        assert len(store.search("الموصل", limit=1000)) == sum("الموصل" in t or "بالموصل" in t for t in texts)


def test_process_pool_workers(tmp_path: Path) -> None:
    texts = write_corpus(tmp_path / "in", count=6)
    with open_store(tmp_path / "k.db") as store:
        summary = ingest([str(tmp_path / "in")], store, workers=2, batch_size=2)
        assert summary.ingested == len(texts) and store.count() == len(texts)


def test_dask_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    texts = write_corpus(tmp_path / "in", count=6)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, open_store(tmp_path / "k.db") as store:
        summary = ingest([str(tmp_path / "in")], store, dask_address=cluster.scheduler_address, batch_size=2)
        assert summary.ingested == len(texts) and summary.failed == 3
        assert store.known_ids(text_id(t) for t in texts) == {text_id(t) for t in texts}
        doc = store.get(text_id(texts[0]))
        assert doc is not None and doc.meta.source == "الأناضول"
