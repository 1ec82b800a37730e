"""feeds: RSS and Atom bytes to typed entries; broken feeds are B708 unless entries survive."""
from __future__ import annotations

import pytest

from bilat.errors import FetchError
from bilat.feeds import parse_feed

RSS = b"""<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Caf\xe9 News</title>
<item><title>A</title><link>/a.html</link><guid isPermaLink="false">g-1</guid><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate></item>
<item><title>B</title><link>https://x.example/b.html</link></item>
<item><title>no link</title></item>
<item><title>mail</title><link>mailto:desk@x.example</link></item>
<item><title>future</title><link>https://x.example/f.html</link><pubDate>Tue, 05 Mar 2999 10:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<id>urn:f</id><updated>2024-03-01T00:00:00Z</updated>
<entry><title>E</title><id>tag:x,2024:1</id><link rel="alternate" href="e1.html"/><updated>2024-03-02T10:00:00Z</updated></entry>
</feed>"""


def test_rss_entries_links_ids_and_days():
    feed = parse_feed(RSS, "https://x.example/news/rss.xml", "application/rss+xml")
    assert feed.title == "Café News"
    assert [(e.url, e.title, e.published) for e in feed.entries] == [
        ("https://x.example/a.html", "A", "2024-03-06"),  # relative link resolved; the day in UTC
        ("https://x.example/b.html", "B", None),
        ("https://x.example/f.html", "future", None),  # a date in the future is no publication date
    ]
    assert feed.entries[0].id.endswith("g-1") and feed.entries[1].id == "https://x.example/b.html"
    assert feed.skipped == 2 and feed.warning is None


def test_atom_entry_uses_its_updated_day_without_published():
    feed = parse_feed(ATOM, "https://x.example/d/atom.xml")
    assert [(e.url, e.id, e.published) for e in feed.entries] == [("https://x.example/d/e1.html", "tag:x,2024:1",
                                                                    "2024-03-02")]


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut off',
    b"<html><body><p>a homepage, not a feed</p></body></html>",
    b"",
    b"\x89PNG\r\n\x1a\n\x00\x00binary",
    b'{"items": []}',
])
def test_what_is_no_feed_is_b708(body):
    with pytest.raises(FetchError) as err:
        parse_feed(body, "https://x.example/feed")
    assert err.value.code == "B708" and "https://x.example/feed" in err.value.message


def test_a_slightly_broken_feed_keeps_its_entries_with_a_warning():
    body = (b'<rss version="2.0"><channel><title>t</title><item><title>x &nbsp; y</title>'
            b"<link>https://x.example/c</link></item></channel></rss>")
    feed = parse_feed(body, "https://x.example/feed")
    assert [e.url for e in feed.entries] == ["https://x.example/c"] and "entity" in feed.warning


def test_an_empty_feed_is_no_error():
    assert parse_feed(b'<rss version="2.0"><channel><title>t</title></channel></rss>', "https://x.example/f").entries == ()
