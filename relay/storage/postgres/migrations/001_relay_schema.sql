-- The relay's schema on PostgreSQL: the same tables and meaning as the SQLite relay database
-- (migrations/001, 004 and 006 at the repository root), in PostgreSQL types. Doc names sort
-- byte-wise (COLLATE "C") as in SQLite, so listings come out in the same order.

-- The store's clock: the last seq handed out. Every append takes this row's lock (UPDATE ...
-- RETURNING) until it commits, so appends commit in seq order: a reader that sees seq n has seen
-- every seq below it (what /v1/changes, compaction's delete and the provenance chain rely on).
CREATE TABLE relay_clock (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint  NOT NULL
);
INSERT INTO relay_clock (id, seq) VALUES (true, 0);

CREATE TABLE doc_updates (
  seq        bigint PRIMARY KEY,               -- from relay_clock: global, never reused
  doc_id     text COLLATE "C" NOT NULL,        -- doc name, e.g. "<workspaceId>/case/<caseId>"
  data       bytea  NOT NULL,                  -- one Yjs update (v1 encoding)
  member_id  text   NOT NULL DEFAULT '',       -- the member the relay authenticated
  created_at bigint NOT NULL                   -- ms since epoch
);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);

CREATE TABLE doc_snapshots (
  doc_id       text COLLATE "C" PRIMARY KEY,
  data         bytea  NOT NULL,  -- Y.encodeStateAsUpdate of the merged state
  state_vector bytea  NOT NULL,  -- Y.encodeStateVector of the same state
  upto_seq     bigint NOT NULL,  -- every update with seq <= upto_seq is contained in data
  updated_at   bigint NOT NULL
);

CREATE TABLE doc_heads (
  doc_id     text COLLATE "C" PRIMARY KEY,
  last_seq   bigint  NOT NULL,            -- seq of the doc's latest update
  pending    integer NOT NULL DEFAULT 0,  -- updates not yet merged into the snapshot
  updated_at bigint  NOT NULL
);
CREATE INDEX doc_heads_by_seq ON doc_heads (last_seq);

CREATE TABLE relay_workspace_keys (
  workspace_id text   NOT NULL,             -- UUID, lower case
  kid          text   NOT NULL,             -- RFC 7638 thumbprint of public_jwk
  public_jwk   text   NOT NULL,             -- JSON {"kty":"OKP","crv":"Ed25519","x":...}
  label        text   NOT NULL DEFAULT '',
  added_at     bigint NOT NULL,             -- ms since epoch
  PRIMARY KEY (workspace_id, kid)
);

-- The provenance log (see migrations/006_relay_provenance.sql): append-only, never touched by
-- compaction, hash-chained in seq order.
CREATE TABLE relay_provenance (
  seq        bigint PRIMARY KEY,
  doc_id     text COLLATE "C" NOT NULL,
  member_id  text   NOT NULL,
  created_at bigint NOT NULL,
  size       integer NOT NULL,
  sha256     text   NOT NULL,
  chain      text   NOT NULL,
  data       bytea  NOT NULL
);
CREATE INDEX relay_provenance_by_doc ON relay_provenance (doc_id, seq);

CREATE FUNCTION relay_provenance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'relay_provenance is append-only';
END $$;
CREATE TRIGGER relay_provenance_no_update BEFORE UPDATE OR DELETE ON relay_provenance
  FOR EACH ROW EXECUTE FUNCTION relay_provenance_append_only();
CREATE TRIGGER relay_provenance_no_truncate BEFORE TRUNCATE ON relay_provenance
  FOR EACH STATEMENT EXECUTE FUNCTION relay_provenance_append_only();

CREATE TABLE relay_alerts (
  id           bigserial PRIMARY KEY,
  workspace_id text   NOT NULL,
  doc_id       text   NOT NULL,
  member_id    text   NOT NULL,
  kind         text   NOT NULL,
  records      integer NOT NULL,
  created_at   bigint NOT NULL
);
CREATE INDEX relay_alerts_by_workspace ON relay_alerts (workspace_id, id);
