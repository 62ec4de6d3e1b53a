"""Who said it: "according to X", "X said", "X told Y", "citing X, Y reported", "X cited in Y",
pronouns and "the agency" carried forward to the last named source in the article."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..records import Attribution
from .gazetteer import Gazetteer
from .syntax import phrase

_PRONOUNS = {"it", "they", "he", "she", "we"}
_GENERIC = {"agency", "ministry", "service", "spokesman", "spokeswoman", "spokesperson", "office", "official",
            "officials", "department", "military", "army", "government", "president", "leader", "committee"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Memory:
    """What earlier sentences of the same article named: for "it" and "the agency"."""

    last: str | None = None
    by_kind: dict[str, str] = field(default_factory=dict)

    def remember(self, name: str, kind: str | None) -> None:
        self.last = name
        if kind:
            self.by_kind[kind] = name


def attribution_of(doc: Doc, gaz: Gazetteer, memory: Memory, outlet: str | None) -> Attribution | None:
    found = _according_to(doc) or _speech(doc, gaz)
    if found is None:
        return None
    raw_sources, via, text = found
    sources = [_resolved(s, gaz, memory) for s in raw_sources]
    sources = [s for s in sources if s]
    if not sources:
        return None
    via_names = [gaz.source_name(v) for v in via]
    if outlet and outlet not in via_names and outlet not in sources:
        via_names.append(outlet)
    for s in sources:
        memory.remember(s, gaz.kind_of(s))
    source = sources[0] if len(sources) == 1 else _joined(raw_sources, sources)
    return Attribution(source=source, via=tuple(via_names), text=text, sources=tuple(sources))


def _joined(raw: list[str], sources: list[str]) -> str:
    return ", ".join(sources[:-1]) + " and " + sources[-1]


def _according_to(doc: Doc) -> tuple[list[str], list[str], str] | None:
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                name = phrase(objs[0])
                return _split_sources(objs[0], name), [], f"according to {name}"
    return None


def _speech(doc: Doc, gaz: Gazetteer) -> tuple[list[str], list[str], str] | None:
    verbs = [t for t in doc if t.lemma_.lower() in gaz.speech_verbs and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: (len(list(t.ancestors)), t.i))
    for verb in verbs:
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is None or verb.dep_ == "auxpass":
            continue
        if subj.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is None:
                continue
            subj = next((c for c in agent.children if c.dep_ == "pobj"), subj)
        name, via = _source_and_cited(subj)
        via += _told(verb)
        citing = _citing(verb)
        if citing:
            via.insert(0, name)
            subj, name = citing, phrase(citing)
        return _split_sources(subj, name), via, f"{name} {verb.text}"
    return None


def _source_and_cited(subj: Token) -> tuple[str, list[str]]:
    """"military sources cited in South Korean media" -> ("military sources", ["South Korean media"])."""
    for child in subj.children:
        if child.dep_ == "acl" and child.lemma_ in ("cite", "quote"):
            media = [g for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if media:
                return phrase(subj), [phrase(media[0])]
    return phrase(subj), []


def _told(verb: Token) -> list[str]:
    if verb.lemma_ != "tell":
        return []
    return [phrase(c) for c in verb.children if c.dep_ in ("dative", "dobj", "iobj") and c.pos_ in ("PROPN", "NOUN")][:1]


def _citing(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_ == "cite":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def _split_sources(head: Token, name: str) -> list[str]:
    """"Western, South Korean and Ukrainian intelligence agencies" -> three sources."""
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
    groups = []
    for m in mods:
        chain = [m, *[c for c in m.subtree if c.dep_ == "conj"]]
        if len(chain) > 1:
            groups = chain
            break
    if len(groups) < 2:
        return [name]
    tail_tokens = [t for t in head.subtree if t.i > max(g.i for g in groups) and t.i <= head.i]
    tail = "".join(t.text_with_ws for t in tail_tokens).strip()
    out = []
    for g in groups:
        words = [t for t in g.subtree if t.dep_ not in ("conj", "cc", "punct") or t.i == g.i]
        words = [t for t in words if not any(a.dep_ == "conj" and a.i != g.i and g in a.ancestors for a in [t])]
        label = " ".join(t.text for t in sorted(words, key=lambda x: x.i) if t.dep_ != "conj" or t.i == g.i)
        out.append(f"{label} {tail}".strip())
    return out


def _resolved(name: str, gaz: Gazetteer, memory: Memory) -> str | None:
    lowered = name.lower().strip()
    if lowered in _PRONOUNS:
        return memory.last
    words = lowered.split()
    if words and words[0] == "the" and len(words) <= 3 and words[-1] in _GENERIC:
        kind = {"agency": "agency", "service": "agency"}.get(words[-1])
        return memory.by_kind.get(kind or "", None) or memory.last or gaz.source_name(name)
    return gaz.source_name(name)
