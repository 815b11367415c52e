"use server";
// Card-browser actions: parse the form with zod, run the service through the edge (runAction:
// same-origin check, Korean error), revalidate the pages whose cards changed.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CardOperationState } from "@/components/cards/form-state";
import type { CardOperation } from "@/lib/core/srs/card-operations";
import { addQuestionToReview, applyCardOperation, MAX_SELECTION, undoCardOperation } from "@/lib/server/card-browser";
import { formText, runAction } from "@/lib/server/http";

/** The operation select's values: "flag-0" … "flag-4" carry the colour. */
const operationSchema = z
  .string({ error: "무엇을 할지 고르세요." })
  .regex(/^(suspend|unsuspend|bury|unbury|reset|reschedule|flag-[0-4])$/, { error: "무엇을 할지 고르세요." })
  .transform((value): CardOperation => (value.startsWith("flag-") ? { kind: "flag", flag: Number(value.slice(5)) } : { kind: value as Exclude<CardOperation["kind"], "flag"> }));

const cardIdsSchema = z
  .array(z.string().trim().min(1).max(300))
  .min(1, { error: "카드를 하나 이상 고르세요." })
  .max(MAX_SELECTION, { error: `한 번에 ${MAX_SELECTION}장까지 바꿀 수 있습니다.` });

export async function cardOperationAction(_previous: CardOperationState, formData: FormData): Promise<CardOperationState> {
  const operation = operationSchema.safeParse(formText(formData, "operation"));
  const cardIds = cardIdsSchema.safeParse(formData.getAll("cardId").filter((value): value is string => typeof value === "string"));
  if (!operation.success) return { status: "error", message: operation.error.issues[0]?.message ?? "무엇을 할지 고르세요.", undoToken: null };
  if (!cardIds.success) return { status: "error", message: cardIds.error.issues[0]?.message ?? "카드를 고르세요.", undoToken: null };
  const result = await runAction(({ db, learnerId, now }) => applyCardOperation(db, { learnerId, cardIds: cardIds.data, operation: operation.data, now }));
  if (!result.ok) return { status: "error", message: result.message, undoToken: null };
  revalidatePath("/cards");
  revalidatePath("/review");
  return { status: "done", message: result.value.message, undoToken: result.value.undoToken };
}

export async function undoCardOperationAction(_previous: CardOperationState, formData: FormData): Promise<CardOperationState> {
  const token = formText(formData, "undoToken");
  if (token === "" || token.length > 200_000) return { status: "error", message: "되돌릴 변경이 없습니다.", undoToken: null };
  const result = await runAction(({ db, learnerId }) => undoCardOperation(db, { learnerId, token }));
  if (!result.ok) return { status: "error", message: result.message, undoToken: null };
  revalidatePath("/cards");
  revalidatePath("/review");
  return { status: "done", message: result.value.message, undoToken: null };
}

/** "복습에 추가" on a question page. */
export async function addToReviewAction(_previous: CardOperationState, formData: FormData): Promise<CardOperationState> {
  const questionId = z.string().trim().min(1).max(300).safeParse(formText(formData, "questionId"));
  if (!questionId.success) return { status: "error", message: "어느 문제인지 알 수 없습니다. 페이지를 새로 고쳐 주세요.", undoToken: null };
  const result = await runAction(({ db, learnerId, now }) => addQuestionToReview(db, { learnerId, questionId: questionId.data, now }));
  if (!result.ok) return { status: "error", message: result.message, undoToken: null };
  revalidatePath("/review");
  revalidatePath("/cards");
  return { status: "done", message: result.value.message, undoToken: null };
}
