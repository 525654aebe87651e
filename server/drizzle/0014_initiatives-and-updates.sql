CREATE TABLE "initiative_elements" (
	"initiative_id" uuid NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "initiative_elements_initiative_id_code_pk" PRIMARY KEY("initiative_id","code")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"owner" jsonb NOT NULL,
	"kind" text NOT NULL,
	"summary" jsonb,
	"states" jsonb NOT NULL,
	"contact" text,
	"links" jsonb NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"proposed_by" uuid NOT NULL,
	"proposer_state" text,
	"proposer_organisation" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp (3) with time zone
);
--> statement-breakpoint
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
ALTER TABLE "initiative_elements" ADD CONSTRAINT "initiative_elements_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_unsubscribe_tokens" ADD CONSTRAINT "update_unsubscribe_tokens_subscription_id_update_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."update_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_elements_code_idx" ON "initiative_elements" USING btree ("code");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "update_subscriptions_digest_idx" ON "update_subscriptions" USING btree ("email_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "update_subscriptions_confirm_idx" ON "update_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "update_subscriptions_status_idx" ON "update_subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "update_unsubscribe_tokens_subscription_idx" ON "update_unsubscribe_tokens" USING btree ("subscription_id");