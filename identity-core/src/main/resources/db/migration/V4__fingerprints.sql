-- Fingerprint templates, one encrypted row per identity (ISO/IEC 19794-2:2005 records of every
-- enrolled finger), kept apart from identity_versions so that the 1:N gallery loads templates
-- without decrypting whole identity documents.
--
-- seq orders the rows for the galleries that tail this table. Every write takes the advisory lock
-- fingerprint_writes (see FingerprintStore) and holds it to commit, so rows become visible in seq
-- order: a gallery that has seen seq N has seen every committed row below N.
create sequence fingerprint_seq;

create table fingerprint_templates (
  uin         text        primary key references identities (uin),
  seq         bigint      not null unique,
  version     integer     not null,
  fingers     smallint    not null,
  updated_at  timestamptz not null,
  key_id      text        not null,
  wrapped_key bytea       not null,
  nonce       bytea       not null,
  ciphertext  bytea       not null
);

-- A change of templates is a change of what biometric authentication compares against.
create trigger fingerprint_templates_auth_revision after insert or update on fingerprint_templates
  for each row execute function touch_identity_auth_revision();

-- Scores of the fingerprint candidates behind a DUPLICATE_SUSPECTED outcome:
-- [{"uin": ..., "score": ..., "position": ...}], best first.
alter table enrollments add column biometric_candidates jsonb not null default '[]';
