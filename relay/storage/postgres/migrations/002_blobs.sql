-- Files of cases (the blob endpoint, relay/blobs/pg-blob-store.ts), shared by every relay process
-- on this database, so an upload cut on one process resumes on another and any process serves it.
-- One row per blob in relay_blobs; its bytes in relay_blob_chunks rows of up to 1 MiB, keyed by
-- their byte offset: the chunks of a blob are contiguous (offset of the next = offset + length),
-- so `received` is always the sum of the chunk lengths. A blob counts as stored only once
-- `committed`: its bytes were read back and their SHA-256 equals `hash`.
CREATE TABLE relay_blobs (
  hash       text   COLLATE "C" PRIMARY KEY,   -- SHA-256, lower-case hex
  size       bigint  NOT NULL,                 -- total bytes the upload declared
  received   bigint  NOT NULL DEFAULT 0,       -- bytes held in relay_blob_chunks
  committed  boolean NOT NULL DEFAULT false,   -- verified: the bytes hash to `hash`
  created_at bigint  NOT NULL,                 -- ms since epoch
  updated_at bigint  NOT NULL
);

CREATE TABLE relay_blob_chunks (
  hash   text   COLLATE "C" NOT NULL REFERENCES relay_blobs (hash) ON DELETE CASCADE,
  offset_bytes bigint NOT NULL,                -- position of data[0] in the blob
  data   bytea  NOT NULL,
  PRIMARY KEY (hash, offset_bytes)
);
