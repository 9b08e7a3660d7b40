"""sessionguide/ is in layers that import one way (its __init__.py lists them), with no cycle.

Every ``import`` and ``from ... import`` of a sessionguide module is read from the source,
wherever it is (top level or inside a function): a module may import from its own layer and
the layers below it, never from one above, and modules may not import each other in a circle.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

# Not imported from sessionguide: this test must report a broken import graph, not trip on it.
ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sessionguide"
# Bottom to top. The package's own __init__ and __main__ sit outside the layers.
LAYERS = ["paths", "i18n", "run", "blocks", "build", "dev"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def imports_of(path: Path) -> set[str]:
    """The sessionguide modules ``path`` imports (``from a import b`` counts ``a.b`` when that
    is a module, else ``a``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _exists(candidate) else node.module)
    return {name for name in found if name.split(".")[0] == "sessionguide"}


def _exists(module: str) -> bool:
    base = ROOT.joinpath(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_is_in_a_layer() -> None:
    outside = [m for m in MODULES if layer_of(m) is None
               and m not in ("sessionguide", "sessionguide.__main__")]
    assert not outside, f"modules in no layer ({LAYERS}): {outside}"


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_imports_go_down_the_layers(module: str) -> None:
    here = layer_of(module)
    if here is None:
        return  # the package's __init__ and __main__ may import any layer
    upward = [
        f"{module} ({here}) imports {target} ({layer_of(target)})"
        for target in sorted(imports_of(MODULES[module]))
        if layer_of(target) and LAYERS.index(layer_of(target)) > LAYERS.index(here)
    ]
    assert not upward, "imports from a higher layer:\n" + "\n".join(upward)


def test_no_import_cycle() -> None:
    graph = {m: {t for t in imports_of(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    # A package's __init__ importing its own modules is how a package is assembled, not a cycle.
    for module, targets in graph.items():
        if MODULES[module].name == "__init__.py":
            targets -= {t for t in targets if t.startswith(module + ".")}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}", pytrace=False)


def test_only_the_command_line_parses_arguments() -> None:
    parsing = [m for m, p in MODULES.items() if m != "sessionguide.dev.cli"
               and ("argparse" in p.read_text(encoding="utf-8")
                    or "sys.argv" in p.read_text(encoding="utf-8"))]
    assert not parsing, f"only sessionguide/dev/cli.py parses arguments: {parsing}"
