"""The arrows point down: `knowledge` imports no chat SDK, no web framework and nothing of
`bot` or `dialogs`; `dialogs` does not import `bot`; each room of `knowledge` imports only
the rooms its `__init__` docstring names on its "May import:" line.

Imports are read from the source (every `import` and `from ... import`, also those inside
functions), so a lazy import cannot slip past.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "knowledge": ("botbuilder", "botframework", "msrest", "aiohttp", "bot", "dialogs", "app"),
    "dialogs": ("bot", "app"),
}
MAY_IMPORT = re.compile(r"^May import:\s*(?P<rooms>.*?)\.?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Imported:
    module: str  # dotted name of the importing module
    target: str  # dotted name it imports
    line: int


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _targets(tree: ast.AST, package: str) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield module, node.lineno
            for alias in node.names:  # "from knowledge import core" imports a room
                yield f"{module}.{alias.name}", node.lineno


def imports_under(root: Path, package: str) -> list[Imported]:
    found = []
    for path in sorted((root / package).rglob("*.py")):
        name = _module_name(root, path)
        own_package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [Imported(name, t, line) for t, line in _targets(tree, own_package)]
    return found


def _is_under(target: str, top: str) -> bool:
    return target == top or target.startswith(top + ".")


def forbidden_imports(root: Path) -> list[str]:
    """One line per import statement that reaches above its package."""
    found = {
        (i.module, i.line): f"{i.module}:{i.line} imports {i.target}"
        for package, banned in FORBIDDEN.items()
        for i in imports_under(root, package)
        if any(_is_under(i.target, top) for top in banned)
    }
    return list(found.values())


def allowed_rooms(root: Path) -> dict[str, set[str]]:
    """Each room of knowledge/ and the rooms its docstring says it may import."""
    rooms = {}
    for init in sorted((root / "knowledge").glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        said = MAY_IMPORT.search(doc)
        if said is None:
            continue
        words = {w.strip() for w in said["rooms"].split(",")}
        rooms[init.parent.name] = set() if words <= {"nothing else in knowledge"} else words
    return rooms


def _room_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[0] == "knowledge") else None


def room_violations(root: Path) -> list[str]:
    rooms = allowed_rooms(root)
    wrong = []
    for i in imports_under(root, "knowledge"):
        source, target = _room_of(i.module), _room_of(i.target)
        if source not in rooms or target is None or not _is_under(i.target, "knowledge"):
            continue
        if target != source and target not in rooms[source]:
            wrong.append(f"{i.module}:{i.line} imports {i.target} (room {source} may not)")
    return wrong


def rooms_without_rule(root: Path) -> list[str]:
    rooms = allowed_rooms(root)
    return [p.name for p in sorted((root / "knowledge").glob("*/")) if p.name not in rooms]


# --- the project as it is ---------------------------------------------------------------


def test_knowledge_and_dialogs_import_nothing_above_them() -> None:
    assert [] == forbidden_imports(ROOT)


def test_every_room_imports_only_the_rooms_it_names() -> None:
    assert [] == room_violations(ROOT)


def test_every_room_says_what_it_may_import() -> None:
    rooms = [p.name for p in (ROOT / "knowledge").iterdir() if (p / "__init__.py").is_file()]
    assert [] == [r for r in rooms if r != "__pycache__" and r not in allowed_rooms(ROOT)]


def test_rooms_name_only_rooms_that_exist() -> None:
    rooms = allowed_rooms(ROOT)
    assert {} == {room: named - set(rooms) for room, named in rooms.items() if named - set(rooms)}


# --- the checker catches what it is for -------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


ROOMS = {
    "knowledge/__init__.py": "",
    "knowledge/core/__init__.py": '"""Core.\n\nMay import: nothing else in knowledge.\n"""\n',
    "knowledge/answers/__init__.py": '"""Answers.\n\nMay import: core.\n"""\n',
    "knowledge/core/models.py": "import json\n",
    "knowledge/answers/query.py": "from knowledge.core import models\n",
    "dialogs/__init__.py": "",
    "bot/__init__.py": "",
}


@pytest.mark.parametrize(
    ("planted", "text"),
    [
        ("knowledge/core/clock.py", "import botbuilder.core\n"),
        ("knowledge/answers/cards.py", "def later():\n    from aiohttp import web\n"),
        ("knowledge/core/names.py", "from bot.teams import chat_id\n"),
        ("knowledge/answers/text.py", "from dialogs import cards\n"),
        ("dialogs/router.py", "from bot.handler import KlyngeBot\n"),
    ],
)
def test_a_planted_import_upwards_is_found(tmp_path: Path, planted: str, text: str) -> None:
    root = _tree(tmp_path, {**ROOMS, planted: text})
    assert 1 == len(forbidden_imports(root))


@pytest.mark.parametrize(
    "text",
    [
        "from knowledge.answers import query\n",
        "from knowledge import answers\n",
        "from ...answers.query import ask\n",
    ],
)
def test_a_room_importing_a_room_it_does_not_name_is_found(tmp_path: Path, text: str) -> None:
    root = _tree(
        tmp_path, {**ROOMS, "knowledge/core/db/__init__.py": "", "knowledge/core/db/x.py": text}
    )
    assert 1 <= len(room_violations(root))


def test_imports_within_a_room_and_downwards_pass(tmp_path: Path) -> None:
    root = _tree(tmp_path, {**ROOMS, "knowledge/answers/more.py": "from . import query\n"})
    assert ([], []) == (room_violations(root), forbidden_imports(root))
