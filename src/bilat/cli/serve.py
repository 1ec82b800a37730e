"""`bilat serve`: the dashboard and the REST API, served by uvicorn."""
from __future__ import annotations

import click

from ..errors import BilatError
from .common import db_option, fail, main


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="interface to listen on; 0.0.0.0 exposes it to the network. Example: --host 0.0.0.0")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port. Example: --port 8080")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="uvicorn log level")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="server processes; pages are served on as many cores. Example: --workers 4")
@click.pass_obj
def serve(settings, db: str | None, host: str, port: int, log_level: str, workers: int) -> None:
    """Serve the dashboard (HTML pages) and the REST API (/api, schema at /api/openapi.json).

    Reads are open unless the setting api_read_open is false; POST /api/articles needs
    'Authorization: Bearer <api_token>' (setting api_token or BILAT_API_TOKEN).

    \b
    Example:
      bilat serve --db bilat.db --port 8000
      bilat serve --db bilat.db --workers 4
      BILAT_API_TOKEN=s3cret bilat serve --db postgresql://user@127.0.0.1/bilat
    """
    import os

    import uvicorn

    from ..web import create_app

    try:
        app = create_app(settings=settings, db=db)  # opened (and migrated) once here, so errors show now
    except BilatError as exc:
        fail(exc)
        return
    click.echo(f"bilat: dashboard at http://{host}:{port}/  API schema at http://{host}:{port}/api/openapi.json"
               + (f"  ({workers} workers)" if workers > 1 else ""), err=True)
    options = dict(host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
    if workers == 1:
        uvicorn.run(app, **options)
        return
    app.state.store.close()
    # each worker process builds its own app (and its own connections) from what this one was given
    os.environ["BILAT_SERVE_DB"] = db or settings.db
    path = click.get_current_context().find_root().params.get("settings_path")
    if path:
        os.environ["BILAT_SETTINGS"] = str(path)
    from ..web.app import NoDelayHttp

    uvicorn.run("bilat.web.app:worker_app", factory=True, workers=workers, http=NoDelayHttp, **options)
