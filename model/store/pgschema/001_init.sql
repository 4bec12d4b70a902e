-- PartnerDesk server schema, version 1. Runs as partnerdesk_owner inside
-- one transaction (partnerctl server init). Never edit a released file:
-- a change of schema is a new file with the next number.

-- The schema partnerdesk exists (owned by partnerdesk_owner) and is first
-- on the search path.

CREATE TABLE meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE departments (
    code  text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    name  text NOT NULL CHECK (name <> '')
);

CREATE TABLE people (
    login      text PRIMARY KEY,
    department text NOT NULL REFERENCES departments,
    role       text NOT NULL CHECK (role IN ('secretary', 'office', 'auditor'))
);

CREATE TABLE institution (
    key text PRIMARY KEY,
    doc jsonb NOT NULL
);

CREATE TABLE partners (
    id      bigint PRIMARY KEY,
    rev     bigint NOT NULL CHECK (rev > 0),
    country text NOT NULL,
    tax_id  text,
    name    text NOT NULL,
    doc     jsonb NOT NULL,
    UNIQUE (country, tax_id)
);

CREATE TABLE agreements (
    id         bigint PRIMARY KEY,
    rev        bigint NOT NULL CHECK (rev > 0),
    department text NOT NULL REFERENCES departments,
    number_key text UNIQUE,
    doc        jsonb NOT NULL,
    -- what list screens load on open: kept as written (json, not jsonb),
    -- so 50,000 of them are sent without being re-serialised
    summary    json
);
CREATE INDEX agreements_department ON agreements (department);

CREATE TABLE agreement_partners (
    partner_id   bigint NOT NULL REFERENCES partners,
    agreement_id bigint NOT NULL REFERENCES agreements ON DELETE CASCADE,
    PRIMARY KEY (partner_id, agreement_id)
);

CREATE TABLE attachments (
    id           bigint PRIMARY KEY,
    agreement_id bigint REFERENCES agreements ON DELETE CASCADE,
    added_by     text NOT NULL DEFAULT session_user,
    data         bytea NOT NULL CHECK (octet_length(data) <= 33554432)
);
CREATE INDEX attachments_agreement ON attachments (agreement_id);

CREATE TABLE history (
    seq       bigint PRIMARY KEY,
    entity    text NOT NULL,
    entity_id bigint NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    db_user   text NOT NULL DEFAULT session_user,
    doc       jsonb NOT NULL
);
CREATE INDEX history_record ON history (entity, entity_id, seq);

-- Diagnostic rounds (their records, as the file store keeps them).
CREATE TABLE diag_rounds (
    id  bigint PRIMARY KEY,
    doc jsonb NOT NULL
);

CREATE SEQUENCE seq_partners;
CREATE SEQUENCE seq_diag_rounds;
CREATE SEQUENCE seq_agreements;
CREATE SEQUENCE seq_attachments;
CREATE SEQUENCE seq_history;

-- Who is connected: the login of the session, not the role a function
-- runs as, so that the rules hold inside SECURITY DEFINER functions too.
CREATE FUNCTION my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = partnerdesk, pg_temp
    AS $$ SELECT role FROM people WHERE login = session_user $$;

CREATE FUNCTION my_department() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = partnerdesk, pg_temp
    AS $$ SELECT department FROM people WHERE login = session_user $$;

CREATE FUNCTION may_change_department(dept text) RETURNS boolean LANGUAGE sql STABLE
    SET search_path = partnerdesk, pg_temp
    AS $$ SELECT my_role() = 'office' OR (my_role() = 'secretary' AND my_department() = dept) $$;

CREATE FUNCTION may_change_agreement(agreement bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = partnerdesk, pg_temp
    AS $$ SELECT coalesce((SELECT may_change_department(department) FROM agreements WHERE id = agreement), false) $$;

CREATE FUNCTION is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = partnerdesk, pg_temp
    AS $$ SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) $$;

-- Row-level security on every table, for the owner too.
ALTER TABLE meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE meta FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON meta FOR SELECT USING (true);
CREATE POLICY office ON meta FOR UPDATE USING (my_role() = 'office' AND key = 'number_scope');
CREATE POLICY admin ON meta FOR ALL USING (is_admin()) WITH CHECK (is_admin());

ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
ALTER TABLE departments FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON departments FOR SELECT USING (true);
CREATE POLICY office ON departments FOR ALL USING (my_role() = 'office' OR is_admin()) WITH CHECK (my_role() = 'office' OR is_admin());

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON people FOR SELECT USING (true);
CREATE POLICY office ON people FOR ALL USING (my_role() = 'office' OR is_admin()) WITH CHECK (my_role() = 'office' OR is_admin());

ALTER TABLE institution ENABLE ROW LEVEL SECURITY;
ALTER TABLE institution FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON institution FOR SELECT USING (true);
CREATE POLICY office ON institution FOR ALL USING (my_role() = 'office') WITH CHECK (my_role() = 'office');

ALTER TABLE partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE partners FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON partners FOR SELECT USING (true);
CREATE POLICY add ON partners FOR INSERT WITH CHECK (my_role() IN ('secretary', 'office'));
CREATE POLICY edit ON partners FOR UPDATE USING (my_role() IN ('secretary', 'office')) WITH CHECK (my_role() IN ('secretary', 'office'));
CREATE POLICY remove ON partners FOR DELETE USING (my_role() = 'office');

ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON agreements FOR SELECT USING (true);
CREATE POLICY add ON agreements FOR INSERT WITH CHECK (may_change_department(department));
CREATE POLICY edit ON agreements FOR UPDATE USING (may_change_department(department)) WITH CHECK (may_change_department(department));
CREATE POLICY remove ON agreements FOR DELETE USING (may_change_department(department));

ALTER TABLE agreement_partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreement_partners FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON agreement_partners FOR SELECT USING (true);
CREATE POLICY change ON agreement_partners FOR ALL USING (may_change_agreement(agreement_id)) WITH CHECK (may_change_agreement(agreement_id));

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON attachments FOR SELECT USING (true);
CREATE POLICY add ON attachments FOR INSERT WITH CHECK (my_role() IN ('secretary', 'office') AND added_by = session_user
    AND (agreement_id IS NULL OR may_change_agreement(agreement_id)));
CREATE POLICY edit ON attachments FOR UPDATE
    USING ((agreement_id IS NULL AND added_by = session_user) OR may_change_agreement(agreement_id))
    WITH CHECK (may_change_agreement(agreement_id));
CREATE POLICY remove ON attachments FOR DELETE
    USING ((agreement_id IS NULL AND added_by = session_user) OR may_change_agreement(agreement_id));

ALTER TABLE diag_rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE diag_rounds FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON diag_rounds FOR SELECT USING (true);
CREATE POLICY change ON diag_rounds FOR ALL USING (my_role() IN ('secretary', 'office')) WITH CHECK (my_role() IN ('secretary', 'office'));

ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE history FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON history FOR SELECT USING (true);
CREATE POLICY add ON history FOR INSERT WITH CHECK (my_role() IN ('secretary', 'office') AND db_user = session_user);

-- Every change is announced to the clients listening (LISTEN partnerdesk).
CREATE FUNCTION announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('partnerdesk', json_build_object(
        'entity', NEW.doc->>'entity', 'id', NEW.entity_id, 'action', NEW.doc->>'action', 'user', NEW.db_user)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER announce AFTER INSERT ON history FOR EACH ROW EXECUTE FUNCTION announce();

-- People are added and changed through these functions, which run as the
-- owner (who may create logins) but check who calls them.
CREATE FUNCTION add_person(who text, password text, dept text, kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = partnerdesk, pg_temp AS $$
BEGIN
    IF NOT (is_admin() OR my_role() = 'office') THEN
        RAISE EXCEPTION 'only the partnership office may add people' USING ERRCODE = '42501';
    END IF;
    IF kind NOT IN ('secretary', 'office', 'auditor') THEN
        RAISE EXCEPTION 'unknown role %', kind USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, password);
    ELSIF password <> '' THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', who, password);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'partnerdesk_' || kind, who);
    INSERT INTO people (login, department, role) VALUES (who, dept, kind);
END $$;

CREATE FUNCTION set_person(who text, dept text, kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = partnerdesk, pg_temp AS $$
DECLARE old text;
BEGIN
    IF NOT (is_admin() OR my_role() = 'office') THEN
        RAISE EXCEPTION 'only the partnership office may change roles' USING ERRCODE = '42501';
    END IF;
    IF kind NOT IN ('secretary', 'office', 'auditor') THEN
        RAISE EXCEPTION 'unknown role %', kind USING ERRCODE = '22023';
    END IF;
    SELECT role INTO old FROM people WHERE login = who;
    IF old IS NULL THEN
        RAISE EXCEPTION 'no person with the login %', who USING ERRCODE = 'P0002';
    END IF;
    EXECUTE format('REVOKE %I FROM %I', 'partnerdesk_' || old, who);
    EXECUTE format('GRANT %I TO %I', 'partnerdesk_' || kind, who);
    UPDATE people SET department = dept, role = kind WHERE login = who;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA partnerdesk FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA partnerdesk FROM PUBLIC;
GRANT USAGE ON SCHEMA partnerdesk TO partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA partnerdesk TO partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor;
GRANT EXECUTE ON FUNCTION my_role(), my_department(), may_change_department(text), may_change_agreement(bigint), is_admin()
    TO partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor;
GRANT EXECUTE ON FUNCTION add_person(text, text, text, text), set_person(text, text, text) TO partnerdesk_office;
GRANT INSERT, UPDATE, DELETE ON partners, agreements, agreement_partners, attachments, diag_rounds TO partnerdesk_secretary, partnerdesk_office;
GRANT INSERT ON history TO partnerdesk_secretary, partnerdesk_office;
GRANT INSERT, UPDATE, DELETE ON institution, departments TO partnerdesk_office;
GRANT UPDATE ON meta TO partnerdesk_office;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA partnerdesk TO partnerdesk_secretary, partnerdesk_office;
