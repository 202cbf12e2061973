-- The roster change history's phone moves out of the proposal jsonb into a column of its own, so
-- that it is in the registry of encrypted columns (decision 0042) like the requests' and the
-- roster's phones. Existing values move as they are (plaintext: SQL has no key); `pii encrypt`
-- encrypts them with the other registered columns, and the start-up check refuses to run with
-- PII_ENCRYPTION=sm4 until it has.
ALTER TABLE "roster_change_events" ADD COLUMN "phone" text;--> statement-breakpoint
UPDATE "roster_change_events" SET "phone" = coalesce("proposal"->>'phone', ''), "proposal" = "proposal" - 'phone';--> statement-breakpoint
ALTER TABLE "roster_change_events" ALTER COLUMN "phone" SET NOT NULL;
