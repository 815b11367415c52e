// Small helpers shared by the question pages' server actions.
import { AppError } from "@/lib/core/errors";
import { errorMessage } from "@/lib/server/http-errors";

export function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Our own errors carry a Korean message for the form; anything else is logged and hidden. */
export function failure(error: unknown): string {
  if (!(error instanceof AppError)) console.error(error);
  return errorMessage(error);
}
