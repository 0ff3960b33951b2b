-- The registry. Personal data lives only in the encrypted columns (key_id, wrapped_key, nonce,
-- ciphertext: AES-256-GCM under a per-record data key wrapped by the master key). Identifiers
-- (UIN, VID, registration id) and states are plaintext: they are what rows are found by.

create table identities (
  uin             text        primary key,
  registration_id text        not null unique,
  status          text        not null check (status in ('ACTIVE', 'DEACTIVATED', 'REVOKED')),
  current_version integer     not null,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);

-- Every version is kept; identities.current_version names the one in force.
create table identity_versions (
  uin         text        not null references identities (uin),
  version     integer     not null,
  created_at  timestamptz not null,
  key_id      text        not null,
  wrapped_key bytea       not null,
  nonce       bytea       not null,
  ciphertext  bytea       not null,
  primary key (uin, version)
);

-- HMAC digests of normalized values (blind indexes): equal inputs meet, plaintext never stored.
create table blind_indexes (
  kind   text  not null,
  digest bytea not null,
  uin    text  not null references identities (uin),
  primary key (kind, digest, uin)
);
create index blind_indexes_by_uin on blind_indexes (uin);

-- One row per registration id: the idempotency key of enrollment. RECEIVED exists only inside the
-- enrolling transaction (the row is claimed first, decided before commit), never after a commit. The packet is kept (encrypted)
-- only while a suspected duplicate awaits adjudication.
create table enrollments (
  registration_id text        primary key,
  request_digest  bytea       not null,
  status          text        not null check (status in ('RECEIVED', 'ISSUED', 'DUPLICATE_SUSPECTED', 'REJECTED')),
  uin             text        references identities (uin),
  candidates      text[]      not null default '{}',
  reasons         text[]      not null default '{}',
  linked_uin      text        references identities (uin),
  key_id          text,
  wrapped_key     bytea,
  nonce           bytea,
  ciphertext      bytea,
  received_at     timestamptz not null,
  decided_at      timestamptz
);

create table vids (
  vid        text        primary key,
  uin        text        not null references identities (uin),
  type       text        not null check (type in ('PERPETUAL', 'TEMPORARY', 'ONE_TIME')),
  status     text        not null check (status in ('ACTIVE', 'REVOKED')),
  created_at timestamptz not null,
  expires_at timestamptz,
  max_uses   integer     check (max_uses is null or max_uses > 0),
  uses       integer     not null default 0,
  revoked_at timestamptz
);
create index vids_by_uin on vids (uin);

-- A missing row means "not locked". unlocked_until opens a locked type for a while.
create table auth_locks (
  uin            text        not null references identities (uin),
  auth_type      text        not null check (auth_type in ('DEMO', 'OTP', 'BIO')),
  locked         boolean     not null,
  unlocked_until timestamptz,
  updated_at     timestamptz not null,
  primary key (uin, auth_type)
);

-- Audit entries as written by the transactions that made the changes: no lock, so registry writes
-- never queue behind one another. The chainer moves them into audit_log in batches.
create table audit_pending (
  id      bigserial   primary key,
  at      timestamptz not null,
  actor   text        not null,
  action  text        not null,
  subject text        not null,
  details text        not null
);

-- Append-only, keyed-hash-chained audit log. seq is assigned by the chainer under the head row's
-- lock, so it has no gaps; hash = HMAC(audit key, prev_hash || canonical row).
create table audit_log (
  seq       bigint      primary key,
  at        timestamptz not null,
  actor     text        not null,
  action    text        not null,
  subject   text        not null,
  details   text        not null,
  prev_hash bytea       not null,
  hash      bytea       not null
);

-- The chain's tip. The chainer locks this row, so two nodes never chain at the same time.
create table audit_head (
  id   boolean primary key default true check (id),
  seq  bigint  not null,
  hash bytea   not null
);
insert into audit_head (id, seq, hash) values (true, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
