-- The server of record, version 1: organisations and people, devices and sessions, the records
-- devices sync (assessments, answers, workshops, submissions) with every earlier and every losing
-- version kept, the audit log, and the questionnaires and weight profiles statistics need.
--
-- Access is enforced here, by row-level security: requests run as the role baseline_app (no
-- BYPASSRLS, owns nothing), with the caller's session token set for the transaction
-- (app.session, a SHA-256 hex). app_account() turns that token into an account only while the
-- session is valid, and every policy asks app_orgs() which organisations that account may read,
-- write, facilitate or administer. The web layer never says who the caller is in any other way.

-- The role requests run as. The database's owner runs the migrations; creating a role needs
-- CREATEROLE, so on a server where the owner lacks it a DBA creates the role first (README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baseline_app') THEN
    BEGIN
      CREATE ROLE baseline_app NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'The role baseline_app is missing and this user may not create it. As a superuser, run: CREATE ROLE baseline_app NOLOGIN NOBYPASSRLS; GRANT baseline_app TO %;', current_user;
    END;
  END IF;
END
$$;

-- Organisations: a tree (a ministry and its agencies; a programme and its workshops). Each
-- keeps its own sequence of record versions (last_seq): a device's checkpoint is, per
-- organisation, the last version it has seen, and writers of one organisation take turns on its
-- row, so versions become visible in the order they were given.
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES organisations (id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL DEFAULT 'organisation' CHECK (kind IN ('organisation', 'programme', 'workshop')),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX organisations_parent ON organisations (parent_id);
COMMENT ON TABLE organisations IS 'A tree of organisations; a role held on one holds on everything below it';

-- Every organisation with each of its ancestors (itself at depth 0), kept by a trigger.
CREATE TABLE organisation_tree (
  ancestor uuid NOT NULL REFERENCES organisations (id),
  descendant uuid NOT NULL REFERENCES organisations (id),
  depth integer NOT NULL,
  PRIMARY KEY (ancestor, descendant)
);
CREATE INDEX organisation_tree_descendant ON organisation_tree (descendant);

CREATE FUNCTION organisation_tree_add() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO organisation_tree (ancestor, descendant, depth) VALUES (NEW.id, NEW.id, 0);
  INSERT INTO organisation_tree (ancestor, descendant, depth)
    SELECT ancestor, NEW.id, depth + 1 FROM organisation_tree WHERE descendant = NEW.parent_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER organisation_tree_add AFTER INSERT ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisation_tree_add();

-- Moving an organisation would change who sees what; it is not offered yet.
CREATE FUNCTION organisation_parent_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
    RAISE EXCEPTION 'An organisation cannot be moved to another parent';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER organisation_parent_fixed BEFORE UPDATE ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisation_parent_fixed();

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
  display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
  -- scrypt, with its parameters: see server/passwords.ts. Null: the account signs in only
  -- through link codes.
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));

CREATE TABLE memberships (
  account_id uuid NOT NULL REFERENCES accounts (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('coordinator', 'editor', 'viewer', 'facilitator')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);
COMMENT ON TABLE memberships IS 'coordinator: everything, and administers; editor: reads and writes assessments; viewer: reads; facilitator: reads, runs workshops (and writes their consensus)';

CREATE TABLE devices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Where the assessments this device creates go.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  last_sync_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX devices_account ON devices (account_id);

-- Sessions: a person signed in with a password (hours), or a linked device (renewed by use).
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('password', 'device')),
  account_id uuid NOT NULL REFERENCES accounts (id),
  device_id uuid REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  -- Never valid after this, used or not.
  expires_at timestamptz NOT NULL,
  -- Ends after this long unused.
  idle_timeout interval NOT NULL,
  revoked_at timestamptz,
  CHECK ((kind = 'device') = (device_id IS NOT NULL))
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_device ON sessions (device_id);

-- Short codes that link a device to an account: single use, short-lived, kept hashed.
CREATE TABLE link_codes (
  code_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES accounts (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id uuid REFERENCES devices (id),
  revoked_at timestamptz
);
CREATE INDEX link_codes_account ON link_codes (account_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  account_id uuid,
  device_id uuid,
  organisation_id uuid,
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- 'http' (through the server, with the caller's address) or 'cli: <operating-system user>'.
  via text NOT NULL,
  address inet
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, at);
CREATE INDEX audit_log_account ON audit_log (account_id, at);

-- The records devices sync. Each row holds the record as the app keeps it (data), whether it was
-- deleted (a tombstone travels like any change), the version its organisation's sequence gave
-- it, and who changed it last, from which device, when. Earlier versions go to record_versions.
CREATE TABLE assessments (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$'),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  questionnaire_id text NOT NULL,
  questionnaire_version text NOT NULL,
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES accounts (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES accounts (id),
  changed_device uuid REFERENCES devices (id)
);
CREATE INDEX assessments_sync ON assessments (organisation_id, version);
CREATE INDEX assessments_questionnaire ON assessments (questionnaire_id, questionnaire_version);

-- One row per answer: its author is whoever changed it last (changed_by), each earlier version
-- with its own author in record_versions.
CREATE TABLE answers (
  assessment_id text NOT NULL REFERENCES assessments (id),
  question_id text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES accounts (id),
  changed_device uuid REFERENCES devices (id),
  PRIMARY KEY (assessment_id, question_id)
);
CREATE INDEX answers_sync ON answers (organisation_id, version);

-- A facilitator's workshop (set-up and consensus draft; never the key that opens sealed answers).
CREATE TABLE workshops (
  id text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES accounts (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES accounts (id),
  changed_device uuid REFERENCES devices (id)
);
CREATE INDEX workshops_sync ON workshops (organisation_id, version);

-- A participant's answers as the facilitator received them: a sealed payload stays sealed.
CREATE TABLE submissions (
  workshop_id text NOT NULL REFERENCES workshops (id),
  participant_id text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES accounts (id),
  changed_device uuid REFERENCES devices (id),
  PRIMARY KEY (workshop_id, participant_id)
);
CREATE INDEX submissions_sync ON submissions (organisation_id, version);

-- Every version a record no longer has: 'superseded' by a later change (kept by a trigger), or
-- 'rejected': a device's change that lost to a newer version (against_version) and was sent back
-- to the device to merge or to put to a person. Nothing a device sent is ever lost.
CREATE TABLE record_versions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('assessment', 'answer', 'workshop', 'submission')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  record_id text NOT NULL,
  part_id text NOT NULL DEFAULT '',
  version bigint,
  data jsonb,
  deleted boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid NOT NULL REFERENCES accounts (id),
  changed_device uuid REFERENCES devices (id),
  reason text NOT NULL CHECK (reason IN ('superseded', 'rejected')),
  against_version bigint,
  kept_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_versions_record ON record_versions (kind, record_id, part_id);
CREATE INDEX record_versions_organisation ON record_versions (organisation_id, kept_at);

-- Changes already applied, by the id the device gave them: a batch sent again (the answer was
-- lost, the server restarted) gets the same results and changes nothing.
CREATE TABLE applied_changes (
  change_id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices (id),
  at timestamptz NOT NULL DEFAULT now(),
  result jsonb NOT NULL
);
CREATE INDEX applied_changes_device ON applied_changes (device_id, at);

-- The questionnaires and weight profiles the records were made with, as the app shipped them,
-- so figures can be computed again after the app has moved on.
CREATE TABLE questionnaire_versions (
  id text NOT NULL,
  version text NOT NULL,
  sha256 text NOT NULL,
  content jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE weight_profiles (
  id text NOT NULL,
  sha256 text NOT NULL,
  content jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, sha256)
);

-- Who is asking: the account and device of the session whose token hash the request set, while
-- that session is valid. Everything below keys on these two.
CREATE FUNCTION app_session_token() RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('app.session', true) ~ '^[0-9a-f]{64}$'
    THEN decode(current_setting('app.session', true), 'hex') END
$$;

CREATE FUNCTION app_account() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.account_id FROM sessions s JOIN accounts a ON a.id = s.account_id
  LEFT JOIN devices d ON d.id = s.device_id
  WHERE s.token_hash = app_session_token()
    AND s.revoked_at IS NULL AND a.disabled_at IS NULL AND d.revoked_at IS NULL
    AND now() < s.expires_at AND now() < s.last_used_at + s.idle_timeout
$$;

CREATE FUNCTION app_device() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.device_id FROM sessions s WHERE s.token_hash = app_session_token()
    AND s.account_id = app_account()
$$;

-- The organisations the caller may act on for a purpose: those where they hold a role that
-- grants it, and everything below them. 'write' (assessments and answers) also covers the
-- workshop organisations a facilitator runs, whose record is the workshop's consensus.
CREATE FUNCTION app_orgs(purpose text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH roles AS (
    SELECT m.role, t.descendant AS organisation_id
    FROM memberships m JOIN organisation_tree t ON t.ancestor = m.organisation_id
    WHERE m.account_id = app_account()
  )
  SELECT coalesce(array_agg(DISTINCT r.organisation_id), '{}') FROM roles r
  JOIN organisations o ON o.id = r.organisation_id
  WHERE CASE purpose
    WHEN 'read' THEN true
    WHEN 'write' THEN r.role IN ('coordinator', 'editor') OR (r.role = 'facilitator' AND o.kind = 'workshop')
    WHEN 'facilitate' THEN r.role IN ('coordinator', 'facilitator')
    WHEN 'administer' THEN r.role = 'coordinator'
    ELSE false
  END
$$;

-- Sessions are renewed by use (idle timeout), not by the web layer writing the table.
CREATE FUNCTION app_touch_session() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE sessions SET last_used_at = now()
  WHERE token_hash = app_session_token() AND account_id = app_account()
    AND last_used_at < now() - interval '1 minute';
$$;

CREATE FUNCTION app_audit(action text, organisation uuid, target text, detail jsonb, address inet)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_log (account_id, device_id, organisation_id, action, target, detail, via, address)
  VALUES (app_account(), app_device(), organisation, action, target, coalesce(detail, '{}'::jsonb), 'http', address);
$$;

-- Keeps every version a change replaces.
CREATE FUNCTION keep_superseded() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  record_id text;
  part_id text := '';
BEGIN
  IF TG_ARGV[0] = 'answer' THEN
    record_id := OLD.assessment_id; part_id := OLD.question_id;
  ELSIF TG_ARGV[0] = 'submission' THEN
    record_id := OLD.workshop_id; part_id := OLD.participant_id;
  ELSE
    record_id := OLD.id;
  END IF;
  INSERT INTO record_versions (kind, organisation_id, record_id, part_id, version, data, deleted,
    changed_at, changed_by, changed_device, reason)
  VALUES (TG_ARGV[0], OLD.organisation_id, record_id, part_id, OLD.version, OLD.data, OLD.deleted,
    OLD.changed_at, OLD.changed_by, OLD.changed_device, 'superseded');
  RETURN NEW;
END
$$;
CREATE TRIGGER assessments_keep AFTER UPDATE ON assessments FOR EACH ROW EXECUTE FUNCTION keep_superseded('assessment');
CREATE TRIGGER answers_keep AFTER UPDATE ON answers FOR EACH ROW EXECUTE FUNCTION keep_superseded('answer');
CREATE TRIGGER workshops_keep AFTER UPDATE ON workshops FOR EACH ROW EXECUTE FUNCTION keep_superseded('workshop');
CREATE TRIGGER submissions_keep AFTER UPDATE ON submissions FOR EACH ROW EXECUTE FUNCTION keep_superseded('submission');

-- A record's organisation never changes (devices' checkpoints are per organisation).
CREATE FUNCTION organisation_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id THEN
    RAISE EXCEPTION 'A record cannot move to another organisation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER assessments_fixed BEFORE UPDATE ON assessments FOR EACH ROW EXECUTE FUNCTION organisation_fixed();
CREATE TRIGGER answers_fixed BEFORE UPDATE ON answers FOR EACH ROW EXECUTE FUNCTION organisation_fixed();
CREATE TRIGGER workshops_fixed BEFORE UPDATE ON workshops FOR EACH ROW EXECUTE FUNCTION organisation_fixed();
CREATE TRIGGER submissions_fixed BEFORE UPDATE ON submissions FOR EACH ROW EXECUTE FUNCTION organisation_fixed();

-- An answer belongs to its assessment's organisation; a submission to its workshop's.
CREATE FUNCTION answer_organisation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.organisation_id IS DISTINCT FROM (SELECT organisation_id FROM assessments WHERE id = NEW.assessment_id) THEN
    RAISE EXCEPTION 'An answer belongs to its assessment''s organisation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER answers_organisation BEFORE INSERT ON answers FOR EACH ROW EXECUTE FUNCTION answer_organisation();

CREATE FUNCTION submission_organisation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.organisation_id IS DISTINCT FROM (SELECT organisation_id FROM workshops WHERE id = NEW.workshop_id) THEN
    RAISE EXCEPTION 'A submission belongs to its workshop''s organisation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER submissions_organisation BEFORE INSERT ON submissions FOR EACH ROW EXECUTE FUNCTION submission_organisation();

-- Whether a record id is taken, anywhere: a device whose new record's id exists in an
-- organisation it cannot see gives its record a new id (says nothing else about the other).
CREATE FUNCTION app_id_taken(kind text, record_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_account() IS NOT NULL AND CASE kind
    WHEN 'assessment' THEN EXISTS (SELECT FROM assessments WHERE id = record_id)
    WHEN 'workshop' THEN EXISTS (SELECT FROM workshops WHERE id = record_id)
    ELSE false
  END
$$;

-- Row-level security. No policy, no access: DELETE is allowed on nothing (deletions are
-- tombstones), and tables the web layer has no business with are not granted at all.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_tree ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE link_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE workshops ENABLE ROW LEVEL SECURITY;
ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE record_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE applied_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE questionnaire_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE weight_profiles ENABLE ROW LEVEL SECURITY;

CREATE POLICY organisations_read ON organisations FOR SELECT
  USING (id = ANY ((SELECT app_orgs('read'))::uuid[]));
CREATE POLICY organisations_add ON organisations FOR INSERT
  WITH CHECK (created_by = (SELECT app_account()) AND (
    parent_id = ANY ((SELECT app_orgs('administer'))::uuid[])
    OR (kind = 'workshop' AND parent_id = ANY ((SELECT app_orgs('facilitate'))::uuid[]))));
-- Only the sequence column is granted for update (a writer takes its turn on the row).
CREATE POLICY organisations_sequence ON organisations FOR UPDATE
  USING (id = ANY ((SELECT app_orgs('write'))::uuid[]) OR id = ANY ((SELECT app_orgs('facilitate'))::uuid[]));

CREATE POLICY organisation_tree_read ON organisation_tree FOR SELECT
  USING (descendant = ANY ((SELECT app_orgs('read'))::uuid[]));

-- Accounts: oneself, and the accounts of organisations one administers.
CREATE POLICY accounts_read ON accounts FOR SELECT
  USING (id = (SELECT app_account()) OR EXISTS (
    SELECT FROM memberships m WHERE m.account_id = accounts.id
      AND m.organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[])));

CREATE POLICY memberships_read ON memberships FOR SELECT
  USING (account_id = (SELECT app_account()) OR organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[]));

CREATE POLICY devices_read ON devices FOR SELECT
  USING (account_id = (SELECT app_account()) OR EXISTS (
    SELECT FROM memberships m WHERE m.account_id = devices.account_id
      AND m.organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[])));
-- A device changes its own organisation for new records (one it may read) and sync time; a
-- coordinator may revoke the devices of the accounts they administer.
CREATE POLICY devices_change ON devices FOR UPDATE
  USING (id = (SELECT app_device()) OR EXISTS (
    SELECT FROM memberships m WHERE m.account_id = devices.account_id
      AND m.organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[])))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]) OR revoked_at IS NOT NULL);

CREATE POLICY audit_read ON audit_log FOR SELECT
  USING (account_id = (SELECT app_account()) OR organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[]));

CREATE POLICY assessments_read ON assessments FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]));
CREATE POLICY assessments_add ON assessments FOR INSERT
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
    AND created_by = (SELECT app_account()) AND changed_by = (SELECT app_account())
    AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));
CREATE POLICY assessments_change ON assessments FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

CREATE POLICY answers_read ON answers FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]));
CREATE POLICY answers_add ON answers FOR INSERT
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));
CREATE POLICY answers_change ON answers FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

CREATE POLICY workshops_read ON workshops FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]));
CREATE POLICY workshops_add ON workshops FOR INSERT
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[])
    AND created_by = (SELECT app_account()) AND changed_by = (SELECT app_account())
    AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));
CREATE POLICY workshops_change ON workshops FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

CREATE POLICY submissions_read ON submissions FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]));
CREATE POLICY submissions_add ON submissions FOR INSERT
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));
CREATE POLICY submissions_change ON submissions FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('facilitate'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

CREATE POLICY record_versions_read ON record_versions FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]));
-- A device's losing change is kept under its own name, in an organisation it may read.
CREATE POLICY record_versions_rejected ON record_versions FOR INSERT
  WITH CHECK (reason = 'rejected' AND organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

CREATE POLICY applied_changes_own ON applied_changes FOR ALL
  USING (device_id = (SELECT app_device()))
  WITH CHECK (device_id = (SELECT app_device()));

CREATE POLICY questionnaires_read ON questionnaire_versions FOR SELECT
  USING ((SELECT app_account()) IS NOT NULL);
CREATE POLICY weight_profiles_read ON weight_profiles FOR SELECT
  USING ((SELECT app_account()) IS NOT NULL);

-- What the request role may touch at all; the policies above then decide which rows.
GRANT SELECT, INSERT ON organisations TO baseline_app;
GRANT UPDATE (last_seq) ON organisations TO baseline_app;
GRANT SELECT ON organisation_tree TO baseline_app;
GRANT SELECT (id, username, display_name, created_at, disabled_at) ON accounts TO baseline_app;
GRANT SELECT ON memberships TO baseline_app;
GRANT SELECT ON devices TO baseline_app;
GRANT UPDATE (organisation_id, last_sync_at, revoked_at) ON devices TO baseline_app;
GRANT SELECT ON audit_log TO baseline_app;
GRANT SELECT, INSERT, UPDATE ON assessments, answers, workshops, submissions TO baseline_app;
GRANT SELECT, INSERT ON record_versions TO baseline_app;
GRANT USAGE ON SEQUENCE record_versions_id_seq TO baseline_app;
GRANT SELECT, INSERT ON applied_changes TO baseline_app;
GRANT SELECT ON questionnaire_versions, weight_profiles TO baseline_app;

REVOKE ALL ON FUNCTION app_account(), app_device(), app_orgs(text), app_touch_session(),
  app_audit(text, uuid, text, jsonb, inet), app_id_taken(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_account(), app_device(), app_orgs(text), app_touch_session(),
  app_audit(text, uuid, text, jsonb, inet), app_id_taken(text, text) TO baseline_app;

-- Signing in and linking. The request role cannot read password hashes, sessions or link codes;
-- these functions each do one thing with them. The server checks the password (scrypt, in
-- server/passwords.ts) against the hash the first one returns.
CREATE FUNCTION app_sign_in_lookup(name text)
RETURNS TABLE (account_id uuid, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id, accounts.password_hash FROM accounts
  WHERE lower(username) = lower(name) AND disabled_at IS NULL AND accounts.password_hash IS NOT NULL
$$;

-- A password session: hours, not weeks.
CREATE FUNCTION app_open_password_session(account uuid, token bytea)
RETURNS timestamptz LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ends timestamptz := now() + interval '12 hours';
BEGIN
  INSERT INTO sessions (token_hash, kind, account_id, expires_at, idle_timeout)
  VALUES (token, 'password', account, ends, interval '30 minutes');
  RETURN ends;
END
$$;

CREATE FUNCTION device_session(account uuid, device uuid, token bytea) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO sessions (token_hash, kind, account_id, device_id, expires_at, idle_timeout)
  VALUES (token, 'device', account, device, now() + interval '2 years', interval '180 days');
$$;
REVOKE ALL ON FUNCTION device_session(uuid, uuid, bytea) FROM PUBLIC;

-- Redeems a link code: a new device for the code's account, and its session. Resolves to the
-- device, or to nothing when the code is unknown, used, revoked or expired.
CREATE FUNCTION app_redeem_link_code(code bytea, device_name text, token bytea)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  redeemed link_codes;
  device uuid;
BEGIN
  SELECT l.* INTO redeemed FROM link_codes l JOIN accounts a ON a.id = l.account_id
  WHERE l.code_hash = code AND l.used_at IS NULL AND l.revoked_at IS NULL AND now() < l.expires_at
    AND a.disabled_at IS NULL
  FOR UPDATE OF l;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO devices (account_id, name, organisation_id) VALUES (redeemed.account_id, device_name, redeemed.organisation_id)
  RETURNING id INTO device;
  UPDATE link_codes SET used_at = now(), device_id = device WHERE code_hash = code;
  PERFORM device_session(redeemed.account_id, device, token);
  RETURN device;
END
$$;

-- Links a device to the signed-in account (a password session), for an organisation it may read.
CREATE FUNCTION app_link_signed_in(device_name text, organisation uuid, token bytea)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  account uuid := app_account();
  device uuid;
BEGIN
  IF account IS NULL OR NOT organisation = ANY (app_orgs('read')) THEN
    RETURN NULL;
  END IF;
  INSERT INTO devices (account_id, name, organisation_id) VALUES (account, device_name, organisation)
  RETURNING id INTO device;
  PERFORM device_session(account, device, token);
  RETURN device;
END
$$;

-- A link code for oneself (another device of one's own) or, for a coordinator, for an account of
-- an organisation they administer. Returns false when not allowed.
CREATE FUNCTION app_create_link_code(account uuid, organisation uuid, code bytea, lifetime interval)
RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller uuid := app_account();
BEGIN
  IF caller IS NULL OR lifetime > interval '7 days' THEN
    RETURN false;
  END IF;
  IF account = caller THEN
    IF NOT organisation = ANY (app_orgs('read')) THEN RETURN false; END IF;
  ELSIF NOT (organisation = ANY (app_orgs('administer')) AND EXISTS (
      SELECT FROM memberships m WHERE m.account_id = account AND m.organisation_id = ANY (app_orgs('administer')))) THEN
    RETURN false;
  END IF;
  INSERT INTO link_codes (code_hash, account_id, organisation_id, created_by, expires_at)
  VALUES (code, account, organisation, caller, now() + lifetime);
  RETURN true;
END
$$;

-- Unlinks a device: one's own, or one of an account a coordinator administers. Its sessions end.
CREATE FUNCTION app_revoke_device(device uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  owner uuid;
BEGIN
  SELECT account_id INTO owner FROM devices WHERE id = device AND revoked_at IS NULL;
  IF owner IS NULL OR app_account() IS NULL THEN RETURN false; END IF;
  IF owner <> app_account() AND NOT EXISTS (
      SELECT FROM memberships m WHERE m.account_id = owner AND m.organisation_id = ANY (app_orgs('administer'))) THEN
    RETURN false;
  END IF;
  UPDATE devices SET revoked_at = now() WHERE id = device;
  UPDATE sessions SET revoked_at = now() WHERE device_id = device AND revoked_at IS NULL;
  RETURN true;
END
$$;

-- Signs out: the caller's own session ends.
CREATE FUNCTION app_end_session() RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE sessions SET revoked_at = now() WHERE token_hash = app_session_token() AND revoked_at IS NULL;
$$;

-- Failed sign-ins and link attempts are logged with no account (nobody is signed in yet).
CREATE FUNCTION app_audit_anonymous(action text, target text, detail jsonb, address inet) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_log (action, target, detail, via, address)
  VALUES (action, target, coalesce(detail, '{}'::jsonb), 'http', address);
$$;

REVOKE ALL ON FUNCTION app_sign_in_lookup(text), app_open_password_session(uuid, bytea),
  app_redeem_link_code(bytea, text, bytea), app_link_signed_in(text, uuid, bytea),
  app_create_link_code(uuid, uuid, bytea, interval), app_revoke_device(uuid), app_end_session(),
  app_audit_anonymous(text, text, jsonb, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_sign_in_lookup(text), app_open_password_session(uuid, bytea),
  app_redeem_link_code(bytea, text, bytea), app_link_signed_in(text, uuid, bytea),
  app_create_link_code(uuid, uuid, bytea, interval), app_revoke_device(uuid), app_end_session(),
  app_audit_anonymous(text, text, jsonb, inet) TO baseline_app;
