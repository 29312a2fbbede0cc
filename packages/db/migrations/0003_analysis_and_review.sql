CREATE TYPE "public"."proposal_kind" AS ENUM('invoice', 'payment', 'promise', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('proposed', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TABLE "client_health" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"control_score" integer NOT NULL,
	"open_asks" integer NOT NULL,
	"responsiveness" jsonb NOT NULL,
	"control" jsonb NOT NULL,
	"payments" jsonb NOT NULL,
	CONSTRAINT "client_health_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "client_health_client_key" UNIQUE("workspace_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "control_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"score" integer NOT NULL,
	"thread_id" uuid,
	CONSTRAINT "control_samples_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "control_samples_client_day_key" UNIQUE("workspace_id","client_id","day")
);
--> statement-breakpoint
CREATE TABLE "mail_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"kind" "proposal_kind" NOT NULL,
	"ordinal" integer NOT NULL,
	"sentence" text,
	"rule" text NOT NULL,
	"details" jsonb NOT NULL,
	"status" "proposal_status" DEFAULT 'proposed' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_proposals_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "mail_proposals_message_kind_key" UNIQUE("workspace_id","message_id","kind","ordinal")
);
--> statement-breakpoint
CREATE TABLE "message_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"direction" "message_direction" NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"from_client" boolean NOT NULL,
	"auto_reply" boolean NOT NULL,
	"after_hours" boolean NOT NULL,
	"findings" jsonb NOT NULL,
	"analyzed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_analyses_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "message_analyses_message_key" UNIQUE("workspace_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "template_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"mjml" text NOT NULL,
	"subject" text,
	"text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_overrides_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "template_overrides_kind_locale_key" UNIQUE("workspace_id","kind","locale")
);
--> statement-breakpoint
ALTER TABLE "asks" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reminders_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "disputed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "promised_pay_on" date;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "visible_text_note" text;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "step_key" text;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "covers_ask_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "template_data" jsonb;--> statement-breakpoint
ALTER TABLE "outgoing_emails" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_health" ADD CONSTRAINT "client_health_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_health" ADD CONSTRAINT "client_health_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_samples" ADD CONSTRAINT "control_samples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_samples" ADD CONSTRAINT "control_samples_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_proposals" ADD CONSTRAINT "mail_proposals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_proposals" ADD CONSTRAINT "mail_proposals_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_proposals" ADD CONSTRAINT "mail_proposals_message_fk" FOREIGN KEY ("workspace_id","message_id") REFERENCES "public"."messages"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_message_fk" FOREIGN KEY ("workspace_id","message_id") REFERENCES "public"."messages"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_thread_fk" FOREIGN KEY ("workspace_id","thread_id") REFERENCES "public"."threads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_analyses" ADD CONSTRAINT "message_analyses_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_overrides" ADD CONSTRAINT "template_overrides_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_proposals_client_status_idx" ON "mail_proposals" USING btree ("workspace_id","client_id","status");--> statement-breakpoint
CREATE INDEX "message_analyses_client_sent_idx" ON "message_analyses" USING btree ("workspace_id","client_id","sent_at");--> statement-breakpoint
CREATE INDEX "message_analyses_thread_idx" ON "message_analyses" USING btree ("workspace_id","thread_id");