-- OpenID Connect sign-ins are recorded as their own kind, naming the relying party in partner_id,
-- so each appears in the resident's history beside the partner API's requests.
alter table auth_transactions drop constraint auth_transactions_kind_check;
alter table auth_transactions
  add constraint auth_transactions_kind_check check (kind in ('AUTH', 'KYC', 'OTP', 'RESIDENT', 'OIDC'));
