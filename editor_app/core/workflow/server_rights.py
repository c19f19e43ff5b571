"""The workflow's rules on a newsroom server (appended to core.server.security by
`midad server init`): who may move an article into (and out of) which stage is checked by
the server, so a writer connected with any client, or with raw SQL, cannot put an article
into «جاهز».

People never write the workflow tables themselves: sends, starts and posted events go
through SECURITY DEFINER functions that check the caller (session_user), write the
placement, the event and the notifications in one transaction, and NOTIFY the others
(`midad_changes` for the lists, `midad_workflow` with the recipient's login for the bells).
Desks and stages are managed by chief editors and admins; the budget by editors and up.
"""

from __future__ import annotations

REFUSED = "42501"
NOT_FOUND = "P0002"
PREFIX = "midad: "
RESERVED_KINDS = ("sent", "assigned", "started", "send_refused")

_RANK_OF_ROLE = ("(CASE {role} WHEN 'writer' THEN 1 WHEN 'editor' THEN 2 WHEN 'chief' THEN 3 "
                 "WHEN 'admin' THEN 4 ELSE 5 END)")

# The caller's rank: the database owner (maintenance, `midad server init`, tests' setup) has every right.
_CALLER = """
    caller text := session_user;
    caller_rank integer := CASE WHEN session_user = current_user THEN 4 ELSE midad_rank_of(session_user) END;"""

_NOW = "(now() AT TIME ZONE 'utc')"

_NOTICE = f"""
CREATE OR REPLACE FUNCTION midad_workflow_notice(p_article_id integer, p_recipients text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
    number bigint;
    login text;
BEGIN
    -- The lists follow through the change feed (core.changes), the bells through their own channel.
    IF p_article_id IS NOT NULL THEN
        INSERT INTO article_changes (article_id, kind) VALUES (p_article_id, 'workflow') RETURNING seq INTO number;
        PERFORM pg_notify('midad_changes', p_article_id || ' ' || number || ' workflow');
    END IF;
    FOREACH login IN ARRAY coalesce(p_recipients, ARRAY[]::text[]) LOOP
        PERFORM pg_notify('midad_workflow', login);
    END LOOP;
END $$"""

_NOTIFY_PEOPLE = f"""
CREATE OR REPLACE FUNCTION midad_notify_people(p_event_id integer, p_people text[], p_actor text)
RETURNS text[] LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
    told text[];
BEGIN
    WITH wanted AS (
        SELECT DISTINCT w.name FROM unnest(p_people) AS w(name)
        WHERE w.name IS NOT NULL AND w.name <> '' AND w.name <> p_actor
          AND EXISTS (SELECT 1 FROM people p WHERE p.login = w.name))
    INSERT INTO notifications (event_id, person) SELECT p_event_id, name FROM wanted
        ON CONFLICT (event_id, person) DO NOTHING;
    SELECT coalesce(array_agg(person), ARRAY[]::text[]) INTO told FROM notifications WHERE event_id = p_event_id;
    RETURN told;
END $$"""

_SEND = f"""
CREATE OR REPLACE FUNCTION midad_send_article(p_article_id integer, p_stage_id integer, p_person text,
                                              p_message text, p_key text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE {_CALLER}
    article articles%ROWTYPE;
    target stages%ROWTYPE;
    previous stages%ROWTYPE;
    placement article_workflow%ROWTYPE;
    target_desk text;
    previous_desk text;
    event_id integer;
    told text[];
BEGIN
    IF p_key IS NOT NULL THEN  -- the same send again (an offline one whose answer was lost): done already
        SELECT id INTO event_id FROM workflow_events WHERE uuid = p_key;
        IF FOUND THEN RETURN event_id; END IF;
    END IF;
    IF caller_rank = 0 THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only a person of the newsroom may send articles';
    END IF;
    SELECT * INTO article FROM articles WHERE id = p_article_id FOR UPDATE;
    IF NOT FOUND OR NOT (caller_rank >= 2 OR article.created_by = caller OR article.assigned_to = caller) THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no article ' || p_article_id;
    END IF;
    SELECT * INTO target FROM stages WHERE id = p_stage_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no stage ' || p_stage_id;
    END IF;
    SELECT name INTO target_desk FROM desks WHERE id = target.desk_id;
    IF caller_rank < {_RANK_OF_ROLE.format(role="target.required_role")} THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
            MESSAGE = '{PREFIX}moving an article into the stage ' || target.name || ' needs the role '
                      || target.required_role;
    END IF;
    SELECT * INTO placement FROM article_workflow WHERE article_id = p_article_id FOR UPDATE;
    IF FOUND THEN
        SELECT * INTO previous FROM stages WHERE id = placement.stage_id;
        SELECT name INTO previous_desk FROM desks WHERE id = previous.desk_id;
        IF caller_rank < {_RANK_OF_ROLE.format(role="previous.required_role")} THEN
            RAISE EXCEPTION USING ERRCODE = '{REFUSED}',
                MESSAGE = '{PREFIX}moving an article out of the stage ' || previous.name || ' needs the role '
                          || previous.required_role;
        END IF;
    END IF;
    IF p_person IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people WHERE login = p_person AND NOT disabled) THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no person ' || p_person;
    END IF;
    INSERT INTO article_workflow (article_id, stage_id, person, sent_by, sent_at, message)
        VALUES (p_article_id, p_stage_id, p_person, caller, {_NOW}, coalesce(p_message, ''))
        ON CONFLICT (article_id) DO UPDATE SET stage_id = EXCLUDED.stage_id, person = EXCLUDED.person,
            sent_by = EXCLUDED.sent_by, sent_at = EXCLUDED.sent_at, message = EXCLUDED.message;
    -- A stage may carry a status (the ready stage → status ready); an editor sending to a person assigns it to them
    -- (so a writer it is sent back to can read it). Either is a change of the article: a new version.
    IF (target.sets_status IS NOT NULL AND target.sets_status <> article.status)
            OR (p_person IS NOT NULL AND caller_rank >= 2 AND p_person IS DISTINCT FROM article.assigned_to
                AND p_person <> article.created_by) THEN
        UPDATE articles SET status = coalesce(target.sets_status, status),
            assigned_to = CASE WHEN p_person IS NOT NULL AND caller_rank >= 2 AND p_person <> created_by
                               THEN p_person ELSE assigned_to END,
            version = version + 1, updated_by = caller, updated_at = {_NOW}
            WHERE id = p_article_id;
        IF target.sets_status IS NOT NULL AND target.sets_status <> article.status THEN
            INSERT INTO status_changes (article_id, from_status, to_status, changed_by, changed_at)
                VALUES (p_article_id, article.status, target.sets_status, caller, {_NOW});
        END IF;
    END IF;
    INSERT INTO workflow_events (uuid, article_id, kind, actor, target, payload, created_at)
        VALUES (coalesce(p_key, gen_random_uuid()::text), p_article_id, 'sent', caller, p_person,
                json_build_object('desk', target_desk, 'stage', target.name, 'stage_id', target.id,
                                  'from_desk', previous_desk, 'from_stage', previous.name,
                                  'message', coalesce(p_message, ''), 'status', target.sets_status)::text, {_NOW})
        RETURNING id INTO event_id;
    -- Sent to a stage, not a person: the desk's members who may take it from there hear of it.
    told := midad_notify_people(event_id, ARRAY[p_person, article.created_by, placement.person, placement.sent_by]
        || CASE WHEN p_person IS NULL THEN ARRAY(SELECT m.login::text FROM desk_members m
                JOIN people p ON p.login = m.login WHERE m.desk_id = target.desk_id AND NOT p.disabled
                AND midad_rank_of(m.login::name) >= {_RANK_OF_ROLE.format(role="target.required_role")})
           ELSE ARRAY[]::text[] END, caller);
    PERFORM midad_workflow_notice(p_article_id, told);
    RETURN event_id;
END $$"""

_POST_EVENT = f"""
CREATE OR REPLACE FUNCTION midad_post_event(p_article_id integer, p_kind text, p_target text, p_payload text,
                                            p_key text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE {_CALLER}
    event_id integer;
    told text[];
BEGIN
    IF p_key IS NOT NULL THEN
        SELECT id INTO event_id FROM workflow_events WHERE uuid = p_key;
        IF FOUND THEN RETURN event_id; END IF;
    END IF;
    IF caller_rank = 0 OR p_kind IN ({", ".join(f"'{kind}'" for kind in RESERVED_KINDS)}) THEN
        RAISE EXCEPTION USING ERRCODE = '{REFUSED}', MESSAGE = '{PREFIX}only the server writes events of kind ' || p_kind;
    END IF;
    IF p_article_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p_article_id
            AND (caller_rank >= 2 OR a.created_by = caller OR a.assigned_to = caller)) THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no article ' || p_article_id;
    END IF;
    INSERT INTO workflow_events (uuid, article_id, kind, actor, target, payload, created_at)
        VALUES (coalesce(p_key, gen_random_uuid()::text), p_article_id, p_kind, caller, p_target,
                coalesce(p_payload, '{{}}'), {_NOW})
        RETURNING id INTO event_id;
    told := midad_notify_people(event_id, ARRAY[p_target], caller);
    PERFORM midad_workflow_notice(p_article_id, told);
    RETURN event_id;
END $$"""

_START = f"""
CREATE OR REPLACE FUNCTION midad_start_assignment(p_uuid text, p_article_id integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE {_CALLER}
    budget_line assignments%ROWTYPE;
    first_stage stages%ROWTYPE;
    event_id integer;
    told text[];
BEGIN
    SELECT * INTO budget_line FROM assignments WHERE uuid = p_uuid FOR UPDATE;
    IF NOT FOUND OR NOT (caller_rank >= 2 OR budget_line.person = caller) THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no assignment ' || p_uuid;
    END IF;
    IF budget_line.article_id IS NOT NULL THEN
        RETURN budget_line.article_id;  -- started already (a retried start)
    END IF;
    IF NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p_article_id
            AND (caller_rank >= 2 OR a.created_by = caller OR a.assigned_to = caller)) THEN
        RAISE EXCEPTION USING ERRCODE = '{NOT_FOUND}', MESSAGE = '{PREFIX}there is no article ' || p_article_id;
    END IF;
    UPDATE assignments SET article_id = p_article_id WHERE id = budget_line.id;
    -- The new article stands at the first stage of the assignment's desk, with its writer.
    SELECT * INTO first_stage FROM stages WHERE desk_id = budget_line.desk_id
        AND {_RANK_OF_ROLE.format(role="required_role")} <= caller_rank ORDER BY position, id LIMIT 1;
    IF FOUND THEN
        INSERT INTO article_workflow (article_id, stage_id, person, sent_by, sent_at, message)
            VALUES (p_article_id, first_stage.id, caller, caller, {_NOW}, '') ON CONFLICT (article_id) DO NOTHING;
    END IF;
    INSERT INTO workflow_events (uuid, article_id, kind, actor, target, payload, created_at)
        VALUES (gen_random_uuid()::text, p_article_id, 'started', caller, budget_line.created_by,
                json_build_object('assignment', budget_line.uuid, 'title', budget_line.title,
                                  'stage', first_stage.name, 'stage_id', first_stage.id)::text, {_NOW})
        RETURNING id INTO event_id;
    told := midad_notify_people(event_id, ARRAY[budget_line.created_by], caller);
    PERFORM midad_workflow_notice(p_article_id, told);
    RETURN p_article_id;
END $$"""

# Who made a budget line is the server's word; whoever it names is told (an 'assigned' event).
_ASSIGNMENT_TRIGGERS = [f"""
CREATE OR REPLACE FUNCTION midad_stamp_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF midad_rank() > 0 THEN NEW.created_by := current_user; END IF;
    RETURN NEW;
END $$""", f"""
CREATE OR REPLACE FUNCTION midad_note_assignment() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_catalog AS $$
DECLARE
    event_id integer;
    told text[];
BEGIN
    IF NEW.person IS NULL OR (TG_OP = 'UPDATE' AND NEW.person IS NOT DISTINCT FROM OLD.person) THEN
        RETURN NULL;
    END IF;
    INSERT INTO workflow_events (uuid, article_id, kind, actor, target, payload, created_at)
        VALUES (gen_random_uuid()::text, NEW.article_id, 'assigned', session_user, NEW.person,
                json_build_object('assignment', NEW.uuid, 'title', NEW.title, 'deadline', NEW.deadline)::text, {_NOW})
        RETURNING id INTO event_id;
    told := midad_notify_people(event_id, ARRAY[NEW.person], session_user);
    PERFORM midad_workflow_notice(NEW.article_id, told);
    RETURN NULL;
END $$""",
    "DROP TRIGGER IF EXISTS midad_stamp_assignment ON assignments",
    "CREATE TRIGGER midad_stamp_assignment BEFORE INSERT ON assignments FOR EACH ROW "
    "EXECUTE FUNCTION midad_stamp_assignment()",
    "DROP TRIGGER IF EXISTS midad_note_assignment ON assignments",
    "CREATE TRIGGER midad_note_assignment AFTER INSERT OR UPDATE OF person ON assignments FOR EACH ROW "
    "EXECUTE FUNCTION midad_note_assignment()",
]

FUNCTIONS = ("midad_send_article(integer, integer, text, text, text)",
             "midad_post_event(integer, text, text, text, text)", "midad_start_assignment(text, integer)")
_INTERNAL = ("midad_workflow_notice(integer, text[])", "midad_notify_people(integer, text[], text)")


def _policy(table: str, name: str, command: str, member: str, using: str | None = None,
            check: str | None = None) -> list[str]:
    clauses = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
    return [f"DROP POLICY IF EXISTS {name} ON {table}",
            f"CREATE POLICY {name} ON {table} FOR {command} TO {member}{clauses}"]


def workflow_security_statements(member: str, managers: tuple[str, ...], tables: set[str]) -> list[str]:
    """`member`: the role every person holds; `managers`: the groups that manage desks and stages."""
    if "article_workflow" not in tables:  # a schema before migration 0009
        return []
    editors_up = "(SELECT midad_rank()) >= 2"
    follows = f"{editors_up} OR EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id)"
    statements = [_NOTICE, _NOTIFY_PEOPLE, _SEND, _POST_EVENT, _START, *_ASSIGNMENT_TRIGGERS,
                  "REVOKE ALL ON FUNCTION " + ", ".join(FUNCTIONS + _INTERNAL) + " FROM PUBLIC",
                  "GRANT EXECUTE ON FUNCTION " + ", ".join(FUNCTIONS) + f" TO {member}",
                  f"GRANT SELECT ON desks, desk_members, stages, article_workflow, workflow_events, notifications, assignments "
                  f"TO {member}",
                  f"GRANT INSERT, UPDATE, DELETE ON desks, desk_members, stages TO {', '.join(managers)}",
                  f"GRANT INSERT, UPDATE, DELETE ON assignments TO {member}",
                  f"GRANT UPDATE (read_at) ON notifications TO {member}"]
    for table in ("article_workflow", "workflow_events", "notifications", "assignments"):
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    statements += _policy("article_workflow", "midad_follow_article", "SELECT", member, using=follows)
    statements += _policy("workflow_events", "midad_read_history", "SELECT", member,
                          using=f"{editors_up} OR actor = current_user OR target = current_user OR "
                                f"(article_id IS NOT NULL AND EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id))")
    mine = "person = current_user"
    statements += _policy("notifications", "midad_mine_only", "SELECT", member, using=mine)
    statements += _policy("notifications", "midad_mark_mine", "UPDATE", member, using=mine, check=mine)
    statements += _policy("assignments", "midad_read_budget", "SELECT", member,
                          using=f"{editors_up} OR person = current_user OR created_by = current_user")
    statements += _policy("assignments", "midad_plan_budget", "INSERT", member, check=editors_up)
    statements += _policy("assignments", "midad_change_budget", "UPDATE", member, using=editors_up, check=editors_up)
    statements += _policy("assignments", "midad_drop_budget", "DELETE", member, using=editors_up)
    return statements
