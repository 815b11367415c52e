// Practice exams: start, save as the learner goes, finish (by submit or by the clock), and the
// views the pages render. The server owns the clock and the version: every save is checked
// against the deadline stored at the start and against the attempt version the page saw.
//
// What an exam answer does to the review schedule (through recordAnswer, origin "exam"):
// - a wrong or unanswered question rates its card Again: the card lapses (a review card becomes
//   relearning, a new card starts learning) and is due again within minutes;
// - a right answer rates Good only when the card is already due (a learned card whose interval
//   has run out): the exam was then a genuine retrieval at the right time. A right answer on a
//   new card or on a card not yet due leaves its schedule as it is, so an exam never stretches
//   intervals early; it still counts in the exam's own accuracy (ExamItem.correct).
import "server-only";
import { randomBytes } from "node:crypto";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { blueprintFor } from "@/lib/core/exam/blueprint";
import type { ExamAnswerInput, ExamFlagInput, ExamSubmitInput } from "@/lib/core/exam/inputs";
import { gradeExamItem, scoreExam } from "@/lib/core/exam/scoring";
import { selectExamQuestions } from "@/lib/core/exam/select";
import { isPastDeadline, remainingMs, examDeadline, timeUsedMs } from "@/lib/core/exam/timing";
import { examTitle } from "@/lib/core/exam/title";
import type {
  ExamAttemptSummary,
  ExamAttemptView,
  ExamConfig,
  ExamFeedbackView,
  ExamItemState,
  ExamMode,
  ExamFeedback,
  ExamPoolQuestion,
  ExamQuestionView,
  ExamResultView,
  ExamSaveResult,
  ExamScore,
  ExamStartView,
  ExamStatus,
  FinishReason,
  SelectionNotice,
} from "@/lib/core/exam/types";
import { SAA_C03 } from "@/lib/core/exam/types";
import { weaknessOf } from "@/lib/core/exam/weakness";
import { toQuestionFace } from "@/lib/core/questions/card-view";
import { DOMAIN_LABELS, DOMAINS, type Domain, type Question } from "@/lib/core/questions/types";
import { examHref, examResultsHref, noteHref } from "@/lib/core/hrefs";
import { createScheduler } from "@/lib/core/srs/scheduler";
import { RATINGS, type CardStateValue } from "@/lib/core/srs/types";
import { withTransaction, type Db, type Tx } from "@/lib/server/db";
import { cardRecordFromRow, ensureCards, readSettings, recordAnswer, resolveTopicLinks } from "@/lib/server/cards";
import { questionFromRow } from "@/lib/server/questions/map";
import { serviceName } from "@/lib/server/study/taxonomy";
import {
  bumpAttemptVersion,
  countChoiceQuestions,
  countChoiceQuestionsByTopic,
  fetchExamPoolCached,
  fetchRecentExamQuestionIds,
  fetchWeaknessRows,
  findAttempt,
  findExpiredAttemptIds,
  findItem,
  findItems,
  insertAttempt,
  listAttempts,
  markAbandoned,
  markFinished,
  updateItem,
  writeItemGrades,
  type AttemptListRow,
  type AttemptRow,
  type ItemRow,
} from "./repository";

type AnyDb = Db | Tx;

export const STALE_EXAM_MESSAGE = "이 시험은 다른 탭이나 이전 요청에서 이미 바뀌었습니다. 현재 상태를 다시 불러옵니다.";
const FINISHED_MESSAGE = "이미 끝난 시험입니다. 결과 화면에서 확인하세요.";
const EXPIRED_MESSAGE = "시험 시간이 끝나 답안을 더 저장할 수 없습니다. 저장된 답안으로 채점했습니다.";
/** Recent answers that weak mode looks at. */
const WEAKNESS_WINDOW_DAYS = 30;
/** The most time one save may add to a question (a tab left open overnight is not time spent). */
const MAX_TIME_PER_SAVE_MS = 30 * 60_000;

// ------------------------------------------------------------------ helpers

function parseKeys(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === "string") : [];
}

function configOf(attempt: AttemptRow): ExamConfig {
  return JSON.parse(attempt.config) as ExamConfig;
}

function noticesOf(attempt: AttemptRow): SelectionNotice[] {
  return JSON.parse(attempt.notices) as SelectionNotice[];
}

async function loadQuestions(db: AnyDb, ids: readonly string[]): Promise<Map<string, Question>> {
  // An exam holds at most CUSTOM_MAX_QUESTIONS questions, so this list is bounded.
  const rows = await db.question.findMany({ where: { id: { in: [...ids] } }, include: { topics: { orderBy: { topicKey: "asc" } } } });
  return new Map(rows.map((row) => [row.id, questionFromRow(row)]));
}

async function loadOwnedAttempt(db: AnyDb, learnerId: string, attemptId: string): Promise<AttemptRow> {
  const attempt = await findAttempt(db, attemptId);
  // Another learner's attempt is reported exactly like a missing one.
  if (!attempt || attempt.learnerId !== learnerId) throw new NotFoundError(`시험 "${attemptId}" 을 찾을 수 없습니다.`, "exam_not_found");
  return attempt;
}

function sourceLinks(question: Question): { href: string; label: string }[] {
  return question.sources.map((source) => ({ href: noteHref(source.file, source.line), label: `${source.file} · ${source.heading}` }));
}

function feedbackOf(position: number, question: Question, selected: readonly string[]): ExamFeedbackView {
  const grade = gradeExamItem(question, selected);
  const chosen = new Set(grade.selectedKeys);
  const correct = new Set(question.correct);
  return {
    position,
    correct: grade.correct,
    options: question.options.map((option) => ({
      key: option.key,
      text: option.text,
      correct: correct.has(option.key),
      selected: chosen.has(option.key),
      explanation: question.explanations[option.key] ?? null,
    })),
    generalExplanation: question.explanations._ ?? null,
    sources: sourceLinks(question),
  };
}

function itemState(item: ItemRow, question: Question | undefined): ExamItemState {
  return {
    position: item.position,
    questionId: item.questionId,
    domain: item.domain as Domain,
    topics: question?.topics ?? [],
    selected: parseKeys(item.selected),
    flagged: item.flagged,
    locked: item.locked,
    answeredAt: item.answeredAt,
    correct: item.correct,
  };
}

// ------------------------------------------------------------------ start

export interface StartExamRequest {
  learnerId: string;
  now: Date;
  config: ExamConfig;
  /** tests pass a seed to reproduce a selection; otherwise the server draws one */
  seed?: string;
}

/** Questions weighted by weakness: a question's own weakness and its weakest topic's, half each. */
async function weighByWeakness(db: Db, learnerId: string, now: Date, pool: readonly ExamPoolQuestion[]): Promise<ExamPoolQuestion[]> {
  const settings = await readSettings(db, learnerId);
  const scheduler = createScheduler(settings);
  const since = new Date(now.getTime() - WEAKNESS_WINDOW_DAYS * 86_400_000);
  const rows = new Map((await fetchWeaknessRows(db, learnerId, since)).map((row) => [row.questionId, row]));
  const own = new Map<string, number>();
  const topicTotals = new Map<string, { sum: number; count: number }>();
  for (const question of pool) {
    const row = rows.get(question.id);
    const weakness = weaknessOf({
      retrievability: row && row.lastReview ? scheduler.retrievability({ state: row.state as CardStateValue, stability: row.stability, lastReview: row.lastReview }, now) : null,
      recentWrong: row?.recentWrong ?? 0,
      recentAnswers: row?.recentAnswers ?? 0,
    });
    own.set(question.id, weakness);
    for (const topic of question.topics) {
      const total = topicTotals.get(topic) ?? { sum: 0, count: 0 };
      total.sum += weakness;
      total.count += 1;
      topicTotals.set(topic, total);
    }
  }
  return pool.map((question) => {
    const topicWeakness = Math.max(0, ...question.topics.map((topic) => {
      const total = topicTotals.get(topic);
      return total ? total.sum / total.count : 0;
    }));
    return { ...question, weakness: 0.5 * (own.get(question.id) ?? 0) + 0.5 * topicWeakness };
  });
}

export async function startExam(db: Db, request: StartExamRequest): Promise<{ id: string; href: string; notices: SelectionNotice[] }> {
  const { learnerId, now, config } = request;
  const seed = request.seed ?? randomBytes(8).toString("hex");
  const pool = await fetchExamPoolCached(db, {
    includeImported: config.includeImported,
    topics: config.mode === "custom" ? config.topics : [],
    domains: config.mode === "custom" ? config.domains : [],
  });
  let selection: { questionIds: string[]; domains: Domain[]; notices: SelectionNotice[] };
  if (config.questionIds) {
    // "틀린 문제 다시 풀기": exactly these questions, in this order, where they still exist.
    const byId = new Map(pool.map((question) => [question.id, question]));
    const kept = [...new Set(config.questionIds)].flatMap((id) => {
      const question = byId.get(id);
      return question ? [question] : [];
    });
    const missing = config.questionIds.length - kept.length;
    selection = {
      questionIds: kept.map((question) => question.id),
      domains: kept.map((question) => question.domain),
      notices: missing > 0 ? [{ kind: "total_shortfall", message: `${missing}문제는 보관되었거나 더 이상 없어서 빠졌습니다.`, wanted: config.questionIds.length, got: kept.length }] : [],
    };
  } else {
    const domains = config.mode === "custom" && config.domains.length > 0 ? config.domains : undefined;
    const recent = await fetchRecentExamQuestionIds(db, learnerId);
    const weighted = config.mode === "weak";
    selection = selectExamQuestions({
      pool: weighted ? await weighByWeakness(db, learnerId, now, pool) : pool,
      count: config.questionCount,
      blueprint: blueprintFor(config.questionCount, domains),
      seed,
      recentQuestionIds: recent,
      weighted,
    });
  }
  if (selection.questionIds.length === 0) {
    throw new ValidationError("고른 조건에 맞는 객관식 문제가 없습니다. 주제나 영역을 넓히거나 가져온 문제를 포함해 보세요.", "exam_empty");
  }
  const deadline = examDeadline(now, config);
  const id = `${now.getTime().toString(36)}${randomBytes(6).toString("hex")}`;
  const stored: ExamConfig = { ...config, questionCount: selection.questionIds.length };
  await withTransaction(db, (tx) =>
    insertAttempt(tx, {
      id,
      learnerId,
      mode: config.mode,
      feedback: config.feedback,
      seed,
      config: JSON.stringify(stored),
      notices: JSON.stringify(selection.notices),
      timeLimitMs: deadline ? deadline.getTime() - now.getTime() : null,
      startedAt: now,
      deadline,
      items: selection.questionIds.map((questionId, position) => ({ position, questionId, domain: selection.domains[position] ?? "secure" })),
    }),
  );
  return { id, href: examHref(id), notices: selection.notices };
}

// ------------------------------------------------------------------ saves

interface SaveRequest<T> {
  learnerId: string;
  attemptId: string;
  input: T;
  now: Date;
}

/**
 * The checks every save makes, in order: the attempt is the learner's, still running, within its
 * deadline (else it is finalised now and the save refused), and at the version the page saw.
 */
async function openForSave(db: Db, learnerId: string, attemptId: string, version: number, now: Date): Promise<AttemptRow> {
  const attempt = await loadOwnedAttempt(db, learnerId, attemptId);
  if (attempt.status !== "in_progress") throw new ConflictError(FINISHED_MESSAGE, "exam_finished");
  if (isPastDeadline(attempt.deadline, now)) {
    await finalizeAttempt(db, attempt, now, "expired");
    throw new ConflictError(EXPIRED_MESSAGE, "exam_expired");
  }
  if (attempt.version !== version) throw new ConflictError(STALE_EXAM_MESSAGE, "stale_exam");
  return attempt;
}

async function bumpOrStale(tx: Tx, attemptId: string, version: number): Promise<void> {
  if (!(await bumpAttemptVersion(tx, attemptId, version))) throw new ConflictError(STALE_EXAM_MESSAGE, "stale_exam");
}

async function loadItemForSave(tx: Tx, attemptId: string, position: number, count: number): Promise<ItemRow> {
  const item = await findItem(tx, attemptId, position);
  if (!item) throw new ValidationError(`이 시험에는 ${position + 1}번 문제가 없습니다 (1–${count}번).`, "exam_no_question");
  return item;
}

export async function saveExamAnswer(db: Db, request: SaveRequest<ExamAnswerInput>): Promise<ExamSaveResult> {
  const { learnerId, attemptId, input, now } = request;
  const attempt = await openForSave(db, learnerId, attemptId, input.version, now);
  const practice = attempt.feedback === "practice";
  if (input.check && !practice) throw new ValidationError("실전 모드에서는 시험이 끝난 뒤에 정답을 볼 수 있습니다.", "exam_no_feedback");
  const feedback = await withTransaction(db, async (tx) => {
    const item = await loadItemForSave(tx, attemptId, input.position, attempt.questionCount);
    if (item.locked) throw new ConflictError("정답을 확인한 문제는 답을 바꿀 수 없습니다.", "exam_locked");
    const question = (await loadQuestions(tx, [item.questionId])).get(item.questionId);
    if (!question) throw new NotFoundError("이 문제가 더 이상 없습니다.");
    const face = toQuestionFace(question);
    const valid = new Set(face.options.map((option) => option.key));
    const unknown = input.selected.filter((key) => !valid.has(key));
    if (unknown.length > 0) throw new ValidationError(`선택지 "${unknown.join(", ")}" 는 이 문제에 없습니다 (가능: ${[...valid].join(", ")}).`, "exam_bad_option");
    if (input.selected.length > face.selectCount) throw new ValidationError(`이 문제는 ${face.selectCount}개까지 고를 수 있습니다 (고른 개수: ${input.selected.length}).`, "exam_too_many");
    if (input.check && input.selected.length !== face.selectCount) throw new ValidationError(`정답을 확인하려면 ${face.selectCount}개를 고르세요.`, "exam_incomplete");
    const selected = [...input.selected].sort();
    await bumpOrStale(tx, attemptId, input.version);
    const check = input.check ? gradeExamItem(question, selected) : null;
    await updateItem(tx, attemptId, input.position, {
      selected: JSON.stringify(selected),
      answeredAt: selected.length > 0 ? now : null,
      timeSpentMs: item.timeSpentMs + Math.min(input.timeSpentMs ?? 0, MAX_TIME_PER_SAVE_MS),
      ...(check ? { locked: true, correct: check.correct } : {}),
    });
    return check ? feedbackOf(input.position, question, selected) : null;
  });
  return { version: input.version + 1, remainingMs: remainingMs(attempt.deadline, now), feedback };
}

export async function saveExamFlag(db: Db, request: SaveRequest<ExamFlagInput>): Promise<ExamSaveResult> {
  const { learnerId, attemptId, input, now } = request;
  const attempt = await openForSave(db, learnerId, attemptId, input.version, now);
  await withTransaction(db, async (tx) => {
    await loadItemForSave(tx, attemptId, input.position, attempt.questionCount);
    await bumpOrStale(tx, attemptId, input.version);
    await updateItem(tx, attemptId, input.position, { flagged: input.flagged });
  });
  return { version: input.version + 1, remainingMs: remainingMs(attempt.deadline, now), feedback: null };
}

// ------------------------------------------------------------------ finishing

/**
 * Grades every item, stores the score and feeds the answers into the review schedule, in one
 * transaction. Runs once per attempt: a second caller (double submit, the sweep racing a page
 * load) finds it finished and changes nothing. Returns whether this call finished it.
 */
export async function finalizeAttempt(db: Db, attempt: AttemptRow, now: Date, reason: FinishReason): Promise<boolean> {
  if (attempt.status !== "in_progress") return false;
  await ensureCards(db, attempt.learnerId, now);
  const settings = await readSettings(db, attempt.learnerId);
  const scheduler = createScheduler(settings);
  // An exam that ran out is over at its deadline, whenever it is noticed.
  const finishedAt = reason === "expired" && attempt.deadline && attempt.deadline < now ? attempt.deadline : now;
  return withTransaction(db, async (tx) => {
    const items = await findItems(tx, attempt.id);
    const questions = await loadQuestions(tx, items.map((item) => item.questionId));
    const states = items.map((item) => {
      const question = questions.get(item.questionId);
      const state = itemState(item, question);
      return { ...state, correct: question ? gradeExamItem(question, state.selected).correct : false };
    });
    const score = scoreExam(states);
    const finished = await markFinished(tx, attempt.id, {
      finishedAt,
      finishReason: reason,
      correctCount: score.correct,
      scaledScore: score.scaled,
      passed: score.passed,
      score: JSON.stringify(score),
    });
    if (!finished) return false;
    await writeItemGrades(tx, attempt.id, states.map((state) => ({ position: state.position, correct: state.correct === true })));
    const cards = await tx.card.findMany({ where: { learnerId: attempt.learnerId, questionId: { in: items.map((item) => item.questionId) } } });
    const byQuestion = new Map(cards.map((card) => [card.questionId, card]));
    for (const state of states) {
      const row = byQuestion.get(state.questionId);
      if (!row || row.suspended) continue;
      const card = cardRecordFromRow(row);
      const due = card.state !== 0 && card.due.getTime() <= finishedAt.getTime();
      const rating = state.correct ? (due ? RATINGS.good : null) : RATINGS.again;
      if (rating === null) continue;
      // The review time never goes back before the card's last review (a card reviewed after an
      // expired exam's deadline, before the exam was noticed, keeps its order).
      const reviewAt = card.lastReview && card.lastReview > finishedAt ? card.lastReview : finishedAt;
      const item = items.find((candidate) => candidate.position === state.position);
      await recordAnswer(tx, {
        card,
        rating,
        now: reviewAt,
        origin: "exam",
        scheduler,
        leechThreshold: settings.leechThreshold,
        durationMs: item && item.timeSpentMs > 0 ? item.timeSpentMs : null,
        grade: { correct: state.correct === true, selectedKeys: state.selected },
        examAttemptId: attempt.id,
      });
    }
    return true;
  });
}

export async function submitExam(db: Db, request: SaveRequest<ExamSubmitInput>): Promise<{ href: string; finished: boolean }> {
  const { learnerId, attemptId, input, now } = request;
  const attempt = await loadOwnedAttempt(db, learnerId, attemptId);
  // A second submit (double click, replay) gets the one result the first made.
  if (attempt.status === "finished") return { href: examResultsHref(attempt.id), finished: false };
  if (attempt.status !== "in_progress") throw new ConflictError("포기한 시험은 제출할 수 없습니다.", "exam_abandoned");
  if (isPastDeadline(attempt.deadline, now)) {
    await finalizeAttempt(db, attempt, now, "expired");
    return { href: examResultsHref(attempt.id), finished: true };
  }
  if (attempt.version !== input.version) throw new ConflictError(STALE_EXAM_MESSAGE, "stale_exam");
  const finished = await finalizeAttempt(db, attempt, now, "submitted");
  return { href: examResultsHref(attempt.id), finished };
}

export async function abandonExam(db: Db, request: { learnerId: string; attemptId: string; now: Date }): Promise<void> {
  const attempt = await loadOwnedAttempt(db, request.learnerId, request.attemptId);
  if (attempt.status !== "in_progress") throw new ConflictError(FINISHED_MESSAGE, "exam_finished");
  await withTransaction(db, (tx) => markAbandoned(tx, attempt.id, request.now));
}

/** The sweep at start-up and on the exams page: every attempt past its deadline is finalised. */
export async function finalizeExpiredExams(db: Db, now: Date): Promise<number> {
  let finished = 0;
  for (const { id } of await findExpiredAttemptIds(db, now)) {
    const attempt = await findAttempt(db, id);
    if (attempt && (await finalizeAttempt(db, attempt, now, "expired"))) finished += 1;
  }
  return finished;
}

// ------------------------------------------------------------------ views

export type AttemptPageView = { kind: "in_progress"; view: ExamAttemptView } | { kind: "finished"; id: string };

export async function fetchExamAttemptView(db: Db, request: { learnerId: string; attemptId: string; now: Date }): Promise<AttemptPageView | null> {
  const attempt = await findAttempt(db, request.attemptId);
  if (!attempt || attempt.learnerId !== request.learnerId) return null;
  if (attempt.status !== "in_progress") return { kind: "finished", id: attempt.id };
  if (isPastDeadline(attempt.deadline, request.now)) {
    await finalizeAttempt(db, attempt, request.now, "expired");
    return { kind: "finished", id: attempt.id };
  }
  const items = await findItems(db, attempt.id);
  const questions = await loadQuestions(db, items.map((item) => item.questionId));
  const practice = attempt.feedback === "practice";
  const views: ExamQuestionView[] = items.flatMap((item) => {
    const question = questions.get(item.questionId);
    if (!question) return [];
    const face = toQuestionFace(question);
    const selected = parseKeys(item.selected);
    return [
      {
        position: item.position,
        questionId: question.id,
        type: question.type === "multiple" ? "multiple" : "single",
        domainLabel: face.domainLabel,
        stem: face.stem,
        options: face.options,
        selectCount: face.selectCount,
        selected,
        flagged: item.flagged,
        // Only a question the learner already checked in practice mode carries its answer.
        feedback: practice && item.locked ? feedbackOf(item.position, question, selected) : null,
      },
    ];
  });
  const config = configOf(attempt);
  return {
    kind: "in_progress",
    view: {
      id: attempt.id,
      mode: attempt.mode as ExamMode,
      feedback: attempt.feedback as ExamFeedback,
      title: examTitle(config),
      version: attempt.version,
      startedAt: attempt.startedAt.toISOString(),
      deadline: attempt.deadline?.toISOString() ?? null,
      remainingMs: remainingMs(attempt.deadline, request.now),
      serverNow: request.now.toISOString(),
      notices: noticesOf(attempt),
      questions: views,
    },
  };
}

export async function fetchExamResultView(db: Db, request: { learnerId: string; attemptId: string; now: Date }): Promise<ExamResultView | null> {
  let attempt = await findAttempt(db, request.attemptId);
  if (!attempt || attempt.learnerId !== request.learnerId) return null;
  if (attempt.status === "in_progress" && isPastDeadline(attempt.deadline, request.now)) {
    await finalizeAttempt(db, attempt, request.now, "expired");
    attempt = (await findAttempt(db, request.attemptId)) ?? attempt;
  }
  const items = await findItems(db, attempt.id);
  const questions = await loadQuestions(db, items.map((item) => item.questionId));
  const config = configOf(attempt);
  const base = {
    id: attempt.id,
    mode: attempt.mode as ExamMode,
    feedback: attempt.feedback as ExamFeedback,
    title: examTitle(config),
    status: attempt.status as ExamStatus,
    finishReason: (attempt.finishReason as FinishReason | null) ?? null,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    timeLimitMs: attempt.timeLimitMs,
    notices: noticesOf(attempt),
  };
  // An in-progress attempt has no results yet: nothing below may reach its page.
  if (attempt.status === "in_progress") {
    return { ...base, timeUsedMs: 0, score: scoreExam([]), items: [], wrongQuestionIds: [] };
  }
  const topicKeys = [...new Set([...questions.values()].flatMap((question) => question.topics))];
  const topicLinks = new Map((await resolveTopicLinks(db, topicKeys)).map((link) => [link.key, link]));
  const states = items.map((item) => {
    const question = questions.get(item.questionId);
    const state = itemState(item, question);
    return { ...state, correct: item.correct ?? (question ? gradeExamItem(question, state.selected).correct : false) };
  });
  const score: ExamScore = attempt.score ? (JSON.parse(attempt.score) as ExamScore) : scoreExam(states);
  const reviewItems = items.flatMap((item, index) => {
    const question = questions.get(item.questionId);
    const state = states[index];
    if (!question || !state) return [];
    const chosen = new Set(state.selected);
    const correct = new Set(question.correct);
    return [
      {
        position: item.position,
        questionId: question.id,
        type: question.type === "multiple" ? ("multiple" as const) : ("single" as const),
        domain: question.domain,
        domainLabel: DOMAIN_LABELS[question.domain],
        topics: question.topics.map((key) => ({ key, name: serviceName(key) ?? key, href: topicLinks.get(key)?.href ?? null })),
        stem: question.stem,
        options: question.options.map((option) => ({
          key: option.key,
          text: option.text,
          correct: correct.has(option.key),
          selected: chosen.has(option.key),
          explanation: question.explanations[option.key] ?? null,
        })),
        generalExplanation: question.explanations._ ?? null,
        correct: state.correct === true,
        answered: state.selected.length > 0,
        flagged: item.flagged,
        sources: question.sources.map((source) => ({ ...source, href: noteHref(source.file, source.line) })),
        timeSpentMs: item.timeSpentMs > 0 ? item.timeSpentMs : null,
      },
    ];
  });
  return {
    ...base,
    timeUsedMs: timeUsedMs(attempt.startedAt, attempt.finishedAt ?? request.now, attempt.deadline),
    score,
    items: reviewItems,
    wrongQuestionIds: reviewItems.filter((item) => !item.correct).map((item) => item.questionId),
  };
}

function summaryOf(attempt: AttemptListRow): ExamAttemptSummary {
  return {
    id: attempt.id,
    mode: attempt.mode as ExamMode,
    feedback: attempt.feedback as ExamFeedback,
    title: examTitle(configOf(attempt)),
    status: attempt.status as ExamStatus,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    deadline: attempt.deadline?.toISOString() ?? null,
    questionCount: attempt.questionCount,
    answered: attempt.answered,
    correct: attempt.correctCount,
    scaled: attempt.scaledScore,
    passed: attempt.passed,
  };
}

export async function fetchExamStartView(db: Db, request: { learnerId: string; now: Date }): Promise<ExamStartView> {
  await finalizeExpiredExams(db, request.now);
  const [counts, topicCounts, inProgress, history, ownPool, fullPool] = await Promise.all([
    countChoiceQuestions(db),
    countChoiceQuestionsByTopic(db, true),
    listAttempts(db, request.learnerId, ["in_progress"], 20),
    listAttempts(db, request.learnerId, ["finished"], 50),
    fetchExamPoolCached(db, { includeImported: false, topics: [], domains: [] }),
    fetchExamPoolCached(db, { includeImported: true, topics: [], domains: [] }),
  ]);
  const preview = (includeImported: boolean, pool: readonly ExamPoolQuestion[]) => {
    // What 실전 모의고사 would hold: the same selection the start makes, without recency.
    const selection = selectExamQuestions({
      pool,
      count: SAA_C03.questionCount,
      blueprint: blueprintFor(SAA_C03.questionCount),
      seed: "preview",
      recentQuestionIds: new Set(),
    });
    return { includeImported, perDomain: selection.perDomain, notices: selection.notices };
  };
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  const imported = counts.filter((row) => row.origin === "imported").reduce((sum, row) => sum + row.count, 0);
  return {
    available: { total, imported },
    domains: DOMAINS.map((domain) => ({
      domain,
      label: DOMAIN_LABELS[domain],
      count: counts.filter((row) => row.domain === domain).reduce((sum, row) => sum + row.count, 0),
      importedCount: counts.filter((row) => row.domain === domain && row.origin === "imported").reduce((sum, row) => sum + row.count, 0),
    })),
    topics: topicCounts
      .map((row) => ({ key: row.topicKey, name: serviceName(row.topicKey) ?? row.topicKey, count: row.count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "ko")),
    fullExamPreview: [preview(false, ownPool), preview(true, fullPool)],
    inProgress: inProgress.map(summaryOf),
    history: history.map(summaryOf),
  };
}
