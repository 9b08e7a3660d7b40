"""The theme's work that MkDocs would redo for every language and every rebuild, done once.

MkDocs builds each language, and each ``mkdocs serve`` rebuild, with a new Jinja environment:
it compiles the theme's templates again and walks the whole theme directory (thousands of
icons) again to list the files to copy. The theme is installed, so neither changes while the
process runs. This module lives in the package, not in the hooks file, because MkDocs loads
the hooks file afresh with every configuration, which would forget both.
"""

from __future__ import annotations

from jinja2 import BytecodeCache


class _CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()
_listed: dict[tuple, list[str]] = {}


def reuse_across_builds(theme) -> None:
    """Make ``theme.get_env()`` reuse compiled templates and the list of theme files."""
    get_env = theme.get_env

    def get_env_reusing():
        env = get_env()
        env.bytecode_cache = _compiled
        list_templates = env.list_templates

        def list_templates_once(extensions=None, filter_func=None):
            # MkDocs' filter (which files are assets) depends on the theme's settings only
            key = (tuple(theme.dirs), tuple(theme.static_templates), extensions,
                   getattr(filter_func, "__code__", None))
            if key not in _listed:
                _listed[key] = list_templates(extensions, filter_func)
            return _listed[key]

        env.list_templates = list_templates_once
        return env

    theme.get_env = get_env_reusing
