"""The provenance graph: article → reports → claim → cites → source, and source → via chains.

Written as GraphML (for Gephi, yEd, networkx) and as node-link JSON (for d3 and scripts). Every
edge has its own id (``relation:from->to``): Gephi drops, and yEd merges, edges that share one.
Names and labels lose the characters XML cannot hold and bidi controls.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..jsontext import indented
from ..records import Article
from .safety import xml_text
from .view import article_label

Dossier = dict[str, Any]  # the JSON form


def provenance_graph(dossier: Dossier) -> nx.MultiDiGraph:
    """Nodes ``article:ID``, ``source:NAME``, ``outlet:NAME``; edges say who cites whom, how often."""
    claims: dict[str, list[dict[str, Any]]] = {}
    for c in dossier.get("claims", []):
        claims.setdefault(c["article"], []).append(c)
    parts = [article_provenance(a, claims.pop(a["id"], [])) for a in dossier.get("articles", [])]
    parts += [article_provenance(None, cs) for cs in claims.values()]  # claims of no article listed
    return graph_of(parts)


Part = dict[str, Any]  # JSON: {"nodes": [[id, attributes]], "edges": [[from, to]], "cites": [[from, to, claims]]}


def article_provenance(a: dict[str, Any] | None, claims: list[dict[str, Any]]) -> Part:
    """What one article (its JSON form) and its claims add to the graph: its nodes, its outlet
    edge and how many of its claims make each ``cites`` edge (summed over articles by ``graph_of``)."""
    nodes: list[list[Any]] = []
    edges: list[list[str]] = []
    if a is not None:
        nodes.append([f"article:{a['id']}", {"kind": "article", "label": xml_text(article_label(Article.from_dict(a))),
                                             "outlet": xml_text(a.get("outlet") or "")}])
        if a.get("outlet"):
            outlet = f"outlet:{xml_text(a['outlet'])}"
            nodes.append([outlet, {"kind": "outlet", "label": xml_text(a["outlet"])}])
            edges.append([f"article:{a['id']}", outlet])
    counts: dict[tuple[str, str], int] = {}
    for c in claims:
        at = c.get("attribution")
        if not at:
            continue
        chain = [f"article:{c['article']}", *(f"source:{xml_text(v)}" for v in reversed(at.get("via", []))),
                 f"source:{xml_text(at['source'])}"]
        for name in (at.get("via", []) + [at["source"]]):
            nodes.append([f"source:{xml_text(name)}", {"kind": "source", "label": xml_text(name)}])
        for x, y in zip(chain, chain[1:], strict=False):
            if x != y:
                counts[(x, y)] = counts.get((x, y), 0) + 1
    return {"nodes": nodes, "edges": edges, "cites": [[x, y, n] for (x, y), n in counts.items()]}


def graph_of(parts: Iterable[Part]) -> nx.MultiDiGraph:
    """The graph of the articles' ``parts``: nodes sorted by id, edges by ends and key (the file's order)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    counts: dict[tuple[str, str], int] = {}
    for part in parts:
        for ident, attributes in part["nodes"]:
            nodes.setdefault(ident, {}).update(attributes)
        edges += [(x, y, f"published_by:{x}->{y}", {"relation": "published_by"}) for x, y in part["edges"]]
        for x, y, n in part["cites"]:
            counts[(x, y)] = counts.get((x, y), 0) + n
    edges += [(x, y, f"cites:{x}->{y}", {"relation": "cites", "claims": n}) for (x, y), n in counts.items()]
    for x, y, _, _ in edges:  # an end no part names (a claim whose article is not listed)
        nodes.setdefault(x, {})
        nodes.setdefault(y, {})
    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted(nodes.items()))
    g.add_edges_from(sorted(edges, key=lambda e: (e[0], e[1], e[2])))
    return g


def write_provenance(dossier: Dossier, outdir: Path) -> list[Path]:
    return write_graph(provenance_graph(dossier), outdir)


def write_graph(ordered: nx.MultiDiGraph, outdir: Path) -> list[Path]:
    """``provenance.graphml`` and ``provenance.json`` of a graph in its file's order (``graph_of``)."""
    graphml = outdir / "provenance.graphml"
    nx.write_graphml(ordered, graphml)
    data = nx.node_link_data(ordered, edges="links")
    js = outdir / "provenance.json"
    js.write_text(indented(data) + "\n", encoding="utf-8")
    return [graphml, js]
