// Review settings: read, validate and save (LearnerSettings).
import "server-only";
import type { Db } from "@/lib/server/db";
import { parseReviewSettings, type SettingsFieldErrors } from "@/lib/core/srs/settings";
import type { ReviewSettings } from "@/lib/core/srs/types";
import { countReviewLogs, readOptimizerRecord, readSettings, writeSettings, type OptimizerRecord } from "@/lib/server/cards";

export interface SettingsView {
  settings: ReviewSettings;
  optimizer: OptimizerRecord & { reviewCount: number; usingPersonalParameters: boolean };
}

export async function fetchSettingsView(db: Db, learnerId: string): Promise<SettingsView> {
  const [settings, record, reviewCount] = await Promise.all([readSettings(db, learnerId), readOptimizerRecord(db, learnerId), countReviewLogs(db, learnerId)]);
  return { settings, optimizer: { ...record, reviewCount, usingPersonalParameters: settings.fsrsParameters != null } };
}

export type SaveSettingsResult = { ok: true } | { ok: false; fieldErrors: SettingsFieldErrors };

/** Validates with zod (Korean field errors) and saves; nothing is written when a field is bad. */
export async function saveSettings(db: Db, learnerId: string, input: unknown): Promise<SaveSettingsResult> {
  const parsed = parseReviewSettings(input);
  if (!parsed.ok) return parsed;
  await writeSettings(db, learnerId, parsed.value);
  return { ok: true };
}
