// A review tab as the browser runs it (components/review/review-session.tsx): page load, then
// answers and undos that send the upcoming window and keep the counts the same way.
import { answerInputSchema, parseInput } from "@/lib/core/srs/inputs";
import type { RatingValue } from "@/lib/core/srs/types";
import { UPCOMING_WINDOW, type AnswerResult, type ReviewCardView, type ReviewScope, type SessionCounts } from "@/lib/core/srs/views";
import type { Db } from "@/lib/server/db";
import { answerCard, fetchReviewSession, NO_SCOPE, undoAnswer } from "@/lib/server/review";

export class ReviewTab {
  card: ReviewCardView | null = null;
  counts: SessionCounts = { new: 0, learning: 0, review: 0 };
  upcoming: string[] = [];
  undoLogId: string | null = null;
  newLimit = 0;
  newStartedToday = 0;
  nextDueAt: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly learnerId: string,
    private readonly correctOf: (questionId: string) => string[],
    readonly scope: ReviewScope = NO_SCOPE,
  ) {}

  async load(now: Date): Promise<this> {
    const session = await fetchReviewSession(this.db, { learnerId: this.learnerId, scope: this.scope, now });
    this.card = session.card;
    this.counts = session.counts;
    this.upcoming = session.upcoming;
    this.undoLogId = session.undoLogId;
    this.newLimit = session.newLimit;
    this.newStartedToday = session.newStartedToday;
    this.nextDueAt = session.nextDueAt;
    return this;
  }

  /** Answers the card on screen (right answer unless `wrong`) and moves on like the browser. */
  async answer(now: Date, rating: RatingValue = 3, options: { wrong?: boolean; version?: number } = {}): Promise<AnswerResult> {
    const card = this.card;
    if (!card) throw new Error("no card on screen");
    const correct = this.correctOf(card.questionId);
    const selected = card.selectCount === 0 ? [] : options.wrong ? ["A", "B", "C", "D", "E"].filter((key) => !correct.includes(key)).slice(0, card.selectCount) : correct;
    const input = parseInput(answerInputSchema, {
      cardId: card.cardId,
      version: options.version ?? card.version,
      rating,
      selected,
      durationMs: 5_000,
      upcoming: this.upcoming.slice(0, UPCOMING_WINDOW),
      topic: this.scope.topic,
      domain: this.scope.domain,
    });
    const result = await answerCard(this.db, { learnerId: this.learnerId, input, now });
    const gone = new Set([...result.dropped, card.cardId, result.card?.cardId ?? ""]);
    this.counts = {
      new: Math.max(0, Math.min(this.counts.new - (result.answeredKind === "new" ? 1 : 0), this.newLimit - result.newStartedToday)),
      review: Math.max(0, this.counts.review - (result.answeredKind === "review" ? 1 : 0)),
      learning: result.learningDue,
    };
    this.upcoming = this.upcoming.filter((id) => !gone.has(id));
    this.card = result.card;
    this.undoLogId = result.undoLogId;
    this.newStartedToday = result.newStartedToday;
    this.nextDueAt = result.nextDueAt;
    return result;
  }

  async undo(now: Date) {
    if (!this.undoLogId) throw new Error("nothing to undo");
    const result = await undoAnswer(this.db, { learnerId: this.learnerId, input: { logId: this.undoLogId, topic: this.scope.topic, domain: this.scope.domain }, now });
    this.counts = {
      new: this.counts.new + (result.restoredKind === "new" ? 1 : 0),
      review: this.counts.review + (result.restoredKind === "review" ? 1 : 0),
      learning: result.learningDue,
    };
    if (this.card && this.card.cardId !== result.card?.cardId) this.upcoming = [this.card.cardId, ...this.upcoming.filter((id) => id !== this.card?.cardId)];
    this.card = result.card;
    this.undoLogId = result.undoLogId;
    this.newStartedToday = result.newStartedToday;
    return result;
  }
}
