"""Who a pronoun or a description means: the named mentions an article has made so far.

Read in order, sentence by sentence. A person named in full once ("Speaker John A. Boehner of
Ohio") is written that way whenever the article names him again ("Boehner"), and is what "he" or
"the speaker" refers to (a person who was the subject of this sentence or the one before first: "Mr
Milburn gave a speech in which he praised Mr Brown. In the speech, he backed ..." is Milburn's); "the company" is the organisation that was the subject of this sentence or the one before, else
the one last named ("Broadreach has hotspots in the Travelodge chain. The company is due to":
Broadreach). A surname the model did not tag is still a mention of the person named in full
before. Conservative by design: a
pronoun that could mean several things ("they", "it" without a recent organisation) stays
unresolved, because a wrong subject is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicon.events import EventLexicon
from .syntax import named_noun, written

_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PERSONAL = frozenset(_GENDER)
_FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
_IT = {"it", "its", "itself"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}
# How far back (in sentences) each kind of reference looks for what it means.
PERSON_REACH, ORG_REACH, IT_REACH = 4, 6, 1
# Heads of descriptions that stand for an organisation ("the company", "the ministry").
_ORG_HEADS = {"company", "firm", "group", "bank", "agency", "ministry", "department", "club", "team", "party",
              "government", "council", "committee", "union", "organisation", "organization", "network", "airline",
              "carrier", "retailer", "manufacturer", "maker", "operator", "giant", "chain", "broadcaster", "newspaper",
              "paper", "board", "court", "commission", "authority", "office", "service", "corporation", "business",
              "insurer", "lender", "regulator", "watchdog", "body", "institute", "university", "school", "hospital"}
# Heads of descriptions of public bodies: they mean an organisation named with that word
# ("the Ministry of Health": "the ministry"), not whichever organisation came last (a firm, a poll).
_PUBLIC_HEADS = {"government", "ministry", "department", "council", "committee", "court", "commission",
                 "authority", "office", "regulator", "parliament"}
_PRIVATE_HEADS = frozenset(_ORG_HEADS - _PUBLIC_HEADS)  # what "the team" or "the firm" can mean a named body by
_POSSESSIVES = {"his", "her", "its", "their"}
# Words before a role that say when, not which role ("the former minister" is the minister named).
_PASSING = {"former", "new", "then", "current", "outgoing", "incoming", "late", "ex"}
_PLACE_HEADS = {"country", "nation", "state", "city", "town", "region", "province", "capital"}


# Tags of words before a person's name that can still be part of the role said of them: none, or a
# name the model tagged in the title ("Home" of "Home Secretary", "Labour" of "Labour MP").
_TITLE_WORD_TAGS = frozenset({"", "ORG", "NORP", "GPE"})


@dataclass
class Named:
    name: str
    label: str
    at: tuple[int, int]  # (sentence, token) of its last mention
    titles: set[str] = field(default_factory=set)
    subject_at: tuple[int, int] | None = None  # (sentence, token) of its last mention as a clause's subject
    placed: bool = False  # its last mention reads as a place ("from Dartford in Kent"): no rival for "she"
    cited: bool = False  # only ever named as whom a report is "according to": not what "the company" means
    gender: str | None = None  # "m" or "f" once a "he" or a "she" was read as this person
    nationality: set[str] = field(default_factory=set)  # "Russian Igor Petrov": what "the Russian" can mean
    kinds: set[str] = field(default_factory=set)  # "airline Qantas", "Yili, the milk firm": what kind of body it is
    groups: set[str] = field(default_factory=set)  # "the Castra team": what "the team" can mean it by (not its kind)
    grouped_at: tuple[int, int] | None = None  # (sentence, token) where it was last named with its group


@dataclass
class Entities:
    """The named mentions of one article, in reading order."""

    lex: EventLexicon
    sentence: int = -1
    named: list[Named] = field(default_factory=list)
    quote_speaker: str | None = None

    def read(self, doc: Doc) -> None:
        """Take in the names of the next sentence (call once per sentence, in order)."""
        self.sentence += 1
        for ent in doc.ents:
            if ent.label_ in _NAMED and entity_text(ent):
                self._mention(ent)
        for token in doc:
            if _bare_name(token) and not token.ent_type_ and token.dep_ != "compound":
                self._surname(token)

    def _surname(self, token: Token) -> None:
        """A person named before, the subject again by surname where the model tagged no name ("But
        Ruddock feels" after "Wales coach Mike Ruddock", "Ruddock faces" after "Ruddock" tagged once):
        whom a "he" that follows continues."""
        last = written(token.doc, token.idx, token.idx + len(token.text)).lower()
        people = [n for n in self.named if n.label == "PERSON" and n.name.split()[-1].lower() == last]
        if len(people) != 1:
            return
        if token.dep_ == "nsubj" or token.dep_ == "nsubjpass" and not any(
                c.dep_ == "agent" for c in token.head.children):
            people[0].subject_at = (self.sentence, token.i)  # whom "he" continues; not a fresh mention
            # for "the judge" to mean (a description looks for a person named in full)
            if len(people[0].name.split()) == 1:
                people[0].at = people[0].subject_at  # named by that one word before: mentioned again

    def _mention(self, ent: Span) -> None:
        name = self.canonical_name(entity_text(ent), ent.label_)
        label = ent.label_
        if label != "PERSON" and any(n.name == name and n.label == "PERSON" for n in self.named):
            label = "PERSON"  # "Bellamy's agent" tagged ORG after "Craig Bellamy": a mention of the person
        at = (self.sentence, ent.root.i)
        titles = self._titles(ent)
        subject = at if _is_subject(ent) or self._names_the_subject(ent) else None
        placed = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "from", "at", "near") or _modifier(ent)
        cited = ent.root.dep_ == "pobj" and ent.root.head.lower_ == "to" and ent.root.head.head.lower_ == "according"
        gender = _titled_gender(ent) if label == "PERSON" else None
        nationality = _nationality(ent) if label == "PERSON" else set()
        kinds = _kinds(ent) if label == "ORG" else set()
        groups = _groups(ent) if label == "ORG" else set()
        for n in self.named:
            if n.name == name and n.label == label:
                n.at, n.titles, n.subject_at = at, n.titles | titles, subject or n.subject_at
                n.placed = placed if not (label == "PERSON" and _modifier(ent)) else n.placed
                # "in typical Dallaglio style, he": a person named before stays whom "he" can mean
                n.cited = n.cited and cited
                n.gender = n.gender or gender
                n.nationality |= nationality
                n.kinds |= kinds
                n.groups |= groups
                n.grouped_at = at if groups else n.grouped_at
                return
        self.named.append(Named(name, label, at, titles, subject, placed, cited, gender, nationality, kinds, groups,
                                at if groups else None))

    def _names_the_subject(self, ent: Span) -> bool:
        """A name in apposition inside a subject that is a role word ("A spokesman for the agency,
        Dean Ross, said", however the parse hung the name): the person who is the subject."""
        root = ent.root
        if root.dep_ != "appos":
            return False
        for a in root.ancestors:
            if a.pos_ in ("VERB", "AUX"):
                return False
            if a.dep_ in ("nsubj", "nsubjpass"):
                return a.pos_ == "NOUN" and self.lex.supersense(a.lemma_.lower()) == "noun.person"
        return False

    def _titles(self, ent: Span) -> set[str]:
        """Role words said of a person, with the words that qualify them: "welfare minister Frank
        Field" -> {"minister", "welfare"}; "Bush, the president"; "Home Secretary David Blunkett"
        -> {"secretary", "home"} when the model tagged "Home" a name of its own."""
        doc = ent.doc
        out: set[str] = set()
        chain: list[str] = []
        i = ent.start - 1
        while i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i].ent_type_ in _TITLE_WORD_TAGS:
            chain.append(doc[i].lemma_.lower())
            if self.lex.supersense(doc[i].lemma_) == "noun.person":
                out.add(doc[i].lemma_.lower())
            i -= 1
        for child in ent.root.children:
            if child.dep_ == "appos" and self.lex.supersense(child.lemma_) == "noun.person":
                out.add(child.lemma_.lower())
                chain += [m.lemma_.lower() for m in child.children if m.dep_ in ("amod", "compound")]
        return out | set(chain) if out else out

    def canonical_name(self, text: str, label: str) -> str:
        """The fullest form of a name the article has used: "Boehner" -> "John A. Boehner"."""
        text = text.removesuffix("'s").removesuffix("’s").strip()
        if label != "PERSON":
            person = self.canonical_name(text, "PERSON") if " " not in text else text
            return person if person != text else text.removeprefix("the ").removeprefix("The ")  # "Brandt" tagged ORG
        text = without_title(text, self.lex)
        words = text.split()
        last = words[-1].lower() if words else ""
        fuller = [n.name for n in self.named if n.label == "PERSON" and n.name.split()[-1].lower() == last
                  and len(n.name) > len(text)]
        return max(fuller, key=len) if fuller else text

    def fits(self, pronoun: Token, name: str) -> bool:
        """Whether ``pronoun`` can stand for ``name``: "he"/"she" for a person the article named,
        "it"/"they"/"we" for anything else."""
        person = any(n.name == name and n.label == "PERSON" for n in self.named)
        low = pronoun.lower_
        if low in _IT and plural_description(name):
            return False  # "according to reports, it has limited ...": "it" is not the reports
        return person if low in _PERSONAL else (not person and low in _IT | {"they", "them", "their", "we", "us", "our"})

    def name_of(self, token: Token) -> str | None:
        """The canonical name of the entity ``token`` heads: its named entity's fullest form, else what
        the pronoun or description means (None when that is not clear)."""
        ent = _entity_at(token) or next((e for c in token.children if c.dep_ == "appos"
                                         for e in [_entity_at(c)] if e is not None and e.root.i == c.i), None)
        if ent is not None and ent.label_ == "NORP" and _the_one(token, ent):
            person = self._of_nationality(token.lower_, (self.sentence, token.i))
            if person is not None:
                return person  # "seventh seed Russian Igor Petrov ... The Russian beat": Igor Petrov
        if ent is not None and ent.label_ in _NAMED:
            return self.canonical_name(entity_text(ent), ent.label_)  # "her publicist, Jack Ketsoyan": Jack Ketsoyan
        if token.pos_ == "PROPN":  # a surname the model did not tag: "Brandt had lost" after "Liam Brandt"
            name = written(token.doc, token.idx, token.idx + len(token.text))
            fuller = self.canonical_name(name, "PERSON")
            return fuller if fuller != name else None
        return self.resolve(token)

    def _of_nationality(self, word: str, here: tuple[int, int]) -> str | None:
        """The one person lately named with the nationality ``word`` ("Russian Igor Petrov")."""
        people = [n for n in self._recent({"PERSON"}, here, PERSON_REACH) if word in n.nationality]
        return people[0].name if len({n.name for n in people}) == 1 else None

    def resolve(self, token: Token) -> str | None:
        """The named entity a pronoun or a description means, if one is clearly there; None when not."""
        low = token.lower_
        here = (self.sentence, token.i)
        own = self._own_subject(token)
        if own is not None:
            return own
        if _aged(token):  # "the 29-year-old": the person the text is about
            salient = self._salient_person(here)
            return salient.name if salient is not None and not self._rival_since(salient, here) else None
        if low in _PERSONAL:
            gender = _GENDER.get(low)
            # '"He would sing it at birthdays," his daughter said': inside a speaker's own words,
            # "he" or "she" is someone else
            speaker = self.quote_speaker if inside_quotes(token) else None
            # and outside them, no one this sentence names only inside its quotation: '"He was what
            # Elvis was to others," he said' is not Elvis speaking
            quoted = set() if speaker is not None or inside_quotes(token) else self._quoted_here(token, here)
            unlike = quoted | {speaker} if speaker is not None else quoted
            salient = self._salient_person(here, gender, unlike)
            if salient is None:
                people = [n for n in self._recent({"PERSON"}, here, PERSON_REACH) if n.gender in (None, gender)
                          and n.name not in unlike
                          and not n.placed and not (n.at[0] == here[0] and _done_to_by_a_pronoun(token.doc[n.at[1]]))]
                subjects = [n for n in people if n.subject_at is not None and n.subject_at < here
                            and here[0] - n.subject_at[0] <= PERSON_REACH]
                # the person last named as a clause's subject, not one named since only as an object
                # ("Hale ... When he refused to back leader Tom Baird, he said": Hale)
                found = max(subjects, key=lambda n: n.subject_at or here).name if subjects else \
                    people[-1].name if people else None
            else:
                found = None if self._rival_since(salient, here, gender, self._apart(quoted)) else salient.name
            if found is not None and token.dep_ in ("nsubj", "nsubjpass"):
                self._carry(found, here, gender)
            return found
        if low in _FIRST_PERSON:
            return self.quote_speaker if inside_quotes(token) else None
        if low in _IT:
            return None if _expletive(token) else self._latest({"ORG"}, here, IT_REACH)
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) \
                and not named_noun(token):
            found = self._described(token, here)  # not "the Herald newspaper": named where it stands
            if found is not None and token.dep_ in ("nsubj", "nsubjpass"):
                self._carry(found, here, None)  # "The home secretary has admitted ... . He has apologised"
            return found
        return None

    def _carry(self, name: str, here: tuple[int, int], gender: str | None) -> None:
        """"She" resolved as a subject keeps that person what the text is about: the next "she" means
        her too, however many sentences back her name was ("Davenport ... . She was due to play.
        ... , she said"); and she is no longer what a "he" can mean."""
        person = next((n for n in self.named if n.name == name and n.label == "PERSON"), None)
        if person is None:
            return
        if person.subject_at is None or person.subject_at < here:
            person.subject_at = here
        person.gender = person.gender or gender

    def _own_subject(self, token: Token) -> str | None:
        """A possessive "his", "her", "its", "their" is the named subject of its own clause before it
        when that fits ("Hewitt played down his defeat": Hewitt's)."""
        if token.dep_ != "poss" or token.lower_ not in _POSSESSIVES:
            return None
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        if subject is None or subject.i > token.i or subject.pos_ == "PRON" or token in subject.subtree:
            return None
        name = self.name_of(subject)
        return name if name is not None and self.fits(token, name) else None

    def _described(self, token: Token, here: tuple[int, int]) -> str | None:
        head = token.lemma_.lower()
        if head in _ORG_HEADS:
            recent = self._recent({"ORG"}, here, ORG_REACH)
            named = [n for n in recent if head in n.name.lower() or _of_kind(head, n)]
            grouped = [n for n in recent if _of_group(head, n) and n not in named]
            if not named and grouped:
                return self._group_unrivalled(grouped[-1], here)
            if named or head in _PUBLIC_HEADS:
                return named[-1].name if named else None  # "the government" is no pollster named before
            bodies = [n for n in recent if not n.cited and not _public(n.name)
                      and not _other_kind(head, n) and not (n.placed and head not in _ANY_BODY)]
            # "the newspaper reported" is not "airline Qantas", nor "Budget" of "Budget airline Jetlink"
            if not bodies:
                return None  # "the firm" is no statistics office nor a cited paper
            topical = [n for n in bodies if n.subject_at is not None and here[0] - n.subject_at[0] <= 1]
            return max(topical, key=lambda n: n.subject_at or here).name if topical else bodies[-1].name
        if head in _PLACE_HEADS:
            return self._latest({"GPE"}, here, ORG_REACH)
        if self.lex.supersense(head) == "noun.person":
            qualifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")} - _PASSING
            titled = [n for n in self._recent({"PERSON"}, here, PERSON_REACH * 2)
                      if head in n.titles and qualifiers <= n.titles]  # "the prime minister" is no welfare minister
            if titled:
                return titled[-1].name
            if qualifiers:
                return None  # "the prime minister" after "welfare minister Frank Field": someone else
            near = self._recent({"PERSON"}, here, 1)  # "Bellamy ... . The player said": the one person just named
            # but one who acts for another is not whoever was named last: "to oust chairman Zheng Li.
            # The spokesman did not say why" (a striker is still "the player", a host "the presenter")
            return near[0].name if len(near) == 1 and (head not in _FOR_ANOTHER or head in near[0].titles) else None
        return None

    def _group_unrivalled(self, body: Named, here: tuple[int, int]) -> str | None:
        """The body "the team" means when it was the acting "NRF team" and no other body has been named
        or was a subject since ("Rovers beat the Albion team ... . Rovers' coach said the team had
        played well": not Albion); else None, since either side's team could be meant."""
        since = body.grouped_at or here
        rivals = any(n is not body and n.label == "ORG" and (since < n.at < here or (
            n.subject_at is not None and since < n.subject_at < here)) for n in self.named)
        return None if rivals else body.name

    def _quoted_here(self, token: Token, here: tuple[int, int]) -> set[str]:
        """The people last named in this sentence, before ``here``, inside its quotation marks."""
        return {n.name for n in self.named if n.label == "PERSON" and n.at[0] == here[0] and n.at < here
                and quote_state(token.doc, n.at[1])}

    def _apart(self, names: set[str]) -> set[str]:
        """Those of ``names`` that share no word with another person the article named: "Harry" in a
        quotation may be "Harry Redknapp", and so is still a rival for a "he" outside it."""
        others = [set(n.name.lower().split()) for n in self.named if n.label == "PERSON"]
        return {name for name in names
                if not any(o != set(name.lower().split()) and o & set(name.lower().split()) for o in others)}

    def _salient_person(self, here: tuple[int, int], gender: str | None = None,
                        besides: set[str] = frozenset()) -> Named | None:
        """The person last named as a clause's subject, in this sentence before ``here`` or in the one
        before: "he" or "she" continues who the text was about (Arnold, not Kent, in "Arnold, from
        Dartford in Kent, described her victory ... she said")."""
        found = [n for n in self.named if n.label == "PERSON" and n.subject_at is not None and n.subject_at <= here
                 and here[0] - n.subject_at[0] <= 1 and (gender is None or n.gender in (None, gender))
                 and n.name not in besides]
        return max(found, key=lambda n: n.subject_at or here) if found else None

    def _rival_since(self, salient: Named, here: tuple[int, int], gender: str | None = None,
                     besides: set[str] = frozenset()) -> bool:
        """Another person named after ``salient`` was the subject and before ``here`` ("Judge Reyes
        sentenced Weller. He had ...": either): the pronoun is left unresolved. A name read as a
        place ("in Kent") is no rival, nor one a "he" or "she" cannot mean (a woman for "he")."""
        since = salient.subject_at or here
        return any(n is not salient and n.label == "PERSON" and since < n.at < here and not n.placed
                   and n.name not in besides
                   and (gender is None or n.gender in (None, gender)) for n in self.named)

    def _recent(self, labels: set[str], here: tuple[int, int], reach: int) -> list[Named]:
        return sorted((n for n in self.named if n.label in labels and n.at < here and here[0] - n.at[0] <= reach),
                      key=lambda n: n.at)

    def _latest(self, labels: set[str], here: tuple[int, int], reach: int) -> str | None:
        found = self._recent(labels, here, reach)
        return found[-1].name if found else None


# Words said of a person that tell whether "he" or "she" can mean them ("Mrs Campbell", "her
# husband, Edward Addison", "actress Jane Doe").
_MALE = frozenset({"mr", "sir", "lord", "husband", "father", "son", "brother", "king", "prince", "actor", "man",
                   "boy", "uncle", "nephew", "grandfather", "chairman", "spokesman", "businessman", "sportsman"})
_FEMALE = frozenset({"mrs", "ms", "miss", "lady", "dame", "wife", "mother", "daughter", "sister", "queen",
                     "princess", "actress", "woman", "girl", "aunt", "niece", "grandmother", "chairwoman",
                     "spokeswoman", "businesswoman", "sportswoman"})


# Kinds of body that one body can be called by either word ("airline Qantas ... the carrier").
_SAME_KIND = ({"airline", "carrier"}, {"newspaper", "paper"}, {"bank", "lender"}, {"maker", "manufacturer"},
              {"broadcaster", "network"}, {"watchdog", "regulator"})
# Words for any body, whatever kind it was called before ("airline Qantas ... the company").
_ANY_BODY = {"company", "firm", "group", "business", "corporation", "organisation", "organization", "body", "giant"}


def _kinds(ent: Span) -> set[str]:
    """The common nouns an organisation's mention calls it: "Australian airline Qantas" -> {"airline"},
    "Yili, the milk firm" -> {"firm"}, "the retailer, Kestrel," -> {"retailer"}."""
    doc = ent.doc
    out = set()
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ == "NOUN" and not doc[i].ent_type_:
        out.add(doc[i].lemma_.lower())
        i -= 1
    out |= {c.lemma_.lower() for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        out.add(ent.root.head.lemma_.lower())
    return out & _ORG_HEADS


def _groups(ent: Span) -> set[str]:
    """The group a name qualifies, which "the team" or "the board" can then mean it by: "the Castra team"
    -> {"team"}. Not a kind of body the name is ("an SNP council" does not make the SNP no
    party), and never a public body ("the council" is not the SNP's because of that phrase)."""
    head = ent.root.head
    if ent.root.dep_ != "compound" or head.pos_ != "NOUN" or head.i < ent.root.i:
        return set()
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return set()  # "Rovers beat the Albion team": a team acted on is not what "the team" goes on with
    return {head.lemma_.lower()} & _PRIVATE_HEADS


def _called(head: str, words: set[str] | frozenset[str]) -> bool:
    """``head`` or a word for the same kind of body is among ``words``."""
    return head in words or any(head in kind and words & kind for kind in _SAME_KIND)


def _of_kind(head: str, n: Named) -> bool:
    """``n`` was called a ``head`` (or a word for the same kind of body)."""
    return _called(head, n.kinds)


def _of_group(head: str, n: Named) -> bool:
    """``n`` was named before a ``head`` (or a word for the same kind of body): "the Castra team" for
    "the team", "the Mirror newspaper" for "the paper"."""
    return _called(head, n.groups)


def _other_kind(head: str, n: Named) -> bool:
    """``n`` was called another kind of body than ``head`` ("the newspaper" after "airline Qantas")."""
    return head not in _ANY_BODY and bool(n.kinds - _ANY_BODY) and not _of_kind(head, n)


# Roles held on behalf of someone else: "the spokesman", "the lawyer" is never the principal just named.
_FOR_ANOTHER = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "solicitor", "barrister",
                          "agent", "aide", "adviser", "advisor", "representative", "publicist"})


def _titled_gender(ent: Span) -> str | None:
    """"m" or "f" when a word said of the name right before it, or the noun it is in apposition to,
    tells (a title, a family word, "actress"); else None."""
    doc = ent.doc
    words = [doc[ent.start - 1].lower_] if ent.start > 0 else []
    words.append(ent[0].lower_)
    if ent.root.dep_ == "appos":
        words.append(ent.root.head.lower_)
    if any(w in _MALE for w in words):
        return "m"
    return "f" if any(w in _FEMALE for w in words) else None


def _done_to_by_a_pronoun(name: Token) -> bool:
    """"When he refused to support Tom Baird ..., he said": a person named as what a "he" or "she"
    acts on is not that pronoun, nor the next one that goes on with it."""
    if name.dep_ not in ("dobj", "pobj", "dative"):
        return False
    verb = next((a for a in name.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_ in _PERSONAL
        verb = verb.head if verb.dep_ == "xcomp" else None  # "he refused to support": his supporting
    return False


def _bare_name(token: Token) -> bool:
    """A word that can be a surname standing alone: a proper noun, or a capitalised word the model
    took for a common noun at the head of a sentence ("Tanner would not be pressed"), with no
    determiner ("The Times" is no one)."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.text[1:].islower() \
        and not any(c.dep_ in ("det", "poss") for c in token.children)


def _modifier(ent: Span) -> bool:
    """A name that only qualifies a common noun ("the Morrison cabinet", "the Blair years"): the
    person is not there to act, nor to be what a "he" means."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" and root.head.i > root.i


def _nationality(ent: Span) -> set[str]:
    """The nationality words said with a person's name, inside the name the model tagged or right
    before it ("Russian Igor Petrov", "Germany's Jan Kolb" is not one: a country, not a people)."""
    doc = ent.doc
    words = set()
    i = ent.start - 1
    while i >= 0 and doc[i].ent_type_ == "NORP":
        words.add(doc[i].lower_)
        i -= 1
    for t in ent:
        if t.pos_ in ("PROPN", "ADJ") and t.lower_.endswith(_DEMONYM_ENDINGS) and t.i < ent.end - 1 \
                and t.dep_ in ("compound", "amod"):
            words.add(t.lower_)  # "Russian" inside the PERSON span: tagged with the name
    return words


# How English names of peoples end ("Russian", "Swedish", "Chinese", "Swede", "Spaniard", "Brazilian").
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ard", "ede", "ch")


def _the_one(token: Token, ent: Span) -> bool:
    """"the Russian", "the Swede": one person described by nationality (not "the French", a people)."""
    return len(ent) == 1 and token.tag_ in ("NNP", "JJ", "NN") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def plural_description(name: str) -> bool:
    """A source written as a plural common noun ("reports", "industry analysts"), not a name."""
    last = name.split()[-1] if name.split() else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _public(name: str) -> bool:
    """A name of a public body ("Office for National Statistics", "Ministry of Defence")."""
    return any(w.lower() in _PUBLIC_HEADS for w in name.split())


def _aged(token: Token) -> bool:
    """"the 29-year-old": a description of a person by age, after a determiner."""
    return token.lower_ == "old" and any(c.lemma_.lower() == "year" for c in token.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def without_title(name: str, lex: EventLexicon) -> str:
    """"mayor Ana Ruiz", "President Ana Ruiz" -> "Ana Ruiz": a name without the role words before it
    (nouns for people in WordNet), when a first and last name remain."""
    words = name.split()
    while len(words) > 2 and lex.supersense(words[0].lower()) == "noun.person" and words[1][:1].isupper() \
            and (words[0].islower() or not any(lex.supersense(w.lower()) for w in words[1:])):
        words = words[1:]  # never "National" of "National Intelligence Service": the rest is no one's name
    return " ".join(words)


def _expletive(it: Token) -> bool:
    """"it" that stands for nothing: the subject of a passive or of "be" whose clause follows ("it was
    put to Mr Kinnock that ...", "it is likely that ...")."""
    head = it.head
    clause = any(c.i > head.i and (c.dep_ in ("ccomp", "csubj") or c.dep_ == "advcl" and c.left_edge.lower_ == "that")
                 for c in head.children)  # not an infinitive: "it was forced to close" is the bank
    passive = it.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in head.children)
    return it.dep_ == "expl" or (clause and (passive or (head.lemma_ == "be" and it.dep_ == "nsubj")))


def _is_subject(ent: Span) -> bool:
    """The name is a clause's subject ("Mr Milburn gave", "Arnold, from Kent, described")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head  # "A spokesman for the agency, Dean Ross, said": Ross is the subject
    return root.dep_ == "nsubj" or (root.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in root.head.children))


def entity_text(ent: Span) -> str:
    return written(ent.doc, ent.start_char, ent.end_char).strip()


def _entity_at(token: Token) -> Span | None:
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


_QUOTES = {'"', "“", "”", "«", "»"}


def inside_quotes(token: Token) -> bool:
    """Whether ``token`` stands inside a quotation: the quote marks before it in its sentence open
    and close one ("…" and ‘…’ by their shape, straight marks in turn), starting from whether the
    sentence began inside a quotation the sentence before it opened (``doc.user_data["quote_open"]``)."""
    return quote_state(token.doc, token.i)


def quote_state(doc: Doc, end: int) -> bool:
    """Whether a quotation is open just before token ``end`` of ``doc``. A straight mark faces the
    way its spaces show: after a space and against a word it opens, against the word before it
    closes; only a mark with words (or spaces) on both sides turns the state over. News style opens
    each further sentence of one speaker's quotation again without closing the one before
    ('"I did not know. "I was never asked."'), and that second mark opens, it does not close."""
    opened = bool(doc.user_data.get("quote_open", False))
    if end < 0:
        end = max(len(doc) + end, 0)
    return _quote_states(doc, opened)[min(end, len(doc))]


def _quote_states(doc: Doc, opened: bool) -> list[bool]:
    """Whether a quotation is open before each token of ``doc`` and after its last, read once per
    sentence (the extractor asks of most of its tokens) and kept with it."""
    key = ("consilience.quote_states", opened)
    states: list[bool] | None = doc.user_data.get(key)
    if states is None:
        states = [opened]
        for t in doc:
            if t.text in ("“", "«"):
                opened = True
            elif t.text in ("”", "»"):
                opened = False
            elif t.text == '"':
                facing = _facing(t)
                opened = not opened if facing is None else facing
            states.append(opened)
        doc.user_data[key] = states
    return states


def _facing(mark: Token) -> bool | None:
    """True for a straight quote mark that opens (space or start before it, a word right after),
    False for one that closes (a word right before it, a space, the end or punctuation after), None
    when its spaces do not tell ('said."The', 'a " b')."""
    doc = mark.doc
    spaced_before = mark.i == 0 or bool(doc[mark.i - 1].whitespace_)
    nxt = doc[mark.i + 1] if mark.i + 1 < len(doc) else None
    if nxt is None and mark.i > 0 and spaced_before and not doc.user_data.get("spaced_end", False):
        # 'more than anything. "We': the next sentence's opening mark, left at this one's end. With a
        # space after it in the article ('the football world. " England's players') it has spaces on
        # both sides and turns the state over like any other: after a quotation it closes it.
        return True
    spaced_after = nxt is None or bool(mark.whitespace_) or nxt.is_punct and nxt.text != '"'
    if spaced_before and not spaced_after:
        return True
    if spaced_after and not spaced_before:
        return False
    return None
