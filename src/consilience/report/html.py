"""``report.html``: one self-contained file (CSS, JS and the timeline inlined; no network requests).

Every string from an article is untrusted and goes through Jinja2's autoescape. The page's
Content-Security-Policy forbids loading anything and allows only our own style and script, by
their SHA-256 hashes, so even a mistake in escaping cannot run a script or reach the network.
"""

from __future__ import annotations

import base64

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..records import Dossier
from .assets import asset, content_security_policy
from .safety import without_bidi
from .view import CLAIM_LINKS, TIMELINE_ROWS, ReportView, report_view, timeline_dicts

# Stories open when the page loads: all of them when there are this few, else only the biggest.
OPEN_ALL_UP_TO = 3


def environment(link: object) -> Environment:
    """The Jinja2 environment of our templates; ``link(kind, id, article=None)`` makes every href."""
    env = Environment(loader=PackageLoader("consilience.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.globals.update(link=link, css=Markup(asset("report.css")), js=Markup(asset("report.js")),
                       claim_links=CLAIM_LINKS, timeline_rows=TIMELINE_ROWS, source_links=False)
    return env


def anchor(kind: str, ident: str, article: str | None = None) -> str:
    """Links inside the one-page report: every story, fact, claim and article has an anchor."""
    return f"#{kind}-{ident}"


def report_html(dossier: Dossier, svg: bytes | None = None, *, view: ReportView | None = None) -> str:
    """The whole page as one string; ``svg``: the timeline picture and ``view`` what it shows, when the
    caller has them already."""
    view = view or report_view(dossier)
    picture = svg if svg is not None else _drawn_svg(view)
    template = environment(anchor).get_template("report.html.j2")
    return without_bidi(template.render(  # bidi controls from articles would reorder what the page shows
        r=view, csp=content_security_policy(), timeline_svg=base64.b64encode(picture).decode("ascii"),
        open_stories=len(view.stories) if len(view.stories) <= OPEN_ALL_UP_TO else 1,
        more_where=" (all of them are in dossier.json and in `consilience serve`)"))


def _drawn_svg(view: ReportView) -> bytes:
    from .timeline_chart import timeline_svg  # matplotlib, loaded only when a picture is drawn here

    return timeline_svg(timeline_dicts(view.timeline))
