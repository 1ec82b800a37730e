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
@click.pass_obj
def serve(settings, db: str | None, host: str, port: int, log_level: str) -> None:
    """Serve the dashboard (HTML pages) and the REST API (/api, schema at /api/openapi.json).

    Reads are open unless the setting api_read_open is false; POST /api/articles needs
    'Authorization: Bearer <api_token>' (setting api_token or BILAT_API_TOKEN).

    \b
    Example:
      bilat serve --db bilat.db --port 8000
      BILAT_API_TOKEN=s3cret bilat serve --db postgresql://user@127.0.0.1/bilat
    """
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(settings=settings, db=db)
    except BilatError as exc:
        fail(exc)
        return
    click.echo(f"bilat: dashboard at http://{host}:{port}/  API schema at http://{host}:{port}/api/openapi.json", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
