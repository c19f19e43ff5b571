"""What `midad server init` applies to comments and suggestions (appended to core.server.security).

- Whoever may read an article (a writer their own and assigned ones, editors and up every
  one) reads its comments and suggestions, comments on it and suggests edits to it.
- Who wrote a comment, a reply or a suggestion, who resolved a thread and who decided a
  suggestion are stamped by the server from current_user: a client cannot claim another name.
- Anchors move as the text is edited, by whoever edits it: any reader of the article may update them.
- Only the article's writer (created_by) or an editor and up accepts or rejects a suggestion.
- A person resolves or reopens their own thread; editors and up any thread.
- A reply is never rewritten (no UPDATE on messages); a pending suggestion is withdrawn
  (deleted) by its author only.
"""

from __future__ import annotations

REFUSED = "42501"
PREFIX = "midad: "

_FOLLOWS_ARTICLE = "(SELECT midad_rank()) >= 2 OR EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id)"
_FOLLOWS_THREAD = ("(SELECT midad_rank()) >= 2 OR EXISTS (SELECT 1 FROM comment_threads t JOIN articles a "
                   "ON a.id = t.article_id WHERE t.id = thread_id)")

_GUARD_THREAD = f"""
CREATE OR REPLACE FUNCTION midad_guard_comment_thread() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rank integer := midad_rank();
BEGIN
    IF rank = 0 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
        NEW.resolved := false; NEW.resolved_by := ''; NEW.resolved_at := NULL;
        RETURN NEW;
    END IF;
    NEW.created_by := OLD.created_by;
    IF NEW.resolved IS DISTINCT FROM OLD.resolved THEN
        IF rank < 2 AND OLD.created_by <> current_user THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = '{PREFIX}only the author of a comment or an editor may resolve or reopen it';
        END IF;
        NEW.resolved_by := CASE WHEN NEW.resolved THEN current_user ELSE '' END;
        NEW.resolved_at := CASE WHEN NEW.resolved THEN now() AT TIME ZONE 'utc' ELSE NULL END;
    ELSE
        NEW.resolved_by := OLD.resolved_by; NEW.resolved_at := OLD.resolved_at;
    END IF;
    RETURN NEW;
END $$"""

_GUARD_SUGGESTION = f"""
CREATE OR REPLACE FUNCTION midad_guard_suggestion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rank integer := midad_rank();
    writer text;
BEGIN
    IF rank = 0 THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.author := current_user;
        NEW.state := 'pending'; NEW.decided_by := ''; NEW.decided_at := NULL;
        RETURN NEW;
    END IF;
    NEW.author := OLD.author;
    NEW.kind := OLD.kind;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        SELECT created_by INTO writer FROM articles WHERE id = OLD.article_id;
        IF rank < 2 AND writer IS DISTINCT FROM current_user::text THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = '{PREFIX}only the writer of the article or an editor may accept or reject a suggestion';
        END IF;
        IF OLD.state <> 'pending' THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}this suggestion was already decided';
        END IF;
        NEW.decided_by := current_user;
        NEW.decided_at := now() AT TIME ZONE 'utc';
    ELSE
        IF OLD.state <> 'pending' THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}this suggestion was already decided';
        END IF;
        IF NEW.quote IS DISTINCT FROM OLD.quote AND OLD.author <> current_user AND NEW.kind = 'insert' THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = '{PREFIX}only its author may change the text of a suggestion';
        END IF;
        NEW.decided_by := OLD.decided_by; NEW.decided_at := OLD.decided_at;
    END IF;
    RETURN NEW;
END $$"""

_STAMP_MESSAGE = """
CREATE OR REPLACE FUNCTION midad_stamp_comment_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF midad_rank() > 0 THEN NEW.author := current_user; END IF;
    RETURN NEW;
END $$"""


def _policy(table: str, name: str, command: str, member_role: str, using: str | None = None,
            check: str | None = None) -> list[str]:
    clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
    return [f"DROP POLICY IF EXISTS {name} ON {table}",
            f"CREATE POLICY {name} ON {table} FOR {command} TO {member_role}{clauses}"]


def _trigger(table: str, function: str, events: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {function} ON {table}",
            f"CREATE TRIGGER {function} BEFORE {events} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()"]


def annotation_security_statements(member_role: str, tables: set[str]) -> list[str]:
    if "comment_threads" not in tables:
        return []  # a schema from before migration 0010
    statements = [_GUARD_THREAD, _GUARD_SUGGESTION, _STAMP_MESSAGE]
    statements += _trigger("comment_threads", "midad_guard_comment_thread", "INSERT OR UPDATE")
    statements += _trigger("suggestions", "midad_guard_suggestion", "INSERT OR UPDATE")
    statements += _trigger("comment_messages", "midad_stamp_comment_message", "INSERT")
    for table in ("comment_threads", "comment_messages", "suggestions"):
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    statements += _policy("comment_threads", "midad_follow_article", "ALL", member_role,
                          using=_FOLLOWS_ARTICLE, check=_FOLLOWS_ARTICLE)
    statements += _policy("comment_messages", "midad_follow_thread", "ALL", member_role,
                          using=_FOLLOWS_THREAD, check=_FOLLOWS_THREAD)
    statements += _policy("suggestions", "midad_read", "SELECT", member_role, using=_FOLLOWS_ARTICLE)
    statements += _policy("suggestions", "midad_suggest", "INSERT", member_role, check=_FOLLOWS_ARTICLE)
    statements += _policy("suggestions", "midad_follow_article", "UPDATE", member_role,
                          using=_FOLLOWS_ARTICLE, check=_FOLLOWS_ARTICLE)
    statements += _policy("suggestions", "midad_withdraw_own", "DELETE", member_role,
                          using=f"author = current_user AND state = 'pending' AND ({_FOLLOWS_ARTICLE})")
    statements += [
        f"GRANT SELECT, INSERT, UPDATE ON comment_threads TO {member_role}",
        f"GRANT SELECT, INSERT ON comment_messages TO {member_role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON suggestions TO {member_role}",
    ]
    return statements
