-- Version 2: statistics across organisations and years.
--
-- A new role, statistician: sees the statistics of the organisations it holds the role in (and
-- everything below them), and the names of those organisations, but never a record: not an
-- assessment, an answer, a comment or a piece of evidence. app_orgs('read') leaves it out, so
-- every policy on the records already refuses it; app_orgs('statistics') is what it gets.
-- Coordinators get statistics too. The statistics themselves are computed by the server from
-- the records (server/statistics.ts) and only aggregates over at least a threshold of
-- organisations leave it; the threshold is set per organisation by its coordinators.

ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check
  CHECK (role IN ('coordinator', 'editor', 'viewer', 'facilitator', 'statistician'));
COMMENT ON TABLE memberships IS 'coordinator: everything, and administers; editor: reads and writes assessments; viewer: reads; facilitator: reads, runs workshops (and writes their consensus); statistician: statistics only, never a record';

CREATE OR REPLACE FUNCTION app_orgs(purpose text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH roles AS (
    SELECT m.role, t.descendant AS organisation_id
    FROM memberships m JOIN organisation_tree t ON t.ancestor = m.organisation_id
    WHERE m.account_id = app_account()
  )
  SELECT coalesce(array_agg(DISTINCT r.organisation_id), '{}') FROM roles r
  JOIN organisations o ON o.id = r.organisation_id
  WHERE CASE purpose
    WHEN 'read' THEN r.role <> 'statistician'
    WHEN 'write' THEN r.role IN ('coordinator', 'editor') OR (r.role = 'facilitator' AND o.kind = 'workshop')
    WHEN 'facilitate' THEN r.role IN ('coordinator', 'facilitator')
    WHEN 'administer' THEN r.role = 'coordinator'
    WHEN 'statistics' THEN r.role IN ('coordinator', 'statistician')
    ELSE false
  END
$$;

-- A statistician sees the organisations (names and tree) its statistics are about.
DROP POLICY organisations_read ON organisations;
CREATE POLICY organisations_read ON organisations FOR SELECT
  USING (id = ANY ((SELECT app_orgs('read'))::uuid[]) OR id = ANY ((SELECT app_orgs('statistics'))::uuid[]));
DROP POLICY organisation_tree_read ON organisation_tree;
CREATE POLICY organisation_tree_read ON organisation_tree FOR SELECT
  USING (descendant = ANY ((SELECT app_orgs('read'))::uuid[])
    OR descendant = ANY ((SELECT app_orgs('statistics'))::uuid[]));

-- A statistician links a device by signing in, like anybody, to an organisation it may see.
CREATE OR REPLACE FUNCTION app_link_signed_in(device_name text, organisation uuid, token bytea)
RETURNS uuid LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  account uuid := app_account();
  device uuid;
BEGIN
  IF account IS NULL OR NOT (organisation = ANY (app_orgs('read')) OR organisation = ANY (app_orgs('statistics'))) THEN
    RETURN NULL;
  END IF;
  INSERT INTO devices (account_id, name, organisation_id) VALUES (account, device_name, organisation)
  RETURNING id INTO device;
  PERFORM device_session(account, device, token);
  RETURN device;
END
$$;

DROP POLICY devices_change ON devices;
CREATE POLICY devices_change ON devices FOR UPDATE
  USING (id = (SELECT app_device()) OR EXISTS (
    SELECT FROM memberships m WHERE m.account_id = devices.account_id
      AND m.organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[])))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
    OR organisation_id = ANY ((SELECT app_orgs('statistics'))::uuid[]) OR revoked_at IS NOT NULL);

-- The smallest number of organisations a published statistic may rest on, set by a coordinator
-- for their organisation and everything below it (the nearest setting above a scope applies;
-- 5 where none is set). Below 3 an aggregate and its range would give single agencies away.
CREATE TABLE statistics_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
  min_organisations integer NOT NULL CHECK (min_organisations BETWEEN 3 AND 1000),
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- Null: set on the server's command line (the audit log says by whom).
  changed_by uuid REFERENCES accounts (id)
);
ALTER TABLE statistics_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY statistics_settings_read ON statistics_settings FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
    OR organisation_id = ANY ((SELECT app_orgs('statistics'))::uuid[]));
CREATE POLICY statistics_settings_add ON statistics_settings FOR INSERT
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[]) AND changed_by = (SELECT app_account()));
CREATE POLICY statistics_settings_change ON statistics_settings FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT app_orgs('administer'))::uuid[]) AND changed_by = (SELECT app_account()));
GRANT SELECT, INSERT, UPDATE ON statistics_settings TO baseline_app;

-- The threshold that holds for statistics over an organisation and what is below it.
CREATE FUNCTION statistics_threshold(organisation uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce((
    SELECT s.min_organisations FROM organisation_tree t
    JOIN statistics_settings s ON s.organisation_id = t.ancestor
    WHERE t.descendant = organisation ORDER BY t.depth LIMIT 1), 5)
$$;
REVOKE ALL ON FUNCTION statistics_threshold(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION statistics_threshold(uuid) TO baseline_app;
