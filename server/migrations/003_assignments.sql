-- Version 3: one assessment, many contributors.
--
-- A coordinator (or editor) of the organisation that holds an assessment gives a part of it (a
-- pillar, or one question) to another organisation (an agency) or to one person. The assignee
-- reads the assessment and the answers of the part's questions (and, read only, of the questions
-- outside the part whose answers decide what the part shows), and writes the part's answers
-- until the part is accepted. Answers stay the assessment's organisation's records, each with
-- its author (changed_by). The assignee hands the part in (submitted); the coordinator asks for
-- a revision with a comment, or accepts; every step is kept with who took it and when.
--
-- Nothing here reaches statisticians: an organisation assignee's access goes through
-- app_orgs('read'/'write'), which leaves them out, and a person must hold coordinator or editor
-- somewhere to be given a part.

CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id text NOT NULL REFERENCES assessments (id),
  -- The assessment's organisation: whose coordinators and editors manage the assignment.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  part_kind text NOT NULL CHECK (part_kind IN ('pillar', 'question')),
  part_id text NOT NULL CHECK (length(part_id) BETWEEN 1 AND 100),
  -- Resolved from the questionnaire when the part is given (src/coordination/parts.ts).
  question_ids text[] NOT NULL CHECK (cardinality(question_ids) BETWEEN 1 AND 5000),
  gate_ids text[] NOT NULL DEFAULT '{}',
  assignee_organisation uuid REFERENCES organisations (id),
  assignee_account uuid REFERENCES accounts (id),
  status text NOT NULL DEFAULT 'assigned'
    CHECK (status IN ('assigned', 'submitted', 'revisionRequested', 'accepted')),
  -- The coordinator's latest request for a revision (also kept in the step's event).
  comment text CHECK (length(comment) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES accounts (id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid NOT NULL REFERENCES accounts (id),
  -- Taken back: kept for the history, gives no access any more.
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES accounts (id),
  CHECK ((assignee_organisation IS NULL) <> (assignee_account IS NULL))
);
CREATE INDEX assignments_assessment ON assignments (assessment_id) WHERE withdrawn_at IS NULL;
CREATE INDEX assignments_assignee_organisation ON assignments (assignee_organisation) WHERE withdrawn_at IS NULL;
CREATE INDEX assignments_assignee_account ON assignments (assignee_account) WHERE withdrawn_at IS NULL;
CREATE UNIQUE INDEX assignments_once ON assignments
  (assessment_id, part_kind, part_id, coalesce(assignee_organisation, assignee_account)) WHERE withdrawn_at IS NULL;

-- Every step, with who took it and when.
CREATE TABLE assignment_events (
  id bigserial PRIMARY KEY,
  assignment_id uuid NOT NULL REFERENCES assignments (id),
  action text NOT NULL CHECK (action IN ('assigned', 'submitted', 'revisionRequested', 'accepted', 'withdrawn')),
  comment text CHECK (length(comment) <= 5000),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  by uuid NOT NULL REFERENCES accounts (id)
);
CREATE INDEX assignment_events_assignment ON assignment_events (assignment_id, at);

-- Whether the caller is the assignee, for reading ('read') or answering ('write'): the person
-- given the part, or someone whose role reaches the organisation given it.
CREATE FUNCTION app_is_assignee(account uuid, organisation uuid, purpose text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT account = app_account() OR organisation = ANY (app_orgs(CASE WHEN purpose = 'read' THEN 'read' ELSE 'write' END))
$$;

-- Whether an assignment lets the caller read (or write) an assessment (question null) or one of
-- its answers. Writing: only the part's own questions, and only until the part is accepted.
CREATE FUNCTION app_assignment_allows(assessment text, question text, purpose text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_account() IS NOT NULL AND EXISTS (
    SELECT FROM assignments a
    WHERE a.assessment_id = assessment AND a.withdrawn_at IS NULL
      AND (question IS NULL OR question = ANY (a.question_ids) OR (purpose = 'read' AND question = ANY (a.gate_ids)))
      AND (purpose = 'read' OR a.status <> 'accepted')
      AND app_is_assignee(a.assignee_account, a.assignee_organisation, purpose))
$$;

-- The organisations whose records the caller reads (or writes) through assignments: it sees
-- their names, and a writer takes its turn on their sequence like any writer of theirs.
CREATE FUNCTION app_assigned_orgs(purpose text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT a.organisation_id), '{}') FROM assignments a
  WHERE a.withdrawn_at IS NULL AND (purpose = 'read' OR a.status <> 'accepted')
    AND app_is_assignee(a.assignee_account, a.assignee_organisation, purpose)
$$;

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment_events ENABLE ROW LEVEL SECURITY;

-- Those who read the assessment's organisation see its assignments; assignees see their own.
CREATE POLICY assignments_read ON assignments FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
    OR (withdrawn_at IS NULL AND app_is_assignee(assignee_account, assignee_organisation, 'read')));
CREATE POLICY assignment_events_read ON assignment_events FOR SELECT
  USING (EXISTS (SELECT FROM assignments a WHERE a.id = assignment_events.assignment_id));
-- Changes go through the functions below only.
GRANT SELECT ON assignments, assignment_events TO baseline_app;

DROP POLICY organisations_read ON organisations;
CREATE POLICY organisations_read ON organisations FOR SELECT
  USING (id = ANY ((SELECT app_orgs('read'))::uuid[]) OR id = ANY ((SELECT app_orgs('statistics'))::uuid[])
    OR id = ANY ((SELECT app_assigned_orgs('read'))::uuid[]));
DROP POLICY organisations_sequence ON organisations;
CREATE POLICY organisations_sequence ON organisations FOR UPDATE
  USING (id = ANY ((SELECT app_orgs('write'))::uuid[]) OR id = ANY ((SELECT app_orgs('facilitate'))::uuid[])
    OR id = ANY ((SELECT app_assigned_orgs('write'))::uuid[]));

DROP POLICY assessments_read ON assessments;
CREATE POLICY assessments_read ON assessments FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[]) OR app_assignment_allows(id, NULL, 'read'));

DROP POLICY answers_read ON answers;
CREATE POLICY answers_read ON answers FOR SELECT
  USING (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
    OR app_assignment_allows(assessment_id, question_id, 'read'));
DROP POLICY answers_add ON answers;
CREATE POLICY answers_add ON answers FOR INSERT
  WITH CHECK ((organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
      OR app_assignment_allows(assessment_id, question_id, 'write'))
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));
DROP POLICY answers_change ON answers;
CREATE POLICY answers_change ON answers FOR UPDATE
  USING (organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
    OR app_assignment_allows(assessment_id, question_id, 'write'))
  WITH CHECK ((organisation_id = ANY ((SELECT app_orgs('write'))::uuid[])
      OR app_assignment_allows(assessment_id, question_id, 'write'))
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

-- An assignee's answer that lost to a newer version is kept like anybody's.
DROP POLICY record_versions_rejected ON record_versions;
CREATE POLICY record_versions_rejected ON record_versions FOR INSERT
  WITH CHECK (reason = 'rejected' AND (organisation_id = ANY ((SELECT app_orgs('read'))::uuid[])
      OR (kind = 'answer' AND app_assignment_allows(record_id, part_id, 'write')))
    AND changed_by = (SELECT app_account()) AND changed_device IS NOT DISTINCT FROM (SELECT app_device()));

-- Gives a part. The caller writes the assessment's organisation; the assignee is an
-- organisation the caller sees, or a person (coordinator or editor somewhere) of an organisation
-- the caller administers. Giving the same part to the same assignee again returns the first.
-- Null: not allowed.
CREATE FUNCTION app_assign(assessment text, part_kind_ text, part text, questions text[], gates text[],
  organisation uuid, account uuid) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller uuid := app_account();
  owner uuid;
  made uuid;
BEGIN
  SELECT organisation_id INTO owner FROM assessments WHERE id = assessment AND NOT deleted;
  IF caller IS NULL OR owner IS NULL OR NOT owner = ANY (app_orgs('write')) THEN RETURN NULL; END IF;
  IF (organisation IS NULL) = (account IS NULL) THEN RETURN NULL; END IF;
  IF organisation IS NOT NULL AND NOT (organisation = ANY (app_orgs('read'))
      AND EXISTS (SELECT FROM organisations o WHERE o.id = organisation AND o.kind = 'organisation')) THEN
    RETURN NULL;
  END IF;
  IF account IS NOT NULL AND NOT EXISTS (
      SELECT FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.account_id = account AND a.disabled_at IS NULL AND m.role IN ('coordinator', 'editor')
        AND m.organisation_id = ANY (app_orgs('administer'))) THEN
    RETURN NULL;
  END IF;
  SELECT id INTO made FROM assignments
  WHERE assessment_id = assessment AND part_kind = part_kind_ AND part_id = part AND withdrawn_at IS NULL
    AND coalesce(assignee_organisation, assignee_account) = coalesce(organisation, account);
  IF made IS NOT NULL THEN RETURN made; END IF;
  INSERT INTO assignments (assessment_id, organisation_id, part_kind, part_id, question_ids, gate_ids,
    assignee_organisation, assignee_account, created_by, changed_by)
  VALUES (assessment, owner, part_kind_, part, questions, coalesce(gates, '{}'), organisation, account, caller, caller)
  RETURNING id INTO made;
  INSERT INTO assignment_events (assignment_id, action, by) VALUES (made, 'assigned', caller);
  RETURN made;
END
$$;

-- Takes a step (src/coordination/status.ts has the same table): the assignee submits (from
-- assigned or revisionRequested); the assessment's coordinators and editors request a revision
-- (from submitted or accepted, with a comment), accept (from submitted) or withdraw the part.
-- Returns the new status ('withdrawn' for a withdrawal), or null when not allowed.
CREATE FUNCTION app_step_assignment(assignment uuid, action text, note text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller uuid := app_account();
  current assignments;
  manager boolean;
  assignee boolean;
  outcome text;
BEGIN
  SELECT * INTO current FROM assignments WHERE id = assignment AND withdrawn_at IS NULL FOR UPDATE;
  IF caller IS NULL OR NOT FOUND THEN RETURN NULL; END IF;
  manager := current.organisation_id = ANY (app_orgs('write'));
  assignee := app_is_assignee(current.assignee_account, current.assignee_organisation, 'write');
  outcome := CASE
    WHEN action = 'submit' AND assignee AND current.status IN ('assigned', 'revisionRequested') THEN 'submitted'
    WHEN action = 'requestRevision' AND manager AND current.status IN ('submitted', 'accepted')
      AND length(btrim(coalesce(note, ''))) > 0 THEN 'revisionRequested'
    WHEN action = 'accept' AND manager AND current.status = 'submitted' THEN 'accepted'
    WHEN action = 'withdraw' AND manager THEN 'withdrawn'
  END;
  IF outcome IS NULL THEN RETURN NULL; END IF;
  IF outcome = 'withdrawn' THEN
    UPDATE assignments SET withdrawn_at = now(), withdrawn_by = caller, changed_at = now(), changed_by = caller
    WHERE id = assignment;
  ELSE
    UPDATE assignments SET status = outcome, changed_at = now(), changed_by = caller,
      comment = CASE WHEN outcome = 'revisionRequested' THEN btrim(note) ELSE comment END
    WHERE id = assignment;
  END IF;
  INSERT INTO assignment_events (assignment_id, action, comment, by)
  VALUES (assignment, outcome, CASE WHEN outcome = 'revisionRequested' THEN btrim(note) END, caller);
  RETURN outcome;
END
$$;

-- The people behind an assessment's assignments and answers, by name, with the organisations
-- they answer for (those of theirs that hold the assessment or were given a part of it): for
-- anyone who may read the assessment, directly or through an assignment.
CREATE FUNCTION app_assessment_people(assessment text)
RETURNS TABLE (account_id uuid, display_name text, organisations text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH target AS (
    SELECT id, organisation_id FROM assessments WHERE id = assessment
      AND (organisation_id = ANY (app_orgs('read')) OR app_assignment_allows(id, NULL, 'read'))
  ), involved AS (
    SELECT changed_by AS account FROM answers WHERE assessment_id = (SELECT id FROM target)
    UNION SELECT changed_by FROM record_versions WHERE kind = 'answer' AND record_id = (SELECT id FROM target)
    UNION SELECT e.by FROM assignment_events e JOIN assignments a ON a.id = e.assignment_id
      WHERE a.assessment_id = (SELECT id FROM target)
    UNION SELECT assignee_account FROM assignments
      WHERE assessment_id = (SELECT id FROM target) AND assignee_account IS NOT NULL
  ), places AS (
    SELECT organisation_id AS id FROM target
    UNION SELECT assignee_organisation FROM assignments
      WHERE assessment_id = (SELECT id FROM target) AND assignee_organisation IS NOT NULL
  )
  SELECT a.id, a.display_name, coalesce((
    SELECT array_agg(DISTINCT o.name ORDER BY o.name) FROM memberships m
    JOIN places p ON p.id = m.organisation_id
    JOIN organisations o ON o.id = m.organisation_id
    WHERE m.account_id = a.id), '{}')
  FROM accounts a WHERE a.id IN (SELECT account FROM involved)
$$;

REVOKE ALL ON FUNCTION app_is_assignee(uuid, uuid, text), app_assignment_allows(text, text, text),
  app_assigned_orgs(text), app_assign(text, text, text, text[], text[], uuid, uuid),
  app_step_assignment(uuid, text, text), app_assessment_people(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_is_assignee(uuid, uuid, text), app_assignment_allows(text, text, text),
  app_assigned_orgs(text), app_assign(text, text, text, text[], text[], uuid, uuid),
  app_step_assignment(uuid, text, text), app_assessment_people(text) TO baseline_app;
