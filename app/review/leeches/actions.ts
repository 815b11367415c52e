"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestContext } from "@/lib/server/context";
import { crossSiteRefusal, errorMessage } from "@/lib/server/http";
import { markLeechRestudied } from "@/lib/server/review";

const schema = z.object({ cardId: z.string().trim().min(1).max(300) });

export async function markRestudiedAction(_previous: string | null, formData: FormData): Promise<string | null> {
  const refused = await crossSiteRefusal();
  if (refused) return refused;
  const parsed = schema.safeParse({ cardId: formData.get("cardId") });
  if (!parsed.success) return "카드 id 가 없습니다.";
  try {
    const { db, learnerId } = await requestContext();
    await markLeechRestudied(db, learnerId, parsed.data.cardId);
  } catch (error) {
    return errorMessage(error);
  }
  revalidatePath("/review/leeches");
  return null;
}
