CREATE TABLE "update_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_digest" text NOT NULL,
	"status" text NOT NULL,
	"language" text NOT NULL,
	"topics" jsonb NOT NULL,
	"requested_language" text NOT NULL,
	"requested_topics" jsonb NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp (3) with time zone,
	"confirmation_sent_at" timestamp (3) with time zone,
	"confirmed_at" timestamp (3) with time zone,
	"last_digest_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "update_unsubscribe_tokens" ADD CONSTRAINT "update_unsubscribe_tokens_subscription_id_update_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."update_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "update_subscriptions_digest_idx" ON "update_subscriptions" USING btree ("email_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "update_subscriptions_confirm_idx" ON "update_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "update_subscriptions_status_idx" ON "update_subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "update_unsubscribe_tokens_subscription_idx" ON "update_unsubscribe_tokens" USING btree ("subscription_id");