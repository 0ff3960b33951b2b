-- Every change that can alter the outcome of an authentication (status, new version, locks, VIDs)
-- gives the identity a new, larger auth_revision. Caches of the auth view keep an entry only while
-- no newer revision has been written, whatever order the loads and the updates arrive in.
-- Triggers, not service code, bump it: no write path can forget.
create sequence auth_revisions;

alter table identities add column auth_revision bigint not null default nextval('auth_revisions');

create function identities_next_auth_revision() returns trigger language plpgsql as $$
begin
  new.auth_revision := nextval('auth_revisions');
  return new;
end
$$;
create trigger identities_auth_revision before update on identities
  for each row execute function identities_next_auth_revision();

create function touch_identity_auth_revision() returns trigger language plpgsql as $$
begin
  update identities set auth_revision = nextval('auth_revisions') where uin = new.uin;
  return null;
end
$$;
create trigger auth_locks_auth_revision after insert or update on auth_locks
  for each row execute function touch_identity_auth_revision();
create trigger vids_auth_revision after insert or update on vids
  for each row execute function touch_identity_auth_revision();
