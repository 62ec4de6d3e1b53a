"""``report.html``: one self-contained file (CSS, JS and the timeline inlined; no network requests).

Every string from an article is untrusted and goes through Jinja2's autoescape. The page's
Content-Security-Policy forbids loading anything and allows only our own style and script, by
their SHA-256 hashes, so even a mistake in escaping cannot run a script or reach the network.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..records import Dossier
from .assets import asset, content_security_policy
from .safety import without_bidi
from .view import CLAIM_LINKS, TIMELINE_ROWS, ReportView, StoryView, report_view, timeline_dicts

# Stories open when the page loads: all of them when there are this few, else only the biggest.
OPEN_ALL_UP_TO = 3
MORE_WHERE = " (all of them are in dossier.json and in `consilience serve`)"


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
    return page_html(view, [story_html(s, is_open=i < opened(len(view.stories))) for i, s in enumerate(view.stories)],
                     picture)


def opened(n_stories: int) -> int:
    """How many of the stories with a section are open when the page loads (the first ones)."""
    return n_stories if n_stories <= OPEN_ALL_UP_TO else 1


def story_html(story: StoryView, *, is_open: bool) -> str:
    """One story's section of the page (``page_html`` puts the sections in, in order)."""
    section = _page_environment().get_template("story.html.j2").render(s=story, is_open=is_open, more_where=MORE_WHERE)
    return f"\n{section}\n"


def page_html(view: ReportView, sections: Sequence[str], svg: bytes) -> str:
    """The page of ``view`` with ``sections`` (``story_html`` of each of ``view.stories``, in order;
    the stories' own fields give only their rows of the index) and the timeline picture ``svg``."""
    template = _page_environment().get_template("report.html.j2")
    return without_bidi(template.render(  # bidi controls from articles would reorder what the page shows
        r=view, sections=[Markup(s) for s in sections], csp=content_security_policy(),
        timeline_svg=base64.b64encode(svg).decode("ascii"), more_where=MORE_WHERE))


@cache
def _page_environment() -> Environment:
    """One environment for every page and section this process renders (templates compiled once)."""
    return environment(anchor)


def _drawn_svg(view: ReportView) -> bytes:
    from .timeline_chart import timeline_svg  # matplotlib, loaded only when a picture is drawn here

    return timeline_svg(timeline_dicts(view.timeline))
