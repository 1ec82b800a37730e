"""Markup to text, then scrape noise out, with every kept character traceable.

Two steps, both pure functions:

``html_to_text`` turns an HTML page into plain text (trafilatura, favouring recall;
plain lxml text when trafilatura finds no main content). ingest calls it at read
time, so ``Article.text`` is always plain text and evidence offsets point into it.

``clean`` takes that plain text and keeps the news body: it drops scrape boilerplate
lines (share widgets, "Read more", menus, timestamps, captions and photo credits,
bylines, a lone outlet name at the end) and repeated or near-repeated paragraphs.
Kept paragraphs are copied character for character and joined with "\\n", so
``CleanText.to_original`` maps any offset in the cleaned text back to the same
character in the input: evidence found in the cleaned text is reported against the
article text as given (spec §2 ``evidence``).

The rules are general patterns of scraped news pages, not names from any corpus.
They are conservative on purpose: a caption left in costs little, a real news
sentence dropped loses events. Whole-line rules only fire on short lines, and a
credit glued to the end of a long paragraph is trimmed off instead of dropping the
paragraph.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from bisect import bisect_left, bisect_right
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from rapidfuzz import fuzz

from .errors import InputError

__all__ = ["CleanText", "clean", "html_to_text"]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus the map back to the input it came from.

    ``segments`` holds one ``(clean_start, original_start, length)`` per kept
    paragraph; the paragraphs are joined with one "\\n" in ``text``.
    ``dropped`` holds ``(original_start, original_end, reason)`` for what was
    removed (whole lines, stripped prefixes, trimmed credits), for tests and
    debugging.
    """

    text: str
    segments: tuple[tuple[int, int, int], ...] = ()
    dropped: tuple[tuple[int, int, str], ...] = ()
    #: When invisible Unicode was normalised (see ``normalise``): for each character of the
    #: normalised input, where it starts and ends in the input as given. None: no change.
    char_starts: Sequence[int] | None = field(default=None, compare=False, repr=False)
    char_ends: Sequence[int] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def _starts(self) -> list[int]:
        return [s[0] for s in self.segments]

    def to_original(self, offset: int) -> int:
        """The input offset of the character at ``offset`` in ``text``.

        An offset on a joining "\\n" (or at the very end) maps just past the
        preceding paragraph, so it is the right value for the start of a
        character and for the end of a span.
        """
        return self._input_start(self._to_normalised(offset))

    def _to_normalised(self, offset: int) -> int:
        self._check(offset)
        if not self.segments:
            return offset
        i = max(bisect_right(self._starts, offset) - 1, 0)
        cs, os_, n = self.segments[i]
        return os_ + min(max(offset - cs, 0), n)

    def _input_start(self, pos: int) -> int:
        if self.char_starts is None:
            return pos
        return self.char_starts[pos] if pos < len(self.char_starts) else (self.char_ends[-1] if self.char_ends else 0)

    def _input_end(self, pos: int) -> int:
        if self.char_ends is None:
            return pos
        return self.char_ends[pos - 1] if pos > 0 else 0

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the span ``text[start:end]``.

        Within one paragraph the substring is identical; a span across
        paragraphs covers whatever lay between them in the input.
        """
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        self._check(end)
        begin = self._to_normalised(start)
        if end == start:
            at = self._input_start(begin)
            return at, at
        if not self.segments:
            return self._input_start(begin), self._input_end(begin + (end - start))
        # the end belongs to the last paragraph that starts before it
        i = max(bisect_left(self._starts, end) - 1, 0)
        cs, os_, n = self.segments[i]
        return self._input_start(begin), self._input_end(os_ + min(end - cs, n))

    def parts(self, max_chars: int) -> tuple["CleanText", ...]:
        """This text cut into pieces of at most ``max_chars`` characters, each mapping its own
        offsets to the same input: at paragraph ends where possible, else after a sentence or
        a space, so a text too long to parse at once is parsed piece by piece."""
        if max_chars < 1:
            raise ValueError(f"max_chars must be positive, got {max_chars}")
        text, n = self.text, len(self.text)
        if n <= max_chars:
            return (self,)
        out, pos = [], 0
        while pos < n:
            if text[pos] == "\n":  # a joining newline belongs to no paragraph
                pos += 1
                continue
            end = min(pos + max_chars, n)
            cut = skip = end
            if end < n:
                for sep in ("\n", ". ", " "):
                    at = text.rfind(sep, pos + 1, end)
                    if at > pos:
                        cut, skip = (at, at + 1) if sep == "\n" else (at + len(sep) - 1, at + len(sep))
                        break
            out.append(self._piece(pos, cut))
            pos = skip
        return tuple(out)

    def split_at(self, cuts: Sequence[int]) -> tuple["CleanText", ...]:
        """This text cut at the given offsets (paragraph starts), each piece mapping its own offsets
        to the same input; a joining newline before a cut belongs to no piece."""
        bounds = sorted({c for c in cuts if 0 < c < len(self.text)})
        if not bounds:
            return (self,)
        out, pos = [], 0
        for cut in bounds + [len(self.text)]:
            end = cut - 1 if cut < len(self.text) and self.text[cut - 1] == "\n" else cut
            if end > pos:
                out.append(self._piece(pos, end))
            pos = cut
        return tuple(out)

    def _piece(self, a: int, b: int) -> "CleanText":
        segments = []
        for cs, os_, n in self.segments:
            lo, hi = max(cs, a), min(cs + n, b)
            if lo < hi:
                segments.append((lo - a, os_ + lo - cs, hi - lo))
        if not self.segments:  # identity map: the piece starts at a
            segments = [(0, a, b - a)]
        return replace(self, text=self.text[a:b], segments=tuple(segments), dropped=())

    def _check(self, offset: int) -> None:
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the cleaned text (0..{len(self.text)})")


# --------------------------------------------------------------------------- markup


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_NON_TEXT_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def html_to_text(html: str, origin: str) -> str:
    """The readable text of an HTML page, one paragraph per line.

    trafilatura finds the main content (comments and tables off, recall
    favoured, since clean() removes leftovers more carefully than a page-level
    extractor would); when it finds nothing, every text node of the page is
    used. Raises ``InputError('B111')`` when the markup holds no text at all.
    """
    import trafilatura  # imported here: it is slow to import and only markup needs it

    text = None
    # code is never text: a page of only <script> and <style> holds none (trafilatura would keep it);
    # control characters and lone surrogates, which no XML tree holds, are spaces
    html = _UNPARSABLE.sub(" ", _drop_code(html))
    if html.strip() and _depth(html) > MAX_TREE_DEPTH:
        # lxml (and so trafilatura) stops reading at 256 nested elements; the standard library's
        # parser keeps no tree and reads any depth
        text = _stream_text(html)
    elif html.strip():
        try:
            text = trafilatura.extract(
                html, include_comments=False, include_tables=False, favor_recall=True,
                include_images=False, include_links=False, output_format="txt",
            )
        except Exception:  # trafilatura fails on some broken pages; the fallback reads those
            text = None
        if not text or not text.strip():
            text = _lxml_text(html)
    if not text or not text.strip():
        raise InputError("B111", origin=origin)
    return text.strip()


#: Pages nested deeper than this are read without a tree (see _stream_text).
MAX_TREE_DEPTH = 200
_CODE_OPEN = re.compile(r"<(script|style|noscript|template)\b[^>]*>", re.IGNORECASE)
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SELF_CLOSING = frozenset("p li dt dd tr td th option".split())


def _drop_code(html: str) -> str:
    """``html`` without <script>, <style>, <noscript> and <template> elements, in linear time
    (a lazy regex rescans the rest of the page for every unclosed tag: hours on a 2 MB page)."""
    out: list[str] = []
    pos = 0
    # a tag needs a '>' after it: searching past the last one would rescan the tail for every '<'
    last = html.rfind(">") + 1
    unclosed_from: dict[str, int] = {}  # no end tag of this name exists at or after this offset
    while True:
        m = _CODE_OPEN.search(html, pos, last)
        if not m:
            break
        name = m.group(1).lower()
        close = None
        if m.end() < unclosed_from.get(name, len(html) + 1):
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, m.end())
            if close is None:
                unclosed_from[name] = m.end()
        if close is None:  # an unclosed tag is left to the parsers
            out.append(html[pos:m.end()])
            pos = m.end()
            continue
        out.append(html[pos:m.start()])
        out.append(" ")
        pos = close.end()
    out.append(html[pos:])
    return "".join(out)


def _depth(html: str) -> int:
    """How deep elements nest (end tags a browser would imply are implied here too)."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    for m in _TAG.finditer(html, 0, html.rfind(">") + 1):  # see _drop_code: no rescans of a tail
        closing, tag, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if open_count.get(tag):
                while True:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == tag:
                        break
            continue
        if tag in _VOID or selfclose:
            continue
        if tag in _SELF_CLOSING and stack and stack[-1] == tag:
            open_count[stack.pop()] -= 1
        stack.append(tag)
        open_count[tag] = open_count.get(tag, 0) + 1
        deepest = max(deepest, len(stack))
    return deepest


def _stream_text(html: str) -> str:
    """Every text node outside non-text elements, one block element per line, at any depth."""
    from html.parser import HTMLParser

    parts: list[str] = []

    class Reader(HTMLParser):
        skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in _NON_TEXT_TAGS:
                self.skip += 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n")

        def handle_startendtag(self, tag, attrs):
            if tag in _BLOCK_TAGS:
                parts.append("\n")

        def handle_endtag(self, tag):
            if tag in _NON_TEXT_TAGS:
                self.skip = max(self.skip - 1, 0)
            elif tag in _BLOCK_TAGS:
                parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                parts.append(data)

    reader = Reader(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _lxml_text(html: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in root.iter(*_NON_TEXT_TAGS):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- rules

_I = re.IGNORECASE

# Whole lines that are page furniture, never news (matched on the trimmed line).
_BOILERPLATE = re.compile(
    r"""(?:
      source\ link | comments? | comments?\ ?\(\d+\) | \d+\ comments? | no\ comments(?:\ yet)?
    | leave\ a\ (?:comment|reply) | add\ (?:a\ )?comment | view\ comments
    | read\ more | read\ (?:the\ )?full\ (?:story|article) | continue\ reading | read\ (?:the\ )?next
    | share | shares | share\ (?:this|the)\ (?:article|story|post|page) | share\ (?:on|via)\ \w+
    | share\ this | tweet | e-?mail | print | whatsapp | facebook | twitter | linkedin | telegram
    | reddit | pinterest | copy\ link | link\ copied | copied | save | bookmark
    | advertisement | advertisment | advert | sponsored(?:\ content)? | ad
    | scroll\ (?:down\ )?to\ continue(?:\ with\ content)? | story\ (?:highlights|continues\ below)
    | highlights | key\ points | \d+\ ?min(?:ute)?s?\ read | reading\ time.{0,20}
    | (?:reuters|afp|ap|associated\ press|xinhua|bloomberg|agencies|ians|pti|ani|upi|dpa|efe
       |tass|yonhap|kyodo|anadolu(?:\ agency)?|bernama|wam|sputnik|cnn|bbc)(?:\ (?:news|staff))?
    | (?:staff|our)\ (?:reporter|writer|correspondent)s? | staff
    | (?:international|news|web|online|foreign|world|national|digital|city|metro)\ desk
    | loading\W* | please\ wait\W* | video | watch(?:\ (?:video|live|now|here))? | live
    | listen(?:\ (?:to\ )?(?:this|the)\ (?:article|story))?(?:\ \(?\d+\ ?min(?:ute)?s?\)?)?
    | font\ size | text\ size | a\+?\ ?a-? | zoom
    | (?:image|photo|video|media)(?:\ (?:caption|copyright|source|credit|gallery))?
    | media\ playback\ is\ unsupported\ on\ your\ device | getty\ images
    | skip\ to\ (?:main\ )?content | menu | search | home | subscribe(?:\ now)? | sign\ (?:in|up)
    | log\ ?in | register | newsletters? | close | back\ to\ top | top\ stories | trending(?:\ now)?
    | most\ (?:read|popular|viewed|shared) | recommended(?:\ for\ you)? | you\ may\ also\ like
    | (?:you\ )?might\ also\ like | related(?:\ (?:stories|articles|news|content|posts|topics|coverage))?
    | tags? | topics? | filed\ under | editor'?s?\ picks? | latest(?:\ news)? | breaking(?:\ news)?
    | about\ us | contact\ us | privacy\ policy | terms\ (?:of\ (?:use|service)|and\ conditions)
    | cookie\ (?:policy|settings) | all\ rights\ reserved | next(?:\ (?:article|story|post))?
    | prev(?:ious)?(?:\ (?:article|story|post))? | see\ also | also\ read | read\ also
    | photos? | gallery | updated | published | more | show\ more | load\ more | view\ all
    | (?:file|representational|representative|archive|stock)\ (?:photo|image|picture|pic)s? | \((?:file|file\ photo)\)
    | screen\ ?grab | (?:ap|afp|reuters|xinhua|kyodo|yonhap|epa|getty)\ (?:photo|images?)
    )[\s.:!…»›>|-]*""",
    re.VERBOSE | _I,
)

# Lines that start like a link, a promotion, a credit or a signature (short lines only).
_PROMO_PREFIX = re.compile(
    r"""(?:
      related\s*: | read\ more\s*[:›»|-] | (?:also|read)\ (?:read|also|more)\s*[:›»|-]?
    | see\ also\s*: | more\s*: | recommended\s*: | watch\s*[:|] | listen\s*[:|] | read\s*:
    | read\ (?:the\ )?(?:latest|more)\ (?:news\ |stories\ |coverage\ )?(?:on|about)\b
    | follow\ (?:us|@\w+)\b | follow\ .{1,40}?\ on\ (?:twitter|facebook|instagram|x|telegram|whatsapp|linkedin|google\ news|youtube|threads)\b
    | sign\ up\ (?:for|to|here|now)\b | subscribe\ (?:to|for|now|here)\b | click\ (?:here|to)\b
    | download\ (?:the|our)\ .{0,30}?app\b | join\ (?:us|our)\ (?:on\ )?.{0,30}?(?:whatsapp|telegram|channel|community)\b
    | get\ (?:the\ latest|our|breaking)\b | don'?t\ miss\b
    | \(?(?:also|additional)\ reporting\ by\b | \(?(?:reporting|writing|editing|compiled|edited|written|translated|produced)\ by\b
    | (?:tags?|topics?|keywords?|categories|filed\ under)\s*:
    | (?:main\ |top\ |featured\ |cover\ |lead\ )?(?:photo|image|picture|pic|photograph|video)s?(?:\ credits?|\ sources?)?\s*:
    | (?:photo|image)\ (?:by|courtesy(?:\ of)?)\b | credits?\s*: | courtesy\s*:
    | file\ photo\s*[:|-] | handout\s*[:|-]
    | copyright\s*(?:©|\(c\)|\d{4}) | © | \(c\)\s*\d{4} | all\ rights\ reserved
    | this\ (?:article|story|content)\ (?:was|has\ been)\ (?:originally\ |first\ )?(?:published|produced|written|translated|republished)\ (?:on|in|by|with|from|under)\b
    | advertisement(?:\s*[-:|–—]|\s+(?:continue|story|scroll|article)) | (?:\w+\ )?(?:via|by)\ getty\ images
    | (?:image|media)\ (?:copyright|caption|source)\b | disclaimer\s*: | our\ standards\s*:
    | this\ (?:article|story|report|page)\ (?:has\ been|was)\ (?:updated|amended|corrected)\b
    | \(?only\ the\ headline\b.{0,60}\bmay\ have\ been\ reworked
    )""",
    re.VERBOSE | _I,
)

# Short source-only lines: "Source: Kyodo".
_SOURCE_LINE = re.compile(r"\(?\s*sources?\s*:\s*[^.!?()]{1,60}\)?", _I)

# A lone line that is a Reuters-style caption marker.
_FILE_PHOTO = re.compile(r"file\s+photo\s*:", _I)

# Credits that end a caption line (the credit itself is matched at the end).
_CREDIT_TAIL = re.compile(
    r"""(?:
      (?:^|(?<=[\s.,;(]))(?i:photo|photograph|picture|image|pic|video|photo\ credit|image\ credit|credit|courtesy)s?\s*:\s*[^.!?:;]{1,60}
    | (?:^|(?<=[\s.,;(]))(?i:photo|image|picture)\ (?i:by|courtesy(?:\ of)?)\s+[^.!?:;]{1,60}
    | \(\s*[A-Z][^()\n]{0,60}?(?:\bvia\b|/|\bphoto\b|\bPhoto\b|\bimages?\b|\bImages?\b)[^()\n]{0,60}\)
    | (?:^|(?<=[\s(]))(?:(?i:reuters|afp|ap|ap\ photo|epa|epa-efe|efe|xinhua|kyodo|yonhap|anadolu(?:\ agency)?|bloomberg|getty\ images|tass|sputnik|kcna|ians|pti|ani|upi|dpa|ansa|bernama|handout|pool|file)
         (?:\s*/\s*[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}){1,3}
       | [A-Z]{2,}(?:[ -][A-Z]{2,})?\s*/\s*[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){1,3}(?:\s*/\s*[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}){0,2}
      )\)?
    | (?:^|(?<=[\s(]))(?:[A-Z][\w.-]+\ )?(?:via|/)\ ?Getty\ Images\)?
    | \((?i:file|file\ photo|file\ image|representational\ (?:image|photo|picture)|representative\ (?:image|photo|picture)|photo|image)\)
    )\s*$""",
    re.VERBOSE,
)

# Tails trimmed off a kept paragraph (never a reason to drop it): a wire name after the
# last sentence ("... on Monday. AFP"), page furniture glued on by a scraper
# ("... relevant parties. Source link Comment (0)"), an embedded tweet's signature.
_TRIM_TAIL = re.compile(
    r"""(?:
      (?<=[.!?"”’)])\s+[(\[]?(?i:reuters|afp|ap|xinhua|kyodo|yonhap|ians|pti|ani|agencies|bernama|anadolu|tass)[)\]]?
    | (?<=[.!?"”’)])(?:\s+(?i:source\ link|comments?\ ?\(\d+\)|read\ more|share\ this\ (?:article|story)|advertisement))+
    | \s*pic\.twitter\.com/\w+
    | \s*[—–-]+\s*[^()\n]{1,60}\(@\w{1,30}\)(?:\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?
    )\s*$""",
    re.VERBOSE,
)

# Captions that describe a picture: "In this photo taken ...", "This July 2018, photo shows ...".
_CAPTION_HEAD = re.compile(
    r"in\s+this\b[^.!?]{0,40}?\b(?:photo|photograph|picture|image|video\s+grab|screen\s?grab|still)\b"
    r"|this\b[^.!?]{0,40}?\b(?:photo|photograph|picture|image|video\s+grab|screen\s?grab)\b,?\s+(?:\w+\s+){0,2}?"
    r"(?:shows|taken|released|provided|made\s+available|distributed|obtained|dated)\b",
    _I,
)

# "(left)", "(second right)", "(from left)": who stands where in a picture.
_POSITION_WORD = re.compile(
    r"\((?:far\s+|second\s+|2nd\s+|third\s+|3rd\s+)?(?:from\s+)?(?:left|right|centre|center|front|rear|back|top|bottom)"
    r"(?:\s+(?:to\s+right|to\s+left|row|from\s+(?:left|right)))?\)|\((?:L\s*to\s*R|R\s*to\s*L|clockwise[^)]{0,25})\)",
    _I,
)
_POSITION_LETTER = re.compile(r"\((?:2nd\s+|3rd\s+)?[LRC]\)")

# Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Jane Doe (According to AFP)".
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"[Bb]y\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*(?:\s*[,|/–—-]\s*[^.!?]{{0,40}})?",
)
_ATTRIBUTED_BYLINE = re.compile(r"([^()]{1,60}?)\s*\(\s*(?i:according\s+to|source|theo|via|by)\s[^()]{1,40}\)")

# Lines that are timestamps: "September 24, 2013 / 2:00 PM / 4 years ago",
# "Published: 9 December 2023, 01:01 PM | Updated: ...".
_DATE_WORD = re.compile(
    r"""(?:
      (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?
    | (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?
    | today | yesterday | ago | just | now | am | pm | a\.m\.? | p\.m\.? | gmt | utc | ist | est | edt | cst | cdt
    | pst | pdt | bst | cet | cest | jst | kst | hkt | sgt | aest | hrs | hours? | minutes? | mins? | seconds? | secs?
    | days? | weeks? | months? | years? | an | a | last | first | published | updated | posted | modified
    | created | date | time | on | at | of | the | by | st | nd | rd | th | edited | issued | released | local
    | \d{1,4}(?:st|nd|rd|th)? | \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)? | \d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?
    | \d{1,2}/\d{1,2}/\d{2,4} | \d{1,2}\.\d{1,2}\.\d{2,4}
    )""",
    re.VERBOSE | _I,
)
_TOKEN = re.compile(r"[^\s,|/·•–—()\[\]]+")
_HAS_DIGIT = re.compile(r"\d")

# Runs of words glued by a scraper: "FinancialGovernment SolutionsLegalReuters News".
_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]")
_MENU_SEPARATORS = re.compile(r"\s[|•·»›>/]\s")

# Leftover file names: "Copy of 2021-04-04T183541Z_1751078628_RC26PM9ZZLOZ_RTRMADP_3_...".
_FILE_NAME = re.compile(r"\b(?=[\w.-]*\d)(?=[\w.-]*_)[\w.-]{20,}|\b[\w-]+\.(?:jpe?g|png|gif|webp|tiff?|mp4|pdf)\b", _I)

# Prefixes to strip from the start of a line, keeping what follows.
_STRIP_PREFIX = re.compile(
    r"(?:date\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?\b"
    r"|story\s+highlights\b\s*:?|highlights\s*:)\s*",
    _I,
)

# Datelines and wire tags before the first sentence: "LONDON—", "UNITED NATIONS — ", "TOKYO - ", "Abuja - ",
# "GAZA CITY, Palestinian Territories: ", "Kinshasa/Cairo: ", "(CNN) ". Case matters: the place is in
# capitals (or a slash pair of names), and the separator is a dash with spaces, an em dash or a colon,
# so "US-China talks" is never cut.
_AGENCY = (r"\((?:CNN|AP|AFP|Reuters|Xinhua|Kyodo|Yonhap|Bloomberg|UPI|dpa|ANI|PTI|IANS|TASS|VNA|KUNA|WAM|SPA|IRNA|"
           r"Anadolu|AA|Bernama|ANTARA|KCNA|Sputnik|RIA|Interfax|EFE|ANSA|NNA|APA|BSS|Lusa"
           r"|[A-Z][\w&.'’]*(?:[ -][A-Z][\w&.'’]*){1,4}"  # any agency named in capitals: "(Euro-Atlantic Wire)"
           r"|[A-Z]{2,6})\)")  # or by its acronym: "(QNA)", "(MENA)", "(APP)"
#: a dateline's day: "March 12", "Oct. 14", "12 March"
_DATELINE_DAY = r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
_DATELINE = re.compile(
    # "BANGKOK, March 12 (Reuters) - ", "SINGAPORE (AP) — ", "KYIV, Jan 9 - ", "Hanoi (VNA) – "
    r"(?:[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}(?:" + _DATELINE_DAY + r")?(?:\s*" + _AGENCY + r")?"
    r"(?:\s*[—–]\s*|\s*-{1,2}\s+|:\s+)"
    r"|[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3},\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}"
    r"(?:\s*" + _AGENCY + r")?(?:\s*[—–]\s*|\s+-{1,2}\s+|:\s+)"  # "NUSA DUA, Indonesia (Reuters) - "
    r"|[A-Z][a-z]+\s*" + _AGENCY + r"\s*[—–-]{1,2}\s*"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+[—–-]{1,2}\s+"  # "Tehran - ", "Bamako – ": a place in title case, dash spaced
    r"|[A-Z][a-z]+(?:/[A-Z][a-z]+)+:\s+"
    r"|" + _AGENCY + r"\s*(?:[—–-]\s*)?)"
    r"(?=[A-Z\"“‘(])"
)

# A transcript's speaker label in capitals ("MR PRICE: ", "MINISTER PANDOR: ", "SPOKESPERSON LIN: ") is no
# dateline: the extractor reads it as the speaker of the turn. Questions' labels ("QUESTION: ") still go.
_SPEAKER_LABEL = re.compile(
    r"(?:(?:MR|MS|MRS|DR|H\.?E)\.?|MINISTER|SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|SECRETARY|PRESIDENT|AMBASSADOR|"
    r"CHAIR(?:MAN|WOMAN|PERSON)?|DIRECTOR|ENVOY|COMMISSIONER|DEPUTY|FOREIGN|PRIME|GENERAL|ADMIRAL|SPEAKER)"
    r"(?:[ .-][A-Z][A-Z.'’-]*){0,4}:\s")
#: a head in capitals that opens two lines or more is a speaker's label too ("LIN JIAN: "), not a dateline
_LINE_HEAD = re.compile(r"^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s", re.M)


def _labels(text: str) -> frozenset[str]:
    heads = Counter(m.group(1) for m in _LINE_HEAD.finditer(text))  # (counted once: a page may have many lines)
    return frozenset(h for h, n in heads.items() if n > 1 and h not in ("QUESTION", "Q"))


# a sentence end: not after an initial ("U.S.") or a title ("Mr."), before a capital
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)\]\"'”’%])(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bGen)"
    r"(?<!\bCol)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bLt)(?<!\bNo)(?<!\bvs)(?<!\bProf)(?<!\bCapt)"
    r"[.!?…][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z])"
)
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
#: a heading over a list of links to other stories
_LINKS_HEADING = re.compile(r"(?:(?:associated|related|more|other|further|recommended|useful)\s+(?:links|articles|stories|news|"
                            r"reading|coverage|content|posts)|related|see\s+also|read\s+more|read\s+also|also\s+read|"
                            r"more\s+on\s+this(?:\s+story|\s+topic)?|you\s+may\s+also\s+like)\s*:?", _I)
_TERMINAL = re.compile(r"[.!?…:;\"'”’)]\s*$")
_WORD = re.compile(r"\S+")
_NORMALISE = re.compile(r"[\W_]+")
_WHITESPACE = " \t\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"

#: Lines longer than this are body text for every whole-line rule except dedup.
_SHORT = 160
#: A line ending like a sentence or a quotation carries no credit tail.
_NO_CREDIT_END = frozenset(".!?\"”’'…")
#: Captions are at most this long and at most two sentences.
_CAPTION_MAX = 420


def _sentences(line: str) -> int:
    return 1 + len(_SENTENCE_END.findall(line))


def _is_caption_sized(line: str) -> bool:
    return len(line) <= _CAPTION_MAX and _sentences(line) <= 2


def _is_timestamp(line: str) -> bool:
    if len(line) > 200 or not _HAS_DIGIT.search(line):
        return False
    other = 0
    dated = 0
    for tok in _TOKEN.findall(line):
        tok = tok.strip(".:;,'\"")
        if not tok:
            continue
        if _DATE_WORD.fullmatch(tok):
            if _HAS_DIGIT.search(tok):
                dated += 1
        elif _ALPHA_WORD.search(tok):
            other += 1
            # a lower-case word that is no date word makes it a sentence: "Talks resume at 10 am"
            if other > 3 or not tok[0].isupper():
                return False
    return dated >= 2


def _is_menu(line: str) -> bool:
    if len(_GLUED.findall(line)) >= 3 and not _TERMINAL.search(line):
        return True
    seps = _MENU_SEPARATORS.findall(line)
    if len(seps) >= 3:
        parts = re.split(r"\s[|•·»›>/]\s", line)
        return all(len(p.split()) <= 4 for p in parts)
    return False


def _is_widget(line: str) -> bool:
    """Short lines with (almost) no words: "+ ↺ − 16 px", "1/3", "•••"."""
    return len(line) <= 40 and len(_ALPHA_WORD.findall(line)) <= 1 and not _TERMINAL.search(line)


def _is_byline(line: str) -> bool:
    if len(line) > 120 or _TERMINAL.search(line) and not line.endswith(")"):
        return False
    if _BYLINE.fullmatch(line):
        return True
    m = _ATTRIBUTED_BYLINE.fullmatch(line)
    if not m:
        return False
    name = m.group(1).split()
    return len(name) <= 5 and all(w[0].isupper() for w in name)


def _line_reason(line: str) -> str | None:
    """Why a whole (trimmed) line is noise, or None to keep it."""
    n = len(line)
    if n <= 80 and _BOILERPLATE.fullmatch(line):
        return "boilerplate"
    if n <= 250 and _PROMO_PREFIX.match(line):
        return "promo"
    if n <= 80 and _SOURCE_LINE.fullmatch(line):
        return "credit"
    if _FILE_PHOTO.match(line) and n <= _CAPTION_MAX:
        return "caption"
    if n <= _SHORT:
        if _is_widget(line):
            return "widget"
        if _is_timestamp(line):
            return "timestamp"
        if _is_byline(line):
            return "byline"
        if len(line.split()) <= 10 and _FILE_NAME.search(line):
            return "file-name"
    if n <= 600 and _is_menu(line):
        return "menu"
    if n <= _CAPTION_MAX:
        if _CAPTION_HEAD.match(line) and _is_caption_sized(line):
            return "caption"
        if (_POSITION_WORD.search(line) or len(_POSITION_LETTER.findall(line)) >= 2) and _is_caption_sized(line):
            return "caption"
    return None


def _norm(line: str) -> str:
    return _NORMALISE.sub(" ", line.lower()).strip()


# --------------------------------------------------------------------------- clean


@dataclass
class _Para:
    start: int  # in the input
    end: int
    norm: str = ""
    words: frozenset[str] = frozenset()
    keep: bool = True


# Characters that are there but not seen: soft hyphen, zero-width space / joiners, direction
# marks and embeddings, word joiner and invisible operators, isolates, the byte-order mark.
_INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Spaces other than U+0020: no-break, en/em/thin/hair, narrow no-break, ideographic ...
_ODD_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_BREAK = "\u2028\u2029\x85"
_NORMALISE_RUN = re.compile(
    f"(?P<space>[ {_ODD_SPACE}]*[{_ODD_SPACE}][ {_ODD_SPACE}]*)|(?P<invisible>[{_INVISIBLE}]+)|(?P<brk>[{_ODD_BREAK}])")


def normalise(text: str) -> tuple[str, array | None, array | None]:
    """``text`` with invisible Unicode normalised, and where each character came from.

    Zero-width and direction characters and soft hyphens go; a run of spaces holding a
    no-break or other odd space becomes one space; line and paragraph separators become
    newlines; everything else is composed to NFC. Returns the new text and, per character
    of it, the start and end of what it came from in ``text`` (None, None when nothing
    changed: plain ASCII text and ordinary news text take that path untouched).
    """
    if text.isascii() or (not _NORMALISE_RUN.search(text) and unicodedata.is_normalized("NFC", text)):
        return text, None, None
    out: list[str] = []
    starts, ends = array("l"), array("l")

    def keep(a: int, b: int) -> None:
        chunk = text[a:b]
        if unicodedata.is_normalized("NFC", chunk):
            out.append(chunk)
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))
            return
        # compose cluster by cluster (a starter and the marks after it), so each composed
        # character maps to exactly the characters it was made of
        i = a
        while i < b:
            j = i + 1
            while j < b and unicodedata.combining(text[j]):
                j += 1
            composed = unicodedata.normalize("NFC", text[i:j])
            out.append(composed)
            starts.extend([i] * len(composed))
            ends.extend([j] * len(composed))
            i = j

    pos = 0
    for m in _NORMALISE_RUN.finditer(text):
        a, b = m.span()
        if pos < a:
            keep(pos, a)
        if m.lastgroup == "space":
            out.append(" ")
            starts.append(a)
            ends.append(b)
        elif m.lastgroup == "brk":
            out.append("\n")
            starts.append(a)
            ends.append(b)
        pos = b
    if pos < len(text):
        keep(pos, len(text))
    return "".join(out), starts, ends


def clean(text: str) -> CleanText:
    """Drop scrape noise from ``text``; keep paragraphs character for character.

    Invisible Unicode is normalised first (``normalise``: zero-width characters, odd
    spaces, NFC), and every offset still maps to the text as given. A paragraph is a
    line of the input. Leading and trailing whitespace is trimmed, known prefixes
    (" date 2019-05-06 ", "Story highlights") are stripped, a photo credit glued to the
    end of a long paragraph is trimmed; otherwise a paragraph is kept whole or dropped whole.
    """
    norm, starts, ends = normalise(text)
    ct = _clean(norm)
    if starts is None:
        return ct
    n = len(text)

    def back(a: int, b: int) -> tuple[int, int]:
        return (starts[a] if a < len(starts) else n), (ends[b - 1] if b > 0 else 0)

    dropped = tuple((*back(a, b), why) for a, b, why in ct.dropped)
    return replace(ct, dropped=dropped, char_starts=starts, char_ends=ends)


def _clean(text: str) -> CleanText:
    dropped: list[tuple[int, int, str]] = []
    paras: list[_Para] = []
    labels = _labels(text)
    links = False
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        line = m.group()
        # trim whitespace, keeping absolute offsets
        lead = len(line) - len(line.lstrip(_WHITESPACE))
        s += lead
        e -= len(line) - len(line.rstrip(_WHITESPACE)) if e > s else 0
        if s >= e:
            continue
        # strip leading dateline / highlight markers (possibly several)
        while not (_SPEAKER_LABEL.match(text, s, e) or text[s:e].split(":")[0] in labels):
            pm = _STRIP_PREFIX.match(text, s, e) or (
                _DATELINE.match(text, s, e) if _line_reason(text[s:e]) is None else None)  # "FILE PHOTO:" is a caption
            if not pm or pm.end() == s:
                break
            dropped.append((s, pm.end(), "prefix"))
            s = pm.end()
        if s >= e:
            continue
        line = text[s:e]
        # under "Associated links", "Related stories": the headlines listed are links, not the article
        if links and len(line) <= 200 and not _TERMINAL.search(line):
            dropped.append((s, e, "link"))
            continue
        links = bool(_LINKS_HEADING.fullmatch(line))
        reason = "boilerplate" if links else _line_reason(line)
        if reason is None and line[-1] not in _NO_CREDIT_END:
            # searched from near the end only: a credit is short, and paragraphs are long
            cm = _CREDIT_TAIL.search(line, max(0, len(line) - 200))
            if cm:
                body = line[: cm.start()].rstrip(_WHITESPACE + "|-–—")
                if not body or _is_caption_sized(line):
                    reason = "caption"
                else:
                    dropped.append((s + len(body), e, "credit"))
                    e = s + len(body)
                    line = body
        while reason is None:
            tm = _TRIM_TAIL.search(line, max(0, len(line) - 160))
            if not tm:
                break
            body = line[: tm.start()].rstrip(_WHITESPACE)
            if not body:
                reason = "tail"
                break
            dropped.append((s + len(body), e, "tail"))
            e = s + len(body)
            line = body
        if reason:
            dropped.append((s, e, reason))
            continue
        paras.append(_Para(s, e))

    _drop_trailer(text, paras, dropped)
    _drop_repeats(text, paras, dropped)

    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    forms: dict[str, str] | None = None  # the article's own word forms, read once a headline in capitals needs them
    for p in paras:
        if not p.keep:
            continue
        if parts:
            pos += 1  # the joining "\n"
        segments.append((pos, p.start, p.end - p.start))
        line = text[p.start:p.end]
        if _in_capitals(line):
            forms = _body_forms(text) if forms is None else forms
            line = _sentence_case(line, forms)
        parts.append(line)
        pos += p.end - p.start
    dropped.sort()
    return CleanText("\n".join(parts), tuple(segments), tuple(dropped))


_CAPS_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
_BODY_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_][^\W\d_'’-]*")


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and len(line.split()) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _body_forms(text: str) -> dict[str, str]:
    """How the article writes each word outside its lines in capitals (lower case key -> the form), the
    lower-case form winning over a capitalised one ("NATO", "Nicaragua", "ties")."""
    forms: dict[str, str] = {}
    for line in text.split("\n"):
        if not _in_capitals(line):
            for m in _BODY_WORD.finditer(line):
                w = m.group()
                if forms.get(w.lower()) != w.lower():
                    forms[w.lower()] = w
    return forms


@functools.lru_cache(maxsize=1)
def _place_words() -> dict[str, str]:
    """Words of the places bilat knows, by their lower case ("quito" -> "Quito", "chinese" -> "Chinese")."""
    from .nlp import gazetteer_entries  # (the tagger's tables; only needed for a line in capitals)

    return {w.lower(): w for form, _, kind in gazetteer_entries() if kind in ("country", "capital", "demonym", "city")
            for w in form.split() if w[:1].isupper()}


def _sentence_case(line: str, forms: dict[str, str]) -> str:
    """A headline in capitals ("NICARAGUA BREAKS OFF TIES WITH ECUADOR") in the case the article writes its
    words in ("Nicaragua breaks off ties with Ecuador"; "NATO"), words it does not write capitalised. Same
    length, so offsets stand; the evidence is still cut from the original text."""
    first = [True]

    def word(m: re.Match) -> str:
        w = m.group()
        out = forms.get(w.lower()) or _place_words().get(w.lower()) or (
            w[:1] + w[1:].lower() if first[0] else w.lower())
        first[0] = False
        return out if len(out) == len(w) else w

    return _CAPS_WORD.sub(word, line)


def _drop_trailer(text: str, paras: list[_Para], dropped: list[tuple[int, int, str]]) -> None:
    """A lone outlet or author name closing the page: "Global Times", "Jane Doe"."""
    if len(paras) < 2:
        return
    last = paras[-1]
    line = text[last.start:last.end]
    words = line.split()
    if (len(words) <= 4 and len(line) <= 50 and not _TERMINAL.search(line)
            and all(w[0].isupper() or w[0].isdigit() or w in {"of", "the", "and", "&", "-"} for w in words)):
        last.keep = False
        dropped.append((last.start, last.end, "trailer"))


#: How many earlier paragraphs a paragraph is compared with for near repeats (news articles
#: have far fewer; only pages of thousands of paragraphs reach it, and those get a fifth of it).
REPEAT_WINDOW = 100


def _drop_repeats(text: str, paras: list[_Para], dropped: list[tuple[int, int, str]]) -> None:
    """Drop a paragraph that repeats (or nearly repeats) another.

    Equal or near-equal (rapidfuzz ratio >= 90): the later one goes. One
    contained in a longer one (as a substring, or partial ratio >= 92 with
    nearly all its words there): the shorter one goes, whichever comes first,
    because the longer one carries everything it says.
    """
    kept: list[_Para] = []
    first_of: dict[str, _Para] = {}
    window = REPEAT_WINDOW if len(paras) <= 10 * REPEAT_WINDOW else REPEAT_WINDOW // 5
    for p in paras:
        if not p.keep:
            continue
        p.norm = _norm(text[p.start:p.end])
        if len(p.norm) < 15:
            kept.append(p)
            continue
        p.words = frozenset(p.norm.split())
        # exact repeats are found anywhere; near repeats among the last REPEAT_WINDOW paragraphs,
        # so a page of thousands of paragraphs is cleaned in linear time, not quadratic
        same = first_of.setdefault(p.norm, p)
        if same is not p and same.keep:
            p.keep = False
            dropped.append((p.start, p.end, "repeat"))
            continue
        for q in kept[-window:]:
            if not q.keep or len(q.norm) < 15:
                continue
            reason = _repeat(q, p)
            if reason == "later":
                p.keep = False
                dropped.append((p.start, p.end, "repeat"))
                break
            if reason == "earlier":
                q.keep = False
                dropped.append((q.start, q.end, "repeat"))
        if p.keep:
            kept.append(p)


def _repeat(first: _Para, later: _Para) -> str | None:
    """Which of two paragraphs to drop as a repeat: 'later', 'earlier' or None."""
    a, b = first.norm, later.norm
    la, lb = len(a), len(b)
    if a == b:
        return "later"
    short, long_ = (a, b) if la <= lb else (b, a)
    drop = "earlier" if la <= lb else "later"
    if 2 * len(short) / (la + lb) >= 0.9:
        if fuzz.ratio(a, b, score_cutoff=90) >= 90:
            return "later"
    if len(short) < 40:
        return None
    if short in long_:
        return drop
    sw, lw = (first.words, later.words) if la <= lb else (later.words, first.words)
    if len(sw) >= 6 and len(sw & lw) >= 0.8 * len(sw):
        if fuzz.partial_ratio(short, long_, score_cutoff=92) >= 92:
            return drop
    return None
