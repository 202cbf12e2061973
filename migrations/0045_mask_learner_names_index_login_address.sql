-- Issue 13 (decision 0047). A learner account's display name was its key-post holder's name, copied
-- in plaintext into users while the holder's own row keeps it under SM4 (decision 0042, amendment
-- "The training module", "Left plaintext"). A learner's display name is now the masked name (陈明 →
-- 陈*, as platform/privacy/mask.ts's maskName gives: the first character, then one * per further
-- character; a one-character name is *); the real name is read, decrypted, from the holder. SQL
-- needs no key for this, so the migration converts existing accounts itself, in both modes.
UPDATE "users" SET "display_name" = CASE
    WHEN char_length(btrim("display_name")) <= 1 THEN '*'
    ELSE left(btrim("display_name"), 1) || repeat('*', char_length(btrim("display_name")) - 1)
  END
  WHERE "role" = 'learner';--> statement-breakpoint
-- The progressive sign-in delay counts an address's failures over every username
-- (lockout.service.ts, delayOfAttempt); the primary key (username, address) serves only the username.
CREATE INDEX "login_attempts_address_idx" ON "login_attempts" USING btree ("address");
