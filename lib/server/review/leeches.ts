// Leeches: cards forgotten `leechThreshold` times, listed with their source topic to re-study.
import "server-only";
import type { Db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/core/errors";
import { questionFromRow } from "@/lib/server/questions/map";
import { maskCloze } from "@/lib/core/questions/grading";
import type { SourceRef } from "@/lib/core/questions/types";
import type { TopicLink } from "@/lib/core/srs/views";
import { clearLeech, findLeechCards, readSettings } from "@/lib/server/cards";
import { resolveTopicLinks } from "./session";

export interface LeechView {
  cardId: string;
  questionId: string;
  stem: string;
  lapses: number;
  reps: number;
  due: string;
  topics: TopicLink[];
  sources: SourceRef[];
}

export async function listLeeches(db: Db, learnerId: string): Promise<{ threshold: number; leeches: LeechView[] }> {
  const [settings, rows] = await Promise.all([readSettings(db, learnerId), findLeechCards(db, learnerId)]);
  const questions = rows.map((row) => questionFromRow(row.question));
  const links = await resolveTopicLinks(db, [...new Set(questions.flatMap((question) => question.topics))]);
  const linkByKey = new Map(links.map((link) => [link.key, link]));
  return {
    threshold: settings.leechThreshold,
    leeches: rows.map((row, index) => {
      const question = questions[index] ?? questionFromRow(row.question);
      return {
        cardId: row.id,
        questionId: row.questionId,
        stem: question.type === "cloze" ? maskCloze(question.stem) : question.stem,
        lapses: row.lapses,
        reps: row.reps,
        due: row.due.toISOString(),
        topics: question.topics.flatMap((key) => {
          const link = linkByKey.get(key);
          return link ? [link] : [];
        }),
        sources: question.sources,
      };
    }),
  };
}

/** The learner re-studied the topic: the mark goes, the schedule and lapse count stay. */
export async function markLeechRestudied(db: Db, learnerId: string, cardId: string): Promise<void> {
  if ((await clearLeech(db, learnerId, cardId)) !== 1) throw new NotFoundError(`거머리 카드 "${cardId}" 를 찾을 수 없습니다.`);
}
