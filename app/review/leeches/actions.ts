"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/server/db";
import { errorMessage } from "@/lib/server/http-errors";
import { currentLearnerId } from "@/lib/server/learners";
import { markLeechRestudied } from "@/lib/server/review";

const schema = z.object({ cardId: z.string().trim().min(1).max(300) });

export async function markRestudiedAction(_previous: string | null, formData: FormData): Promise<string | null> {
  const parsed = schema.safeParse({ cardId: formData.get("cardId") });
  if (!parsed.success) return "카드 id 가 없습니다.";
  try {
    await markLeechRestudied(getDb(), currentLearnerId(), parsed.data.cardId);
  } catch (error) {
    return errorMessage(error);
  }
  revalidatePath("/review/leeches");
  return null;
}
