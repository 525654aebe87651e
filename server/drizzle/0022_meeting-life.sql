ALTER TABLE "meetings" ADD COLUMN "announced_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "postponed_from" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "postpone_reason" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
UPDATE "meetings" SET "announced_at" = "created_at" WHERE "announced_at" IS NULL;--> statement-breakpoint
-- The feeds gave SEQUENCE as the version until now: keep it from going down for calendars subscribed already.
UPDATE "meetings" SET "sequence" = "version";
