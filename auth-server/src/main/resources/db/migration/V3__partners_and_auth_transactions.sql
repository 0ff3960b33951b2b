-- Relying parties. The API key is kept only as a SHA-256 digest (the key is 256 random bits, so a
-- fast digest is enough); signing and encryption keys are public JWKs. revision grows with every
-- change, so caches keep the newest partner whatever order loads and updates arrive in.
create table partners (
  partner_id     text        primary key,
  name           text        not null,
  status         text        not null check (status in ('ACTIVE', 'SUSPENDED')),
  api_key_hash   bytea       not null,
  signing_keys   jsonb       not null,
  encryption_key jsonb,
  policy         jsonb       not null,
  revision       bigint      not null,
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);

-- Every authentication, e-KYC and OTP request, answered yes or no, for the resident's history and
-- for reconciliation with partners. Written in batches off the request path.
create table auth_transactions (
  id             bigserial   primary key,
  at             timestamptz not null,
  partner_id     text        not null,
  transaction_id text        not null,
  kind           text        not null check (kind in ('AUTH', 'KYC', 'OTP', 'RESIDENT')),
  uin            text,
  id_type        text        check (id_type in ('UIN', 'VID')),
  auth_types     text[]      not null,
  success        boolean     not null,
  errors         text[]      not null
);
create index auth_transactions_by_uin on auth_transactions (uin, at desc);
