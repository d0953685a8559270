-- A customer's timeline is read by customer, newest first, and never by entry alone: the index it is read by is
-- its key, and the index on the entry number alone goes (one index less for every imported customer).
ALTER TABLE customer_timeline DROP CONSTRAINT customer_timeline_pkey;
DROP INDEX customer_timeline_customer;
ALTER TABLE customer_timeline ADD CONSTRAINT customer_timeline_pkey PRIMARY KEY (customer_id, occurred_at, id);
