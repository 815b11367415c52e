// Shapes the question forms and their server actions exchange (app/questions/actions.ts).
// Plain data only: they cross the server/client boundary.

export interface ReportFormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: { reason?: string; detail?: string };
  /** what the learner typed, so a refused form keeps it */
  values?: { reason: string; detail: string };
}

export interface ResolveFormState {
  status: "idle" | "error" | "success";
  message?: string;
}

export interface RemoveBankFormState {
  status: "idle" | "error" | "success";
  message?: string;
}

export const IDLE = { status: "idle" } as const;
