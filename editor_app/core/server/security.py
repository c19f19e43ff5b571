"""The newsroom's permissions, enforced by PostgreSQL itself: group roles, GRANTs, row-level
security policies keyed on current_user, triggers that stamp who did what, and the few
SECURITY DEFINER functions through which admins manage people.

A modified client cannot get around any of it: the server refuses. Everything here is
idempotent (`midad server init` runs it after every upgrade) and runs in one transaction.

Who may do what (DESIGN.md §5):
- every person reads the people list, vocabularies and sites, and creates articles;
- a writer reads and edits the articles they created or that are assigned to them;
- editors, chief editors and admins read and edit every article, and alone move an
  article into or out of «ready» and «published» and assign articles;
- chief editors and admins alone delete articles (empty the trash);
- admins alone manage people (through the functions below) and sites;
- a private note is read and written by its owner only, whatever their role.
"""

from __future__ import annotations

from editor_app.core.models import PersonRole
from editor_app.core.server.search import WEIGHTS as SEARCH_WEIGHTS
from editor_app.core.sync.server_rights import sync_security_statements
from editor_app.core.workflow.server_rights import workflow_security_statements

MEMBER_ROLE = "midad_member"  # every person, through their group: the grants go here
GROUP_ROLES = {role: f"midad_{role.value}" for role in PersonRole}
# Ranks: what a policy compares, so that each role has the rights of those below it.
RANKS = {PersonRole.WRITER: 1, PersonRole.EDITOR: 2, PersonRole.CHIEF: 3, PersonRole.ADMIN: 4}
# Tables whose rows belong to an article: a row is visible and writable when its article is.
ARTICLE_CHILD_TABLES = ("article_tags", "assets", "revisions", "status_changes", "remote_posts", "outbox_jobs",
                        "article_search", "article_leases", "article_changes")
REFUSED = "42501"  # insufficient_privilege: what the client names as "not allowed"
PREFIX = "midad: "  # our refusals start with this, so the client can show their sentence


def _roles_sql() -> list[str]:
    statements = [_create_role_if_missing(MEMBER_ROLE)]
    for group in GROUP_ROLES.values():
        statements.append(_create_role_if_missing(group))
        statements.append(f"GRANT {MEMBER_ROLE} TO {group}")
    return statements


def _create_role_if_missing(name: str) -> str:
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} NOLOGIN; END IF; END $$")


_RANK_FUNCTIONS = ["""
CREATE OR REPLACE FUNCTION midad_rank_of(person name) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN pg_has_role(person, 'midad_admin', 'MEMBER') THEN 4
        WHEN pg_has_role(person, 'midad_chief', 'MEMBER') THEN 3
        WHEN pg_has_role(person, 'midad_editor', 'MEMBER') THEN 2
        WHEN pg_has_role(person, 'midad_writer', 'MEMBER') THEN 1
        ELSE 0 END
$$""", "CREATE OR REPLACE FUNCTION midad_rank() RETURNS integer LANGUAGE sql STABLE AS $$ "
       "SELECT midad_rank_of(current_user) $$"]

# Search under row-level security: PostgreSQL may not use the GIN index for a query on a
# table with policies, because the @@ operator is not LEAKPROOF (it could reveal rows the
# policy hides). So search runs here with the owner's rights, and applies the articles'
# visibility rule itself: editors and up see all, writers their own and assigned articles.
_SEARCH_FUNCTIONS = [f"""
CREATE OR REPLACE FUNCTION midad_search(p_query tsquery, p_in_heading boolean, p_ranked boolean, p_by_key boolean,
                                        p_limit integer)
RETURNS TABLE(article_id integer, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
    everything boolean := session_user = current_user OR midad_rank_of(session_user) >= 2;
    seqscan text := current_setting('enable_seqscan');
    indexscan text := current_setting('enable_indexscan');
    bitmapscan text := current_setting('enable_bitmapscan');
BEGIN
    -- How the matches are read is chosen by the caller (see core.server.search), never left to a
    -- planner that thinks testing a document is free: newest by key, or from the GIN index only.
    PERFORM set_config('enable_seqscan', 'off', true);
    PERFORM set_config(CASE WHEN p_by_key THEN 'enable_bitmapscan' ELSE 'enable_indexscan' END, 'off', true);
    RETURN QUERY EXECUTE format(
        'SELECT s.article_id, %s FROM article_search s JOIN articles a ON a.id = s.article_id '
        'WHERE s.%I @@ $1 AND a.trashed_at IS NULL AND ($3 OR a.created_by = $4 OR a.assigned_to = $4) '
        'ORDER BY %s LIMIT $2',
        CASE WHEN p_ranked THEN 'ts_rank(''{SEARCH_WEIGHTS}'', s.heading, $1)' ELSE '0::real' END,
        CASE WHEN p_in_heading THEN 'heading' ELSE 'document' END,
        -- Newest by the articles' key: the visibility test comes before a document is opened.
        CASE WHEN p_ranked THEN '2 DESC, 1 DESC' ELSE 'a.id DESC' END)
    USING p_query, p_limit, everything, session_user::text;
    PERFORM set_config('enable_seqscan', seqscan, true), set_config('enable_indexscan', indexscan, true),
            set_config('enable_bitmapscan', bitmapscan, true);
END $$""", """
CREATE OR REPLACE FUNCTION midad_search_count(p_query tsquery, p_in_heading boolean)
RETURNS integer LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog
SET enable_seqscan = off SET enable_indexscan = off AS $$
BEGIN
    -- Only chooses how to rank (see core.server.search): all matches, straight from the index.
    IF p_in_heading THEN
        RETURN (SELECT count(*) FROM article_search s WHERE s.heading @@ p_query);
    END IF;
    RETURN (SELECT count(*) FROM article_search s WHERE s.document @@ p_query);
END $$"""]

# A rank of 0 is the database owner running maintenance (not a newsroom person): left alone.
_ARTICLE_GUARD = f"""
CREATE OR REPLACE FUNCTION midad_guard_article() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rank integer := midad_rank();
BEGIN
    IF rank = 0 THEN
        RETURN NEW;
    END IF;
    -- session_user: the person, also when a SECURITY DEFINER function of theirs made the change.
    NEW.updated_by := session_user;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        IF rank < 2 AND NEW.status IN ('ready', 'published') THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = '{PREFIX}only an editor may set the status ' || NEW.status;
        END IF;
        IF rank < 2 AND NEW.assigned_to IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only an editor may assign articles';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.created_by IS DISTINCT FROM OLD.created_by AND rank < 4 THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only an admin may change who wrote an article';
    END IF;
    IF rank < 2 AND NEW.status <> OLD.status
            AND (NEW.status IN ('ready', 'published') OR OLD.status IN ('ready', 'published')) THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
            MESSAGE = '{PREFIX}only an editor may change the status ' || OLD.status || ' to ' || NEW.status;
    END IF;
    IF rank < 2 AND NEW.assigned_to IS DISTINCT FROM OLD.assigned_to THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only an editor may assign articles';
    END IF;
    RETURN NEW;
END $$"""

# Who did it is the server's word, not the client's.
_STAMP_FUNCTIONS = {
    "revisions": ("midad_stamp_revision", "created_by"),
    "status_changes": ("midad_stamp_status_change", "changed_by"),
    "private_notes": ("midad_stamp_private_note", "owner"),
}


def _stamp_sql() -> list[str]:
    statements = []
    for table, (function, column) in _STAMP_FUNCTIONS.items():
        statements.append(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF midad_rank() > 0 THEN NEW.{column} := session_user; END IF; RETURN NEW; END $$")
        statements.append(f"DROP TRIGGER IF EXISTS {function} ON {table}")
        statements.append(f"CREATE TRIGGER {function} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()")
    statements.append("DROP TRIGGER IF EXISTS midad_guard_article ON articles")
    statements.append("CREATE TRIGGER midad_guard_article BEFORE INSERT OR UPDATE ON articles "
                      "FOR EACH ROW EXECUTE FUNCTION midad_guard_article()")
    return statements


def _require_admin(action: str) -> str:
    # Inside SECURITY DEFINER current_user is the function's owner (who ran `server init`, and
    # may act as an admin: someone has to add the first one); session_user is the caller.
    return (f"IF session_user <> current_user AND NOT pg_has_role(session_user, 'midad_admin', 'MEMBER') "
            f"THEN RAISE EXCEPTION USING "
            f"ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only an admin may {action}'; END IF;")


def _require_person() -> str:
    return (f"IF NOT EXISTS (SELECT 1 FROM people WHERE login = p_login) THEN RAISE EXCEPTION USING "
            f"ERRCODE = 'P0002', MESSAGE = '{PREFIX}there is no person ' || p_login; END IF;")


def _require_role() -> str:
    values = ", ".join(f"'{role.value}'" for role in PersonRole)
    return (f"IF p_role NOT IN ({values}) THEN RAISE EXCEPTION USING ERRCODE = '22023', "
            f"MESSAGE = '{PREFIX}unknown role ' || p_role; END IF;")


# Admins manage people without holding CREATEROLE themselves: these functions run with the
# rights of the owner who ran `midad server init`, and only after checking the caller. They
# touch only roles listed in `people`, never the owner or another application's roles. The
# password arrives as a SCRAM verifier made by the client: the clear text never reaches the server.
_PEOPLE_FUNCTIONS = [
    f"""
CREATE OR REPLACE FUNCTION midad_add_person(p_login text, p_display_name text, p_role text, p_verifier text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
    {_require_admin('add people')}
    {_require_role()}
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION USING ERRCODE = '42710', MESSAGE = '{PREFIX}the login ' || p_login || ' is already taken';
    END IF;
    IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = '{PREFIX}a password must arrive as a SCRAM verifier';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_verifier, 'midad_' || p_role);
    INSERT INTO people (login, display_name, role, disabled, created_at)
        VALUES (p_login, p_display_name, p_role, false, now() AT TIME ZONE 'utc');
END $$""",
    f"""
CREATE OR REPLACE FUNCTION midad_set_person_role(p_login text, p_role text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
    group_role text;
BEGIN
    {_require_admin('change roles')}
    {_require_role()}
    {_require_person()}
    FOREACH group_role IN ARRAY ARRAY['midad_writer', 'midad_editor', 'midad_chief', 'midad_admin'] LOOP
        EXECUTE format('REVOKE %I FROM %I', group_role, p_login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'midad_' || p_role, p_login);
    UPDATE people SET role = p_role WHERE login = p_login;
END $$""",
    f"""
CREATE OR REPLACE FUNCTION midad_set_person_disabled(p_login text, p_disabled boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
    {_require_admin('disable people')}
    {_require_person()}
    EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    UPDATE people SET disabled = p_disabled WHERE login = p_login;
END $$""",
    f"""
CREATE OR REPLACE FUNCTION midad_set_person_password(p_login text, p_verifier text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
    IF p_login <> session_user THEN
        {_require_admin('change the password of another person')}
    END IF;
    {_require_person()}
    IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = '{PREFIX}a password must arrive as a SCRAM verifier';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
END $$""",
]
_DEFINER_FUNCTIONS = ("midad_add_person(text, text, text, text)", "midad_set_person_role(text, text)",
                               "midad_set_person_disabled(text, boolean)", "midad_set_person_password(text, text)",
                               "midad_search(tsquery, boolean, boolean, boolean, integer)",
                               "midad_search_count(tsquery, boolean)")


def _policies_sql() -> list[str]:
    everyone_sees = "(SELECT midad_rank()) >= 2 OR created_by = current_user OR assigned_to = current_user"
    statements = ["ALTER TABLE articles ENABLE ROW LEVEL SECURITY"]
    statements += _policy("articles", "midad_read", "SELECT", using=everyone_sees)
    statements += _policy("articles", "midad_create", "INSERT", check="(SELECT midad_rank()) >= 1")
    statements += _policy("articles", "midad_edit", "UPDATE", using=everyone_sees, check=everyone_sees)
    statements += _policy("articles", "midad_delete", "DELETE", using="(SELECT midad_rank()) >= 3")
    # The article's own policies decide; editors and up are let through by an InitPlan first, so
    # that the list's per-row lookups (sync state) do not each probe the articles again.
    follows = "(SELECT midad_rank()) >= 2 OR EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id)"
    for table in ARTICLE_CHILD_TABLES:
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements += _policy(table, "midad_follow_article", "ALL", using=follows, check=follows)
    mine = "owner = current_user"
    statements.append("ALTER TABLE private_notes ENABLE ROW LEVEL SECURITY")
    statements += _policy("private_notes", "midad_owner_only", "ALL", using=mine, check=f"{mine} AND ({follows})")
    return statements


def _policy(table: str, name: str, command: str, using: str | None = None, check: str | None = None) -> list[str]:
    clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
    return [f"DROP POLICY IF EXISTS {name} ON {table}",
            f"CREATE POLICY {name} ON {table} FOR {command} TO {MEMBER_ROLE}{clauses}"]


def _grants_sql(database: str) -> list[str]:
    member, admin = MEMBER_ROLE, GROUP_ROLES[PersonRole.ADMIN]
    return [
        # Nobody but the newsroom connects to its database.
        f'REVOKE CONNECT, TEMPORARY ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT ON DATABASE "{database}" TO {member}',
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {member}",
        f"GRANT USAGE ON SCHEMA public TO {member}",
        f"GRANT SELECT ON alembic_version, people, authors, categories, tags, sites, remote_media TO {member}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON articles, article_tags, assets, article_search, private_notes, "
        f"remote_posts, outbox_jobs, remote_media TO {member}",
        f"GRANT SELECT, INSERT, DELETE ON revisions TO {member}",
        f"GRANT SELECT, INSERT ON status_changes, authors, categories, tags TO {member}",
        f"GRANT INSERT, UPDATE, DELETE ON sites TO {admin}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {member}",
        "REVOKE ALL ON FUNCTION " + ", ".join(_DEFINER_FUNCTIONS) + " FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION " + ", ".join(_DEFINER_FUNCTIONS) + f" TO {member}",
    ]


def _change_feed_sql(tables: set[str], functions: set[str]) -> list[str]:
    """The change feed and the leases (core.changes, core.leases), where the schema has them.

    Changes are written by a trigger (midad_note_change) for whoever changed an article: it runs
    with the owner's rights, so people may read the feed (article ids and kinds, no text) but
    not write into it. A lease belongs to its article: visible and writable when the article is."""
    statements = []
    if "midad_note_change" in functions:
        statements.append("ALTER FUNCTION midad_note_change() SECURITY DEFINER SET search_path = public, pg_temp")
    if "article_changes" in tables:
        statements.append(f"GRANT SELECT ON article_changes TO {MEMBER_ROLE}")
    if "article_leases" in tables:
        follows = "(SELECT midad_rank()) >= 2 OR EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id)"
        statements.append("ALTER TABLE article_leases ENABLE ROW LEVEL SECURITY")
        statements += _policy("article_leases", "midad_follow_article", "ALL", using=follows, check=follows)
        statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON article_leases TO {MEMBER_ROLE}")
    return statements


def security_statements(database: str, tables: set[str] = frozenset(), functions: set[str] = frozenset()) -> list[str]:
    """Everything `midad server init` applies after the schema is at head, in order. `tables` and
    `functions`: what the schema holds, for the parts that later migrations add."""
    return [*_roles_sql(), *_RANK_FUNCTIONS, _ARTICLE_GUARD, *_stamp_sql(), *_PEOPLE_FUNCTIONS, *_SEARCH_FUNCTIONS,
            *_policies_sql(), *_grants_sql(database), *_change_feed_sql(set(tables), set(functions)),
            *sync_security_statements(MEMBER_ROLE),
            *workflow_security_statements(MEMBER_ROLE, (GROUP_ROLES[PersonRole.CHIEF], GROUP_ROLES[PersonRole.ADMIN]),
                                          set(tables))]
