"""MkDocs hooks (listed under ``hooks:`` in mkdocs.yml): each one hands over to a module.

MkDocs loads this file afresh with every configuration (each ``mkdocs serve`` rebuild), so it
keeps no state that must outlive a build; the modules it calls do.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from watchdog.observers.polling import PollingObserver

from sessionguide.blocks import deferred
from sessionguide.blocks.page import runs_shown, set_current
from sessionguide.build import (
    checks,
    language_sites,
    notices,
    rebuilds,
    search_forms,
    serve_log,
    theme,
    ui_strings,
)
from sessionguide.build.browser_runtime import add_to_page, runtime_files
from sessionguide.build.glossary_links import link_first_uses
from sessionguide.i18n.languages import english_source, language_of
from sessionguide.run import cache


def on_startup(command, dirty):
    if command == "serve":
        serve_log.install()
        rebuilds.serving(dirty)
        # Stopped with SIGTERM (kill, a test), MkDocs ends as on Ctrl-C: it removes its
        # temporary site directory only then.
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def on_config(config):
    theme.reuse_across_builds(config.theme)
    search = config.plugins.get("material/search")
    if search is not None and not search.config.enabled:
        # Off under make serve; mkdocs-static-i18n expects an enabled search plugin if any.
        del config.plugins["material/search"]
    return config


def on_serve(server, config, builder):
    # MkDocs looks for saved changes every 0.5 s, a quarter of a second on average before a
    # rebuild starts; every 0.1 s costs little for the few hundred files it watches here.
    watched = list(getattr(server, "_watch_refs", {}))
    if watched and not server.observer.is_alive():
        for path in watched:
            server.unwatch(path)
        server.observer = PollingObserver(timeout=0.1)
        for path in watched:
            server.watch(path)
    return server


def _searching(config) -> bool:
    return "material/search" in config.plugins


def on_pre_build(config):
    if not config.plugins["i18n"].building:  # the first language: a new build
        _unfilled.clear()
        if rebuilds.is_serving():
            rebuilds.start(config["nav"])
        # Once for both languages: runs_shown() reads every language's pages. (A run saved in
        # between would still run, synchronously, when its page asks for it.)
        _start_running(runs_shown())


def _start_running(runs) -> None:
    """Before any page. PostgreSQL starts here only if a run on it is not cached (its start
    stays out of the edit loop); without it, pages would be published without the PostgreSQL
    output they promise."""
    from sessionguide.run.postgres import PostgresUnavailable

    try:
        cache.start_running(runs)
    except PostgresUnavailable as error:
        raise PluginError(f"PostgreSQL, which examples run on beside SQLite, could not start: "
                          f"{error}") from None


def _building(config) -> str:
    return config.theme["language"]


def on_files(files, config):
    if not config.plugins["i18n"].building:  # once, in the first language's build
        checks.stray_files(files, Path(config.docs_dir))
        for file in runtime_files(config):  # the browser's Python, in site/pyodide/
            files.append(file)
    return files


# After mkdocs-static-i18n's on_files (priority -100), which makes the files, and its on_nav
# (-100), which translates the titles a full build has at that point (none from pages).
@event_priority(-110)
def on_nav(nav, config, files):
    rebuilds.mark(files)
    return nav


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    set_current(src)
    building, written_in = _building(config), language_of(src)
    if building == written_in:  # each page once, in the build of its own language
        checks.front_matter(markdown, page.meta, src)
    if building != written_in:
        return notices.below_title(notices.untranslated_notice(building), markdown)
    if written_in != config.plugins["i18n"].default_language:
        english = Path(config.docs_dir) / english_source(src)
        notice = notices.outdated_notice(english, page.meta, page.url, written_in)
        return notices.below_title(notice, markdown) if notice else markdown
    return markdown


def on_page_content(html, page, config, files):
    set_current(None)
    building = _building(config)
    if english_source(page.file.src_uri) != "glossary.md":
        default = config.plugins["i18n"].default_language
        root = "" if building == default else f"{building}/"
        lang = language_of(page.file.src_uri)
        html = link_first_uses(html, lang, page.url, f"{root}glossary/")
    if not _searching(config):
        return html
    # Material's search parses each page's HTML, and most of its tags are the <span>s of
    # highlighted code, whose text it keeps and tags it drops: it indexes the same text
    # without them, in a fraction of the time. on_page_context gives the page its HTML back.
    _full_html[page.file.src_uri] = html
    return _SPAN.sub("", html)


_SPAN = re.compile(r"</?span\b[^>]*>")
_full_html: dict[str, str] = {}


@event_priority(-100)  # after Material's search (priority 0) has indexed the page
def on_page_context(context, page, config, nav):
    if page.file.src_uri in _full_html:
        page.content = _full_html.pop(page.file.src_uri)
    return context


def on_env(env, config, files):
    ui_strings.add_to_env(env, _building(config))  # the theme's words (overrides/)
    return env


def on_post_page(output, page, config):
    rebuilds.built(page)
    default = config.plugins["i18n"].default_language
    output = language_sites.point_alternates_at_language_roots(output, page.url, default)
    output = ui_strings.localize_permalinks(output, _building(config),
                                            ui_strings.permalink_title(config))
    if _building(config) != default:
        output = language_sites.point_base_at_language_root(output, _building(config))
    output = add_to_page(output, page.url, _building(config))  # the Run buttons' settings
    if deferred.pending(output):
        if deferred.ready(output):
            output = deferred.fill(output)
        else:
            _unfilled.append(Path(page.file.abs_dest_path))  # filled in by on_post_build
            return output
    deferred.check_filled(output, f"docs/{page.file.src_uri}")
    return output


_unfilled: list[Path] = []


def _fill_unfilled() -> None:
    unfilled = _unfilled[:]
    _unfilled.clear()
    deferred.fill_files(unfilled)


def on_build_error(error):
    # A later language's build failed (a strict build stops there, before on_post_build):
    # the pages written so far still get their output, and their examples' errors logged.
    _fill_unfilled()


def on_post_template(output, template_name, config):
    language_sites.remember_template(_building(config), template_name, output)
    return output


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    _fill_unfilled()
    site = Path(config.site_dir)
    base = urlsplit(config.site_url or "/").path or "/"
    language_sites.write_templates(site, i18n.default_language, base.rstrip("/") + "/")
    if (site / "search" / "search_index.json").exists():  # not under make serve
        language_sites.split_search_index(site, i18n.build_languages, i18n.default_language,
                                          search_forms.add_forms)
    if rebuilds.is_serving():
        rebuilds.succeeded()
        serve_log.report(rebuilds.summary())
