-- What a resident allowed an OpenID Connect relying party to receive, remembered until it expires
-- so the consent page is not shown at every sign-in. One row per resident and relying party; a new
-- consent replaces the old one. Beside partners and auth_transactions, which it names in the same
-- way (plain UIN and partner id, no foreign key: identities and partners are never deleted).
create table oidc_consents (
  uin        text        not null,
  partner_id text        not null,
  claims     text[]      not null,
  granted_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (uin, partner_id)
);
