-- QR credentials (ID cards) and the Token Status Lists that publish their status. No personal
-- data here: a credential row says whose it is (UIN), which identity version it carries, where its
-- status lives, which key signed it and when it expires. The credential itself is never stored; it
-- is rebuilt from the identity version and this row when a card is printed again.

-- One list per capacity-sized block of credentials; its URI is <public base URL>/statuslists/<list_id>.
create table status_lists (
  list_id    integer     primary key check (list_id > 0),
  capacity   integer     not null check (capacity > 0 and capacity % 4 = 0),
  bits       smallint    not null check (bits = 2),
  created_at timestamptz not null
);

-- A credential's status is not stored: it is derived whenever a list is built, from the identity's
-- status (REVOKED: invalid, DEACTIVATED: suspended) and superseded_at (a newer credential of the
-- same identity: invalid). Nothing can forget to flip a bit.
create table credentials (
  credential_id    uuid        primary key,
  uin              text        not null references identities (uin),
  identity_version integer     not null check (identity_version > 0),
  list_id          integer     not null references status_lists (list_id),
  list_index       integer     not null check (list_index >= 0),
  kid              text        not null,
  alg              text        not null check (alg in ('EdDSA', 'ES256')),
  issued_at        timestamptz not null,
  expires_at       timestamptz not null,
  superseded_at    timestamptz,
  -- Concurrent issuance on several nodes draws random indexes; this makes a taken one a retry.
  unique (list_id, list_index)
);
create index credentials_by_uin on credentials (uin, issued_at desc);
