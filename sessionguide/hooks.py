"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml): each one hands over to a module."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache
from mkdocs.plugins import event_priority

from sessionguide import glossary, language_sites, pages, runner, search_forms, translations
from sessionguide.labels import label


class _CompiledTemplates(BytecodeCache):
    """Theme templates compiled once per process, not once per language and rebuild."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_templates = _CompiledTemplates()


def on_env(env, config, files):
    env.bytecode_cache = _templates
    return env


def on_config(config):
    search = config.plugins.get("material/search")
    if search is not None and not search.config.enabled:
        # Off under make serve; mkdocs-static-i18n expects an enabled search plugin if any.
        del config.plugins["material/search"]
    return config


# Per language that has them, the other forms of its words for its search index.
_forms: dict[str, search_forms.Collector] = {}


def _searching(config) -> bool:
    return "material/search" in config.plugins


def on_pre_build(config):
    runner.start_running(pages.snippets_shown())
    if _searching(config):
        for language in config.plugins["i18n"].build_languages:
            if language in search_forms.INFLECTIONS:
                _forms.setdefault(language, search_forms.Collector(language)).start()


def _building(config) -> str:
    return config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    pages.set_current(page.file.src_uri)
    building = _building(config)
    written_in = pages.language_of(page.file.src_uri)
    if building != written_in:
        # mkdocs-static-i18n falls back to the English page silently; say so on the page.
        title, text = label("untranslated", building)
        return f'!!! warning "{title}"\n\n    {text}\n\n{markdown}'
    if written_in != config.plugins["i18n"].default_language:
        english = Path(config.docs_dir) / pages.english_source(page.file.src_uri)
        notice = translations.outdated_notice(english, page.meta, page.url, written_in)
        return (notice or "") + markdown
    return markdown


def on_page_content(html, page, config, files):
    pages.set_current(None)
    building = _building(config)
    if pages.english_source(page.file.src_uri) != "glossary.md":
        default = config.plugins["i18n"].default_language
        root = "" if building == default else f"{building}/"
        lang = pages.language_of(page.file.src_uri)
        html = glossary.link_first_uses(html, lang, page.url, f"{root}glossary/")
    if building in _forms and _searching(config):
        _forms[building].add_page(html)
    return html


def on_post_page(output, page, config):
    default = config.plugins["i18n"].default_language
    output = language_sites.point_alternates_at_language_roots(output, page.url, default)
    if _building(config) != default:
        output = language_sites.point_base_at_language_root(output, _building(config))
    return output


def on_post_template(output, template_name, config):
    language_sites.remember_template(_building(config), template_name, output)
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    site = Path(config.site_dir)
    base = urlsplit(config.site_url or "/").path or "/"
    language_sites.write_templates(site, i18n.default_language, base.rstrip("/") + "/")
    if (site / "search" / "search_index.json").exists():  # not under make serve
        language_sites.split_search_index(site, i18n.build_languages, i18n.default_language,
                                          {lang: c.add_forms for lang, c in _forms.items()})
