"""Syndicated copies: the original of a near-duplicate article, found in ``article_bands``.

An article's 64-bit simhash is cut into four 16-bit bands; two near-duplicates (Hamming
distance <= ``fingerprint.MAX_DISTANCE``) share at least one band. ``article_bands`` (revision
0008) holds one row per stored article and band, ordered within a band value by when the
article was stored, with what the lookup compares: a band's 50 oldest candidates are one
index range and no article row is read. The articles of the batch being stored are looked up
beside it in a ``Pending`` index of their own bands.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from . import fingerprint as fp
from .bulk import run_many
from .schema import article_bands, articles

#: candidates read per band, the oldest first
PER_BAND = 50


class Pending:
    """The articles rows of the batch being stored, in order, indexed by (band number, band):
    each new article meets the batch's earlier ones that share a band without being compared
    to all of them (that was quadratic in the batch size)."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self._by_band: dict[tuple[int, int], list[int]] = defaultdict(list)

    def add(self, row: dict) -> None:
        for i in range(4):
            self._by_band[(i, row[f"band{i}"])].append(len(self.rows))
        self.rows.append(row)

    def sharing(self, bands: tuple[int, ...]) -> list[dict]:
        """The rows sharing a band with ``bands``, in the order they were added."""
        return [self.rows[j] for j in sorted({j for i in range(4) for j in self._by_band.get((i, bands[i]), ())})]


def find_original(conn: Connection, article_text: str, sh: int, pending: Pending) -> str | None:
    """The original (``syndicate_of``) of the nearest earlier near-duplicate long enough to count,
    stored or earlier in the batch; the first seen among equals. None when there is none."""
    if fp.word_count(article_text) < fp.MIN_WORDS:
        return None
    b = fp.bands(sh)
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    # texts are fetched only for the closest candidates below: once a story has many near-copies,
    # reading and word-counting 200 of them per article made ingest slow down as the store grew.
    # Only the near candidates are kept, numbered in the order seen (ties go to the first)
    sql = (f"SELECT article_id, simhash, syndicate_of FROM article_bands WHERE band_no = {mark} AND band = {mark} "
           f"ORDER BY seq LIMIT {PER_BAND}")
    near, n = [], 0
    for i in range(4):
        rows = conn.exec_driver_sql(sql, (i, b[i]))
        try:
            for aid, other, root in rows:
                d = fp.distance(sh, other)
                if d <= fp.MAX_DISTANCE:
                    # an exact copy met in the first band comes first in (distance, order seen): no
                    # later candidate can come before it, so the other bands are not read. Wire copies
                    # are mostly exact; once a story has many of them, reading all four bands' 50
                    # each made every article's lookup cost more as the store grew
                    text_read = _text(conn, aid) if d == 0 and i == 0 else None
                    if text_read is not None and _long_enough(text_read):
                        return root
                    near.append((d, n, aid, root, text_read))
                n += 1
        finally:
            rows.close()
    for r in pending.sharing(b):
        d = fp.distance(sh, r["simhash"])
        if d <= fp.MAX_DISTANCE:
            near.append((d, n, r["article_id"], r["syndicate_of"], r["text"]))
        n += 1
    near.sort(key=lambda c: (c[0], c[1]))
    for d, _, aid, root, other_text in near:
        if _long_enough(_text(conn, aid) if other_text is None else other_text):
            return root
    return None


def _text(conn: Connection, article_id: str) -> str:
    return conn.execute(select(articles.c.text).where(articles.c.article_id == article_id)).scalar_one()


def _long_enough(text: str) -> bool:
    """Whether a text is long enough to be called an original."""
    return fp.word_count(text) >= fp.MIN_WORDS


def insert_bands(conn: Connection, rows: list[dict]) -> None:
    """File newly stored articles (their rows, in the order stored) in article_bands."""
    seq0 = conn.execute(select(func.coalesce(func.max(article_bands.c.seq), 0))).scalar_one()
    run_many(conn, insert(article_bands), [dict(band_no=i, band=r[f"band{i}"], seq=seq0 + n, simhash=r["simhash"],
                                                syndicate_of=r["syndicate_of"], article_id=r["article_id"])
                                           for n, r in enumerate(rows, start=1) for i in range(4)])


def rebuild_article_bands(conn: Connection) -> None:
    """Fill article_bands from every stored article, in the order the articles were stored (SQLite:
    rowid; PostgreSQL: physical order, which is insertion order for rows never updated, as
    articles are not), as ingest fills it: migration 0008 and ``bilat rebuild-rollups``."""
    conn.execute(article_bands.delete())
    seq = "rowid" if conn.dialect.name == "sqlite" else "row_number() OVER (ORDER BY ctid)"
    for i in range(4):
        conn.execute(text(f"INSERT INTO article_bands (band_no, band, seq, simhash, syndicate_of, article_id) "
                          f"SELECT {i}, band{i}, {seq}, simhash, syndicate_of, article_id FROM articles"))
