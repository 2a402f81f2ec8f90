-- The relay's workspace keys: the Ed25519 public keys (JWK) that sign each workspace's member
-- tokens. A workspace may have several keys at once while its key is rotated: a token verifies
-- with any key listed here, and removing a key revokes every token it signed. The desktop runs
-- this migration too; there the table stays empty.

CREATE TABLE relay_workspace_keys (
  workspace_id TEXT    NOT NULL,             -- UUID, as in doc names "<workspaceId>/..."
  kid          TEXT    NOT NULL,             -- RFC 7638 JWK thumbprint (SHA-256) of public_jwk
  public_jwk   TEXT    NOT NULL,             -- JSON {"kty":"OKP","crv":"Ed25519","x":...}
  label        TEXT    NOT NULL DEFAULT '',  -- operator's note, e.g. "2026 key"
  added_at     INTEGER NOT NULL,             -- ms since epoch
  PRIMARY KEY (workspace_id, kid)
);
