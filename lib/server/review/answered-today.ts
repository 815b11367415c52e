// "이번에 N장 답함" in the review header, read from the database so it survives a reload: the
// review-screen answers (not exam answers) logged since the learner's day started, in the
// session's scope. An undone answer deletes its log, so it stops counting too.
import "server-only";
import { startOfLearnerDay } from "@/lib/core/srs/day-boundary";
import type { ReviewScope } from "@/lib/core/srs/views";
import { readSettings } from "@/lib/server/cards/settings";
import type { Db } from "@/lib/server/db";

export async function countAnsweredToday(db: Db, context: { learnerId: string; scope: ReviewScope; now: Date }): Promise<number> {
  const settings = await readSettings(db, context.learnerId);
  const dayStart = startOfLearnerDay(context.now, settings.timeZone, settings.dayStartHour);
  return db.reviewLog.count({
    where: {
      learnerId: context.learnerId,
      origin: "review",
      review: { gte: dayStart },
      card: {
        ...(context.scope.card ? { id: context.scope.card } : {}),
        question: {
          ...(context.scope.origin ? { origin: context.scope.origin } : {}),
          ...(context.scope.bank ? { bankId: context.scope.bank } : {}),
          ...(context.scope.domain ? { domain: context.scope.domain } : {}),
          ...(context.scope.topic ? { topics: { some: { topicKey: context.scope.topic } } } : {}),
        },
      },
    },
  });
}
