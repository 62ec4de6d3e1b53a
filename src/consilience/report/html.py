"""``report.html``: one self-contained file (CSS, JS and the timeline inlined; no network requests).

Every string from an article is untrusted and goes through Jinja2's autoescape. The page's
Content-Security-Policy forbids loading anything and allows only our own style and script, by
their SHA-256 hashes, so even a mistake in escaping cannot run a script or reach the network.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..records import Dossier
from .safety import without_bidi
from .timeline_chart import timeline_svg
from .view import CLAIM_LINKS, TIMELINE_ROWS, ReportView, report_view, timeline_dicts

# Stories open when the page loads: all of them when there are this few, else only the biggest.
OPEN_ALL_UP_TO = 3


@cache
def asset(name: str) -> str:
    """A file of ``report/templates`` (our CSS and JS), read once."""
    return files("consilience.report").joinpath("templates", name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(*, base: str = "default-src 'none'; img-src data:") -> str:
    """Nothing may load, except our inline style and script (matched by hash) and data: images."""
    return f"{base}; style-src {csp_hash(asset('report.css'))}; script-src {csp_hash(asset('report.js'))}"


def environment(link: object) -> Environment:
    """The Jinja2 environment of our templates; ``link(kind, id, article=None)`` makes every href."""
    env = Environment(loader=PackageLoader("consilience.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.globals.update(link=link, css=Markup(asset("report.css")), js=Markup(asset("report.js")),
                       claim_links=CLAIM_LINKS, timeline_rows=TIMELINE_ROWS)
    return env


def anchor(kind: str, ident: str, article: str | None = None) -> str:
    """Links inside the one-page report: every story, fact, claim and article has an anchor."""
    return f"#{kind}-{ident}"


def report_html(dossier: Dossier, svg: bytes | None = None, *, view: ReportView | None = None) -> str:
    """The whole page as one string; ``svg``: the timeline picture and ``view`` what it shows, when the
    caller has them already."""
    view = view or report_view(dossier)
    picture = svg if svg is not None else timeline_svg(timeline_dicts(view.timeline))
    template = environment(anchor).get_template("report.html.j2")
    return without_bidi(template.render(  # bidi controls from articles would reorder what the page shows
        r=view, csp=content_security_policy(), timeline_svg=base64.b64encode(picture).decode("ascii"),
        open_stories=len(view.stories) if len(view.stories) <= OPEN_ALL_UP_TO else 1,
        more_where=" (all of them are in dossier.json and in `consilience serve`)"))
