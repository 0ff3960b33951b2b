-- A partner's transaction id is admitted once per kind of request, cluster-wide and across
-- restarts: the database is the final arbiter, whatever the replay memory in Hazelcast holds.
--
-- Only signed partner requests (AUTH, KYC, OTP) are unique. RESIDENT rows are the resident
-- portal's own, unsigned requests: the portal sends the same transaction id for its code and its
-- sign-in, and nothing is replay-protected there.
--
-- Before this version a replay could be admitted after a restart, so a database may already hold
-- a transaction id twice. Those rows are kept (they are the record of what was answered) and the
-- later ones are marked replayed_before_v6; only unmarked rows take part in the unique index. The
-- migration therefore never fails on such data, and no new row is ever marked.
alter table auth_transactions add column replayed_before_v6 boolean not null default false;

update auth_transactions t set replayed_before_v6 = true
  from (select id, row_number() over (partition by partner_id, kind, transaction_id order by at, id) as nth
          from auth_transactions
         where kind <> 'RESIDENT') ranked
 where t.id = ranked.id and ranked.nth > 1;

create unique index auth_transactions_once on auth_transactions (partner_id, kind, transaction_id)
  where kind <> 'RESIDENT' and not replayed_before_v6;

-- At start a node reads the last few minutes' transaction ids back into the replay memory. Rows
-- arrive in time order, so a BRIN index finds them for a few kilobytes and almost no write cost.
create index auth_transactions_by_time on auth_transactions using brin (at);
