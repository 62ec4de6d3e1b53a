"""The provenance graph: article → reports → claim → cites → source, and source → via chains.

Written as GraphML (for Gephi, yEd, networkx) and as node-link JSON (for d3 and scripts). Every
edge has its own id (``relation:from->to``): Gephi drops, and yEd merges, edges that share one.
Names and labels lose the characters XML cannot hold and bidi controls.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from ..records import Article
from .safety import xml_text
from .view import article_label

Dossier = dict[str, Any]  # the JSON form


def provenance_graph(dossier: Dossier) -> nx.MultiDiGraph:
    """Nodes ``article:ID``, ``source:NAME``, ``outlet:NAME``; edges say who cites whom, how often."""
    g = nx.MultiDiGraph()
    for a in dossier.get("articles", []):
        g.add_node(f"article:{a['id']}", kind="article", label=xml_text(article_label(Article.from_dict(a))),
                   outlet=xml_text(a.get("outlet") or ""))
        if a.get("outlet"):
            outlet = f"outlet:{xml_text(a['outlet'])}"
            g.add_node(outlet, kind="outlet", label=xml_text(a["outlet"]))
            _edge(g, f"article:{a['id']}", outlet, "published_by")
    counts: dict[tuple[str, str, str], int] = {}
    for c in dossier.get("claims", []):
        at = c.get("attribution")
        if not at:
            continue
        chain = [f"article:{c['article']}", *(f"source:{xml_text(v)}" for v in reversed(at.get("via", []))),
                 f"source:{xml_text(at['source'])}"]
        for name in (at.get("via", []) + [at["source"]]):
            g.add_node(f"source:{xml_text(name)}", kind="source", label=xml_text(name))
        for a, b in zip(chain, chain[1:], strict=False):
            if a != b:
                counts[(a, b, "cites")] = counts.get((a, b, "cites"), 0) + 1
    for (a, b, rel), n in sorted(counts.items()):
        _edge(g, a, b, rel, claims=n)
    return g


def _edge(g: nx.MultiDiGraph, a: str, b: str, relation: str, **data: object) -> None:
    """An edge whose key, the GraphML edge id, is unique in the file."""
    g.add_edge(a, b, key=f"{relation}:{a}->{b}", relation=relation, **data)


def write_provenance(dossier: Dossier, outdir: Path) -> list[Path]:
    g = provenance_graph(dossier)
    ordered = nx.MultiDiGraph()
    ordered.add_nodes_from(sorted(g.nodes(data=True)))
    ordered.add_edges_from(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])))
    graphml = outdir / "provenance.graphml"
    nx.write_graphml(ordered, graphml)
    data = nx.node_link_data(ordered, edges="links")
    js = outdir / "provenance.json"
    js.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [graphml, js]
