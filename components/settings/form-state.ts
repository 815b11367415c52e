// Shapes passed between the settings actions and the forms.
import type { SettingsFieldErrors } from "@/lib/core/srs/settings";

export interface SettingsFormState {
  status: "idle" | "saved" | "invalid" | "error";
  fieldErrors: SettingsFieldErrors;
  /** what the learner typed, so a rejected form keeps it */
  values: Record<string, string> | null;
  message: string | null;
}

export interface OptimizeResultView {
  reviewCount: number;
  itemCount: number;
  logLossBefore: number;
  logLossAfter: number;
  applied: boolean;
  elapsedMs: number;
}

export interface OptimizeState {
  status: "idle" | "done" | "error";
  result: OptimizeResultView | null;
  message: string | null;
}
