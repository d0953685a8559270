-- Search (issue 6): the index lives on disk (kefu.data-dir/search), not in the database; administrators may
-- rebuild it from the database on demand.
INSERT INTO role_permission (role_id, permission)
SELECT r.id, 'SEARCH_MANAGE' FROM role r WHERE r.code = 'ADMINISTRATOR';
