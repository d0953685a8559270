-- Customers are looked up by owner (data scope "own", ownership transfer) and by department (data scope
-- "department"), never for having none. Many have neither: a service centre's imported members have no customer
-- manager. Those no longer enter the two indexes, which cost each imported row (docs/benchmarks.md).
DROP INDEX customer_owner;
CREATE INDEX customer_owner ON customer (owner_id) WHERE owner_id IS NOT NULL;
DROP INDEX customer_department;
CREATE INDEX customer_department ON customer (department_id) WHERE department_id IS NOT NULL;
