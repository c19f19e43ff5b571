"""Opening an up-to-date library does not load Alembic: the scripts' own revision lines say
what the head is. Those lines must give Alembic's answer, whatever migrations are added."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from editor_app.core.storage import _alembic_config, migration_heads, upgrade_to_head


def test_the_heads_read_from_the_scripts_are_alembics():
    assert migration_heads() == frozenset(ScriptDirectory.from_config(_alembic_config()).get_heads())


def test_an_up_to_date_database_is_recognised_and_an_older_one_still_migrates(tmp_path):
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{tmp_path / 'library.db'}")
    upgrade_to_head(engine, target="0001")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert {connection.execute(text("SELECT version_num FROM alembic_version")).scalar()} == set(migration_heads())
    upgrade_to_head(engine)  # the fast path: nothing to do, nothing changes
    with engine.connect() as connection:
        assert {connection.execute(text("SELECT version_num FROM alembic_version")).scalar()} == set(migration_heads())
    engine.dispose()
