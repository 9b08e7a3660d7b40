"""How a copied program's stdout is split into its printed lines and SQLAlchemy's log
(programs.split_output), on made-up output: no browser needed."""

from __future__ import annotations

from .programs import split_output

LOG = "2026-12-01 10:00:00,123 INFO sqlalchemy.engine.Engine"


def test_prints_and_statements_of_several_lines_are_told_apart():
    stdout = "\n".join([
        f"{LOG} BEGIN (implicit)",
        f"{LOG} SELECT users.id, users.name ",
        "FROM users",
        "WHERE users.id = ?",
        f"{LOG} [generated in 0.00021s] (1,)",
        "user.name='ana'",
        f"{LOG} ROLLBACK",
        "",
    ])
    split = split_output(stdout, ["user.name='ana'"],
                         ["BEGIN (implicit)", "SELECT users.id, users.name", "FROM users",
                          "WHERE users.id = ?", "[generated] (1,)", "ROLLBACK"])
    assert split.matched
    assert split.printed == ["user.name='ana'"]
    assert split.sql[-2:] == ["[generated] (1,)", "ROLLBACK"]


def test_a_printed_line_after_a_statement_is_not_taken_for_its_last_line():
    """"FROM users" printed by the program, right after a one-line statement."""
    stdout = f"{LOG} COMMIT\nFROM users\n"
    split = split_output(stdout, ["FROM users"], ["COMMIT"])
    assert split.matched and split.printed == ["FROM users"] and split.sql == ["COMMIT"]


def test_a_create_table_message_starts_and_ends_with_blank_lines():
    stdout = f"{LOG} \nCREATE TABLE users (\n\tid INTEGER NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n\n"
    want = ["CREATE TABLE users (", "\tid INTEGER NOT NULL,", "\tPRIMARY KEY (id)", ")"]
    assert split_output(stdout, [], want).matched


def test_other_output_does_not_match():
    stdout = f"{LOG} BEGIN (implicit)\nuser.name='bea'\n"
    split = split_output(stdout, ["user.name='ana'"], ["BEGIN (implicit)"])
    assert not split.matched
    assert split.printed == ["user.name='bea'"] and split.sql == ["BEGIN (implicit)"]
