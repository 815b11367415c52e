"use server";
import { revalidatePath } from "next/cache";
import { requestContext } from "@/lib/server/context";
import { crossSiteRefusal, errorMessage } from "@/lib/server/http";
import { optimizeParameters, saveSettings } from "@/lib/server/review";
import type { OptimizeState, SettingsFormState } from "@/components/settings/form-state";

const FIELDS = ["desiredRetention", "dailyNewLimit", "maximumIntervalDays", "dayStartHour", "timeZone", "leechThreshold", "optimizeMinReviews", "examDate", "dailyReviewLimit", "learningSteps", "relearningSteps"] as const;

export async function saveSettingsAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", fieldErrors: {}, values, message: refused };
  try {
    const { db, learnerId } = await requestContext();
    const result = await saveSettings(db, learnerId, values);
    if (!result.ok) return { status: "invalid", fieldErrors: result.fieldErrors, values, message: "입력값을 확인하세요." };
  } catch (error) {
    return { status: "error", fieldErrors: {}, values, message: errorMessage(error) };
  }
  revalidatePath("/settings");
  revalidatePath("/review");
  return { status: "saved", fieldErrors: {}, values, message: "저장했습니다. 다음 카드부터 적용됩니다." };
}

export async function optimizeAction(_previous: OptimizeState): Promise<OptimizeState> {
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", result: null, message: refused };
  try {
    const { db, learnerId, now } = await requestContext();
    const result = await optimizeParameters(db, { learnerId, now });
    revalidatePath("/settings");
    return { status: "done", result, message: null };
  } catch (error) {
    return { status: "error", result: null, message: errorMessage(error) };
  }
}
