"""Words the generated parts of a page show, per language (English is the fallback)."""

LABELS = {
    "en": {
        "caption": (
            "What this example printed and the SQL it sent, recorded when this page was built"
        ),
        "sql": "SQL sent",
        "line": "line",
        "step": "step",
        "object": "Python object",
        "session": "state in the Session",
        "this_transaction": "this transaction sees",
        "other_connection": "another connection sees",
        "untranslated": ("Not translated yet", "This page is not translated yet."),
        "transaction": "transaction",
        "lifecycle_title": "The states of an object and the calls that move it between them",
        "timeline_title": "One change from add() to commit(): SQL sent, and who sees the row",
    },
    "es": {
        "caption": (
            "Lo que este ejemplo imprimió y el SQL que envió, registrados al generar esta página"
        ),
        "sql": "SQL enviado",
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
        "transaction": "transacción",
        "lifecycle_title": "Los estados de un objeto y las llamadas que lo llevan de uno a otro",
        "timeline_title": "Un cambio de add() a commit(): el SQL enviado y quién ve la fila",
    },
}


def label(key: str, lang: str):
    return LABELS.get(lang, {}).get(key) or LABELS["en"][key]
