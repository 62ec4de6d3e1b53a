"""The folders are in the order the data flows: no stage imports a later one (imports inside
functions count too)."""

from __future__ import annotations

from consilience import keys

# Bottom first. A package may import its own layer and the ones before it.
LAYERS: list[set[str]] = [
    {"records", "errors", "workers", "lazy", "jsontext"},  # records, errors, worker processes, names loaded on first use, JSON text
    {"lexicon"},          # shared vocabulary: gazetteer, month/weekday/number words, cues
    {"timex"},
    {"ingest", "fetch"},
    {"clean"},
    {"flags"},            # reliability signals: functions over records, run at three points
    {"meta"},
    {"claims"},
    {"reconcile"},
    {"keys", "store"},
    {"report"},
    {"pipeline"},
    {"serve"},
    {"cli"},
    {"", "__main__"},     # the package's own __init__: the public surface
]
# Imports still pointing up, each to be moved down a layer. Each entry must still happen: when it
# is gone, delete it here, so the list only shrinks. (Empty since the vocabulary moved to lexicon/.)
KNOWN: set[tuple[str, str]] = set()


def layer_of(package: str) -> int:
    for n, names in enumerate(LAYERS):
        if package in names:
            return n
    raise AssertionError(f"consilience.{package} is in no layer: add it to LAYERS in tests/test_layers.py "
                         "at its place in the data flow")


def upward_imports() -> set[tuple[str, str, str, str]]:
    """(package, imported package, module, imported module) for every import of a later layer."""
    found = set()
    for module in keys.every_module():
        here = module.split(".")[1] if "." in module else ""
        for target in keys.imported_modules(module):
            there = target.split(".")[1]
            if layer_of(there) > layer_of(here):
                found.add((here, there, module, target))
    return found


def test_no_stage_imports_a_later_one() -> None:
    new = sorted(f"{m} imports {t}" for here, there, m, t in upward_imports() if (here, there) not in KNOWN)
    assert not new, "a stage imports a later one (move the shared part down a layer): " + "; ".join(new)


def test_the_known_exceptions_still_exist() -> None:
    gone = KNOWN - {(here, there) for here, there, _, _ in upward_imports()}
    assert not gone, f"no longer imported, remove from KNOWN in tests/test_layers.py: {sorted(gone)}"


def test_the_import_graph_sees_imports_inside_functions() -> None:
    assert "consilience.claims" in keys.imported_modules("consilience.pipeline")  # imported where it runs


# Later stages that read an earlier one's records, never its code: reconcile works from stored
# claims (bench/rereconcile.py re-reconciles with no extractor); what both need sits in lexicon/.
APART: set[tuple[str, str]] = {("reconcile", "claims")}


def test_reconcile_reads_claims_only_as_records() -> None:
    found = sorted(f"{module} imports {target}" for module in keys.every_module()
                   for target in keys.imported_modules(module)
                   if "." in module and (module.split(".")[1], target.split(".")[1]) in APART)
    assert not found, "move what both stages need to lexicon/: " + "; ".join(found)
