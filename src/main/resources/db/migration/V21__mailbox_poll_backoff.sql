-- A mailbox whose server keeps failing is polled less and less often (its poll interval doubled per failure in a
-- row, at most an hour apart), instead of at its interval for as long as the server is down.
ALTER TABLE email_mailbox ADD COLUMN failed_polls INT NOT NULL DEFAULT 0;
