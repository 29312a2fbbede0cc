CREATE TYPE "public"."account_owner" AS ENUM('client', 'operator', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."handover_step" AS ENUM('not_started', 'ownership_transferred', 'operator_access_removed', 'not_needed');--> statement-breakpoint
CREATE TYPE "public"."managed_account_platform" AS ENUM('meta_business_suite', 'google_business_profile', 'google_ads', 'google_analytics', 'linkedin_page', 'x', 'tiktok', 'other');--> statement-breakpoint
CREATE TYPE "public"."offboarding_state" AS ENUM('in_progress', 'completed', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."outgoing_email_kind" ADD VALUE 'closing_report' BEFORE 'custom';--> statement-breakpoint
CREATE TABLE "managed_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"platform" "managed_account_platform" NOT NULL,
	"handle" text NOT NULL,
	"access_level" text NOT NULL,
	"owner" "account_owner" DEFAULT 'unknown' NOT NULL,
	"handover" "handover_step" DEFAULT 'not_started' NOT NULL,
	"handover_changed_at" timestamp with time zone,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "managed_accounts_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "managed_accounts_handle_present" CHECK (length(btrim("managed_accounts"."handle")) > 0)
);
--> statement-breakpoint
CREATE TABLE "offboardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"state" "offboarding_state" DEFAULT 'in_progress' NOT NULL,
	"reasons" jsonb NOT NULL,
	"ends_on" date NOT NULL,
	"started_by" uuid NOT NULL,
	"termination_email_id" uuid,
	"closing_report_email_id" uuid,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offboardings_workspace_id_id_key" UNIQUE("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "work_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"outcome" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_log_entries_workspace_id_id_key" UNIQUE("workspace_id","id"),
	CONSTRAINT "work_log_entries_title_present" CHECK (length(btrim("work_log_entries"."title")) > 0)
);
--> statement-breakpoint
ALTER TABLE "managed_accounts" ADD CONSTRAINT "managed_accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "managed_accounts" ADD CONSTRAINT "managed_accounts_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_operator_fk" FOREIGN KEY ("workspace_id","started_by") REFERENCES "public"."operators"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_termination_email_fk" FOREIGN KEY ("workspace_id","termination_email_id") REFERENCES "public"."outgoing_emails"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_closing_report_email_fk" FOREIGN KEY ("workspace_id","closing_report_email_id") REFERENCES "public"."outgoing_emails"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_entries" ADD CONSTRAINT "work_log_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_entries" ADD CONSTRAINT "work_log_entries_client_fk" FOREIGN KEY ("workspace_id","client_id") REFERENCES "public"."clients"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_log_entries" ADD CONSTRAINT "work_log_entries_operator_fk" FOREIGN KEY ("workspace_id","recorded_by") REFERENCES "public"."operators"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "managed_accounts_client_idx" ON "managed_accounts" USING btree ("workspace_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offboardings_one_open_per_client" ON "offboardings" USING btree ("workspace_id","client_id") WHERE "offboardings"."state" = 'in_progress';--> statement-breakpoint
CREATE INDEX "work_log_entries_client_done_idx" ON "work_log_entries" USING btree ("workspace_id","client_id","done_on");