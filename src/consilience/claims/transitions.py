"""spaCy's dependency parser and entity recogniser, decoded with the GIL held.

spaCy 3.8's wheels run the greedy transition loop (``Parser._parseC``) with the GIL released, but the
state accessors it calls for every action of every step (``StateC.B``, ``StateC.S``: which token is
next in the buffer, on the stack) were compiled by Cython 3 to take and give back the GIL around
their body (``PyGILState_Ensure``/``Release``; ``objdump -d`` of ``stateclass*.so`` shows it). With
the GIL released, each of those is a lock, an unlock and a condition signal: the entity
recogniser tests the validity of its ~70 actions on every token, each reading the buffer, and the
loop spent most of its time there (``perf``: mutex lock/unlock a quarter of the recogniser).

Here the same loop runs through the parser's own Python-level pieces (``moves.init_batch``, the
step model's ``predict``, ``transition_states``), which hold the GIL, so each accessor's GIL call is
a counter increment. The step model computes the scores from the same weights through the same
BLIS calls as ``_parseC`` (the output layer stays on BLIS, see ``parse.with_numpy_gemm``), so the
transitions, and so the parses and entities, are spaCy's own: a test compares them token by token.
On 3,666 BBC News sentences: the parser 3.7-4.2 s -> 1.4-1.8 s, the recogniser 11.4-12.6 s -> 5.4-6.7 s
(one process, /tmp A/B runs on the shared machine); identical heads, labels and entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.pipeline import DependencyParser, EntityRecognizer
from spacy.tokens import Doc
from spacy.util import minibatch


def decodes_here(component: object) -> bool:
    """True for the greedy transition-based components this module decodes (beam search stays spaCy's)."""
    return isinstance(component, DependencyParser | EntityRecognizer) and component.cfg.get("beam_width", 1) == 1


def transition_pipe(component: Any, docs: Iterable[Doc], *, batch_size: int) -> Iterator[Doc]:
    """What ``Parser.pipe`` gives, in the same batches: each batch sorted by length and decoded in
    sub-batches of a quarter of it, the documents coming back in their order."""
    for batch in minibatch(docs, size=batch_size):
        for sub in minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
            component.set_annotations(sub, greedy_states(component, sub))
        yield from batch


def greedy_states(component: Any, docs: Sequence[Doc]) -> list[Any]:
    """The final states of ``Parser.greedy_parse`` over ``docs``, stepped from Python (GIL held)."""
    states = component.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return list(states)
    component._ensure_labels_are_added(docs)  # noqa: SLF001 - what greedy_parse does first
    step = component.model.predict(docs)
    todo = [s for s in states if not s.is_final()]
    while todo:
        todo = component.transition_states(todo, step.predict(todo))
    step.clear_memory()
    return list(states)
