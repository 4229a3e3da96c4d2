"""Input readers: every format, every kind of bad input, with real Arabic text."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from khabar.ingest import Article, ReadFailure, read_path, read_stream
from khabar.ingest.dates import normalize_published
from khabar.paths import shared_data_dir, shared_seeds_dir

SEED = "000_62c9bd50daaa3a18.txt"
# Two sentences from the seed article (kept short so every encoding test stays readable).
ARABIC = (
    "اعتبر سيرجي لافروف، وزير الخارجية الروسي أن الهجوم الذي تقوم به القوات العراقية في الموصل "
    "لا يختلف أبدا عن الهجوم الذي تشنه القوات السورية من أجل استعادة مدينة حلب.\n"
    "وقال لافروف في منتدى تمت إقامته بالعاصمة الروسية موسكو إنه تحدث مع جون كيري هاتفيا يوم الإثنين."
)


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def failures(results):
    return [r for r in results if isinstance(r, ReadFailure)]


def test_utf8_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.text == ARABIC
    assert article.origin == str(path)


def test_seed_article_reads_unchanged() -> None:
    seeds = shared_seeds_dir()
    if seeds is None:
        pytest.skip("shared seeds folder not available")
    [article] = list(read_path(seeds / SEED))
    assert article.text == (seeds / SEED).read_text(encoding="utf-8")
    assert "لافروف" in article.text


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6", "utf-16"])
def test_legacy_arabic_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ARABIC.encode(encoding))
    [article] = list(read_path(path))
    assert isinstance(article, Article), article
    assert article.text.replace("\ufeff", "") == ARABIC


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"))
    [article] = list(read_path(path))
    assert article.text == ARABIC


def test_html_with_broken_tags_gives_text_title_and_date(tmp_path: Path) -> None:
    html = (
        "<html><head><meta charset='utf-8'><title>لافروف يقارن معركة الموصل بحلب</title>"
        "<meta property='article:published_time' content='2016-10-25T09:30:00+03:00'></head><body>"
        "<nav>الرئيسية | سياسة</nav><article><h1>لافروف يقارن معركة الموصل بحلب</h1>"
        f"<p>{ARABIC.splitlines()[0]}<p>{ARABIC.splitlines()[1]}<div><b>نص غير مغلق"
        "</article></span></body>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article), article
    assert "سيرجي لافروف" in article.text
    assert "جون كيري" in article.text
    assert article.meta.title == "لافروف يقارن معركة الموصل بحلب"
    assert article.meta.published == "2016-10-25"


def test_html_declared_cp1256(tmp_path: Path) -> None:
    html = f"<html><head><meta charset='windows-1256'></head><body><article><p>{ARABIC}</p></article></body></html>"
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1256"))
    [article] = list(read_path(path))
    assert "القوات العراقية في الموصل" in article.text


def test_html_without_text_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    [failure] = list(read_path(path))
    assert isinstance(failure, ReadFailure)
    assert "text" in failure.reason


def test_jsonl_bad_line_is_one_failure_and_the_rest_continue(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARABIC, "title": "لافروف", "source": "aa", "published": "2016-10-25"}, ensure_ascii=False),
        '{"text": "مقطوع',
        "",
        json.dumps({"content": "قتل خمسة مدنيين في قرية نينوى جنوب الموصل.", "outlet": "الأناضول",
                    "date_extracted": "2015-07-21 02:51:35", "url": "http://example.org/1"}, ensure_ascii=False),
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(path))
    good, bad = articles(results), failures(results)
    assert [a.origin for a in good] == [f"{path}:1", f"{path}:4"]
    assert good[0].meta.title == "لافروف" and good[0].meta.source == "aa" and good[0].meta.published == "2016-10-25"
    assert good[1].meta.source == "الأناضول" and good[1].meta.published == "2015-07-21"
    assert good[1].meta.url == "http://example.org/1"
    assert [f.origin for f in bad] == [f"{path}:2", f"{path}:5"]
    assert "invalid JSON" in bad[0].reason
    assert "'text' or 'content'" in bad[1].reason


def test_json_object_and_array(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": ARABIC, "date": "25/10/2016"}, ensure_ascii=False), encoding="utf-8")
    [article] = list(read_path(single))
    assert article.text == ARABIC and article.meta.published == "2016-10-25"
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"content": ARABIC}, {"content": "   "}, 5], ensure_ascii=False), encoding="utf-8")
    results = list(read_path(many))
    assert [type(r).__name__ for r in results] == ["Article", "ReadFailure", "ReadFailure"]
    assert results[0].origin == f"{many}[0]"
    assert results[1] == ReadFailure(f"{many}[1]", "empty input")
    assert results[2].origin == f"{many}[2]"


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "الموصل"', encoding="utf-8")
    [failure] = list(read_path(path))
    assert isinstance(failure, ReadFailure) and "invalid JSON" in failure.reason


def test_zip_and_gz_archives(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("day.json", json.dumps([{"content": ARABIC, "source": "okaz",
                                            "date_extracted": "2015-07-21 02:51:35"}], ensure_ascii=False))
        zf.writestr("notes/a.txt", ARABIC)
        zf.writestr("__MACOSX/._a.txt", b"\x00\x05junk")
    results = list(read_path(archive))
    assert [r.origin for r in results] == [f"{archive}/day.json[0]", f"{archive}/notes/a.txt"]
    assert all(isinstance(r, Article) and r.text == ARABIC for r in results)
    assert results[0].meta.source == "okaz" and results[0].meta.published == "2015-07-21"

    gz = tmp_path / "lines.jsonl.gz"
    gz.write_bytes(gzip.compress(json.dumps({"text": ARABIC}, ensure_ascii=False).encode() + b"\n"))
    [article] = list(read_path(gz))
    assert article.text == ARABIC and article.origin == f"{gz}:1"


def test_corrupt_archives_fail_clearly(tmp_path: Path) -> None:
    bad_zip = tmp_path / "bad.zip"
    bad_zip.write_bytes(b"PK\x03\x04 this is not really a zip")
    bad_gz = tmp_path / "bad.txt.gz"
    bad_gz.write_bytes(gzip.compress(ARABIC.encode())[:30])
    [zip_failure] = list(read_path(bad_zip))
    [gz_failure] = list(read_path(bad_gz))
    assert isinstance(zip_failure, ReadFailure) and "zip" in zip_failure.reason
    assert isinstance(gz_failure, ReadFailure) and "gzip" in gz_failure.reason


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss = tmp_path / "feed.rss"
    rss.write_text(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>وكالة الأناضول</title>"
        "<item><title>لافروف والموصل</title><link>http://example.org/a</link>"
        "<pubDate>Tue, 25 Oct 2016 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{ARABIC}</p>]]></description></item>"
        "<item><title>فارغ</title><description></description></item>"
        "</channel></rss>", encoding="utf-8")
    results = list(read_path(rss))
    good, bad = articles(results), failures(results)
    assert len(good) == 1 and len(bad) == 1
    assert "سيرجي لافروف" in good[0].text and "<p>" not in good[0].text
    assert good[0].meta.source == "وكالة الأناضول" and good[0].meta.published == "2016-10-25"
    assert good[0].meta.url == "http://example.org/a" and good[0].origin == f"{rss}[0]"
    atom = tmp_path / "feed.xml"
    atom.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>الجزيرة</title>"
        "<entry><title>حلب</title><updated>2016-10-24T08:00:00Z</updated>"
        f"<content type='html'>{ARABIC}</content></entry></feed>", encoding="utf-8")
    [entry] = list(read_path(atom))
    assert entry.text == ARABIC and entry.meta.published == "2016-10-24"


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("الخبر الثاني عن حلب", encoding="utf-8")
    (tmp_path / "1.txt").write_text("الخبر الأول عن الموصل", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    results = list(read_path(tmp_path))
    assert [r.text for r in results] == ["الخبر الأول عن الموصل", "الخبر الثاني عن حلب"]


@pytest.mark.parametrize("content", [b"", b"   \n\t  \n", "\u00a0\n".encode()])
def test_empty_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert list(read_path(path)) == [ReadFailure(str(path), "empty input")]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    [failure] = list(read_path(path))
    assert isinstance(failure, ReadFailure) and failure.reason.startswith("binary file")


def test_undetectable_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.dat"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)
    [failure] = list(read_path(path))
    assert isinstance(failure, ReadFailure)
    assert "encoding" in failure.reason or "binary" in failure.reason


def test_too_large_names_the_limit_and_flag(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(ARABIC * 50, encoding="utf-8")
    [failure] = list(read_path(path, max_chars=1000))
    assert isinstance(failure, ReadFailure)
    assert "1,000" in failure.reason and "--max-chars" in failure.reason
    [article] = list(read_path(path, max_chars=len(ARABIC) * 50))
    assert isinstance(article, Article)


def test_too_large_jsonl_line_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "حلب " * 5000}, ensure_ascii=False) + "\n"
                    + json.dumps({"text": "الموصل"}, ensure_ascii=False) + "\n", encoding="utf-8")
    results = list(read_path(path, max_chars=1000))
    assert isinstance(results[0], ReadFailure) and "--max-chars" in results[0].reason
    assert isinstance(results[1], Article) and results[1].text == "الموصل"


def test_missing_and_unreadable_paths(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert list(read_path(missing)) == [ReadFailure(str(missing), "no such file or directory")]
    if os.geteuid() == 0:
        return  # root reads everything
    locked = tmp_path / "locked.txt"
    locked.write_text(ARABIC, encoding="utf-8")
    locked.chmod(0)
    [failure] = list(read_path(locked))
    assert isinstance(failure, ReadFailure) and "cannot read" in failure.reason


def test_non_arabic_text_is_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Lavrov compared the Mosul offensive with Aleppo.", encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)


def test_read_stream_sniffs_format() -> None:
    [plain] = list(read_stream(io.BytesIO(ARABIC.encode("cp1256"))))
    assert plain.text == ARABIC and plain.origin == "-"
    payload = json.dumps({"text": ARABIC, "title": "حلب"}, ensure_ascii=False).encode()
    [from_json] = list(read_stream(io.BytesIO(payload)))
    assert from_json.text == ARABIC and from_json.meta.title == "حلب"
    lines = io.BytesIO(payload + b"\n" + payload + b"\n")
    assert len(list(read_stream(lines, name="stdin.jsonl"))) == 2


def test_saudinewsnet_zip_sample() -> None:
    data = shared_data_dir(required=False)
    if data is None or not (data / "saudinewsnet").is_dir():
        pytest.skip("SaudiNewsNet sample not available")
    archive = sorted((data / "saudinewsnet").glob("*.zip"))[0]
    first = next(iter(read_path(archive)))
    assert isinstance(first, Article)
    assert first.origin.startswith(f"{archive}/") and first.origin.endswith("[0]")
    assert first.meta.source and first.meta.url and first.meta.title
    assert first.meta.published is not None and len(first.meta.published) == 10


@pytest.mark.parametrize(("raw", "expected"), [
    ("2015-07-21 02:51:35", "2015-07-21"),
    ("2016-10-25T09:30:00+03:00", "2016-10-25"),
    ("25/10/2016", "2016-10-25"),
    ("Tue, 25 Oct 2016 10:00:00 GMT", "2016-10-25"),
    ("٢٠١٦-١٠-٢٥", "2016-10-25"),
    ("2016-13-45", None),
    ("not a date at all xyz", None),
    (None, None),
])
def test_normalize_published(raw: str | None, expected: str | None) -> None:
    assert normalize_published(raw) == expected
