"""Words the generated parts of a page show, per language (English is the fallback)."""

LABELS = {
    "en": {
        "caption": (
            "What this example printed and the SQL it sent, recorded when this page was built"
        ),
        "sql": "SQL logged",
        "example_failed": "This example failed",
        "line": "line",
        "step": "step",
        "object": "Python object",
        "session": "state in the Session",
        "this_transaction": "this transaction sees",
        "other_connection": "another connection sees",
        "untranslated": ("Not translated yet", "This page is not translated yet."),
        "outdated_notice": (
            "This translation may be out of date",
            "The English page has changed since this page was translated:",
            "read the English page",
        ),
        "status_page": "page",
        "status_language": "language",
        "status_state": "translation",
        "up to date": "✅ up to date",
        "outdated": "⚠️ outdated",
        "missing": "❌ missing",
        "not translated yet": "➖ not translated yet (listed in i18n/not-translated.txt)",
        "transaction": "transaction",
        "sqlalchemy20_labels": (
            "With SQLAlchemy 2.0, some `SELECT` statements of this example label their columns "
            "(`users.id AS users_id`); apart from that, and from SQLAlchemy's version number, "
            "it prints the same."
        ),
        "sqlalchemy20_behaviour": (
            "With SQLAlchemy 2.0, this example prints something different: the text around "
            "it says what and why."
        ),
        "lifecycle_title": "The states of an object and the calls that move it between them",
        "timeline_title": "One change from add() to commit(): the SQL logged, and who sees the row",
    },
    "es": {
        "caption": (
            "Lo que este ejemplo imprimió y el SQL que envió, registrados al generar esta página"
        ),
        "sql": "SQL en el log",
        "example_failed": "Este ejemplo ha fallado",
        "line": "línea",
        "step": "paso",
        "object": "objeto de Python",
        "session": "estado en la sesión",
        "this_transaction": "lo que ve esta transacción",
        "other_connection": "lo que ve otra conexión",
        "untranslated": (
            "Aún sin traducir",
            "Esta página todavía no está traducida al español: se muestra la versión en inglés.",
        ),
        "outdated_notice": (
            "Esta traducción puede estar desactualizada",
            "La página en inglés ha cambiado desde que se tradujo esta:",
            "lee la página en inglés",
        ),
        "status_page": "página",
        "status_language": "idioma",
        "status_state": "traducción",
        "up to date": "✅ al día",
        "outdated": "⚠️ desactualizada",
        "missing": "❌ falta",
        "not translated yet": "➖ aún sin traducir (en i18n/not-translated.txt)",
        "transaction": "transacción",
        "sqlalchemy20_labels": (
            "Con SQLAlchemy 2.0, algunas sentencias `SELECT` de este ejemplo ponen etiquetas a "
            "sus columnas (`users.id AS users_id`); aparte de eso, y del número de versión de "
            "SQLAlchemy, imprime lo mismo."
        ),
        "sqlalchemy20_behaviour": (
            "Con SQLAlchemy 2.0, este ejemplo imprime algo distinto: el texto de alrededor "
            "explica qué y por qué."
        ),
        "lifecycle_title": "Los estados de un objeto y las llamadas que lo llevan de uno a otro",
        "timeline_title": "Un cambio de add() a commit(): el SQL del log y quién ve la fila",
    },
}


def label(key: str, lang: str):
    return LABELS.get(lang, {}).get(key) or LABELS["en"][key]
