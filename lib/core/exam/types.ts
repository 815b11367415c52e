// The practice-exam model: what an exam is made of, what the server stores and what the page
// receives. SAA-C03 facts (exam guide v1.0, ../shared/aws-reference-facts.md row 39): 65
// questions (AWS scores 50 and leaves 15 unscored; we score all 65), 130 minutes, multiple
// choice (1 of 4) and multiple response (2+ of 5+), unanswered = wrong, no guessing penalty,
// scaled score 100–1000, pass at 720, compensatory scoring (only the total decides).
import type { Domain, QuestionOrigin, QuestionType, SourceRef } from "@/lib/core/questions/types";

export const EXAM_MODES = ["full", "custom", "weak"] as const;
/** full = 실전 모의고사, custom = 맞춤 시험, weak = 약점 집중 */
export type ExamMode = (typeof EXAM_MODES)[number];

/** exam: no feedback until the end; practice: answer and explanation after each question. */
export const EXAM_FEEDBACK = ["exam", "practice"] as const;
export type ExamFeedback = (typeof EXAM_FEEDBACK)[number];

export const EXAM_STATUSES = ["in_progress", "finished", "abandoned"] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

/** submitted by the learner, or finalised because the deadline passed */
export type FinishReason = "submitted" | "expired";

export const SAA_C03 = {
  questionCount: 65,
  timeLimitMinutes: 130,
  /** AWS grants +30 minutes on request to candidates sitting the exam in a non-native language. */
  extensionMinutes: 30,
  minScaled: 100,
  maxScaled: 1000,
  passScaled: 720,
} as const;

/**
 * Short domain names for sentences ("비용 최적화 영역 문제가 …"); DOMAIN_LABELS holds the exam
 * guide's full section titles, which read heavily inside a sentence.
 */
export const DOMAIN_SHORT_LABELS: Record<Domain, string> = { secure: "보안", resilient: "복원력", performant: "고성능", cost: "비용 최적화" };

/** The countdown warns once this much time is left. */
export const EXAM_WARNING_MS = 5 * 60_000;
/** The most questions a custom exam may hold, and the longest custom time limit. */
export const CUSTOM_MAX_QUESTIONS = 100;
export const CUSTOM_MAX_MINUTES = 300;

/** What the learner chose on the start screen (validated at the edge with zod). */
export interface ExamConfig {
  mode: ExamMode;
  /** always "exam" for mode "full" */
  feedback: ExamFeedback;
  questionCount: number;
  /** null = no time limit (custom and weak only) */
  timeLimitMinutes: number | null;
  /** "시간 연장 +30분" */
  extraTime: boolean;
  /** taxonomy service keys (custom only; empty = all) */
  topics: string[];
  /** custom only; empty = all */
  domains: Domain[];
  includeImported: boolean;
  /** "틀린 문제 다시 풀기": exactly these questions (in this order), no blueprint */
  questionIds: string[] | null;
}

/** One question as exam assembly sees it: no text, only what selection needs. */
export interface ExamPoolQuestion {
  id: string;
  type: Extract<QuestionType, "single" | "multiple">;
  domain: Domain;
  topics: string[];
  origin: QuestionOrigin;
  /** questions generated from one template with only a number changed share a family */
  family: string;
  /** weak mode: 0 (known) … 1 (unknown); how much studying this question's topics matters now */
  weakness?: number;
}

/** How many questions of each domain the exam should hold. */
export type Blueprint = Record<Domain, number>;

/** Said on the start screen and the attempt when the bank could not give what was asked. */
export interface SelectionNotice {
  kind: "domain_shortfall" | "total_shortfall" | "recent_reused";
  /** Korean sentence for the learner */
  message: string;
  domain?: Domain;
  wanted?: number;
  got?: number;
}

export interface ExamSelection {
  /** question ids in exam order */
  questionIds: string[];
  /** domain of each selected question, same order */
  domains: Domain[];
  perDomain: Blueprint;
  notices: SelectionNotice[];
}

/** One stored answer slot (ExamItem). */
export interface ExamItemState {
  position: number;
  questionId: string;
  domain: Domain;
  topics: string[];
  selected: string[];
  flagged: boolean;
  /** practice mode: the answer was checked and can no longer change */
  locked: boolean;
  answeredAt: Date | null;
  correct: boolean | null;
}

export interface DomainScore {
  domain: Domain;
  label: string;
  correct: number;
  total: number;
  /** correct / total, 0 when total is 0 */
  fraction: number;
  /** AWS's score report says "Meets competencies" or "Needs improvement" per section. */
  verdict: "meets" | "needs_improvement";
}

export interface TopicScore {
  topic: string;
  correct: number;
  total: number;
  fraction: number;
}

export interface ExamScore {
  correct: number;
  total: number;
  unanswered: number;
  /** approximate scaled score on 100–1000 (see scaledScoreOf for the mapping) */
  scaled: number;
  passed: boolean;
  domains: DomainScore[];
  topics: TopicScore[];
}

// ------------------------------------------------------------------ what the page receives

/** A question on the exam screen. Never holds a correct key or an explanation. */
export interface ExamQuestionView {
  position: number;
  questionId: string;
  type: "single" | "multiple";
  domainLabel: string;
  stem: string;
  options: { key: string; text: string }[];
  /** 1 for single, N for "choose N" */
  selectCount: number;
  selected: string[];
  flagged: boolean;
  /** practice mode only: the feedback already given for this question */
  feedback: ExamFeedbackView | null;
}

/** Practice mode: what the learner sees after checking one answer. */
export interface ExamFeedbackView {
  position: number;
  correct: boolean;
  options: { key: string; text: string; correct: boolean; selected: boolean; explanation: string | null }[];
  generalExplanation: string | null;
  sources: { href: string; label: string }[];
}

/** An in-progress attempt as the exam page receives it (answer-free). */
export interface ExamAttemptView {
  id: string;
  mode: ExamMode;
  feedback: ExamFeedback;
  title: string;
  /** the attempt version the page saw; every save sends it back */
  version: number;
  startedAt: string;
  /** ISO; null when the exam has no time limit */
  deadline: string | null;
  /** the server's remaining time when this view was made (the countdown follows this, not the client clock) */
  remainingMs: number | null;
  serverNow: string;
  notices: SelectionNotice[];
  questions: ExamQuestionView[];
}

/** Answer to every save (answer, flag): the new version and, in practice mode, the feedback. */
export interface ExamSaveResult {
  version: number;
  remainingMs: number | null;
  feedback: ExamFeedbackView | null;
}

/** One question of a finished attempt, with everything revealed. */
export interface ExamReviewItem {
  position: number;
  questionId: string;
  type: "single" | "multiple";
  domain: Domain;
  domainLabel: string;
  topics: { key: string; name: string; href: string | null }[];
  stem: string;
  options: { key: string; text: string; correct: boolean; selected: boolean; explanation: string | null }[];
  generalExplanation: string | null;
  correct: boolean;
  answered: boolean;
  flagged: boolean;
  sources: (SourceRef & { href: string })[];
  /** time spent on this question, when known */
  timeSpentMs: number | null;
}

export interface ExamResultView {
  id: string;
  mode: ExamMode;
  feedback: ExamFeedback;
  title: string;
  status: ExamStatus;
  finishReason: FinishReason | null;
  startedAt: string;
  finishedAt: string | null;
  /** null when the exam had no time limit */
  timeLimitMs: number | null;
  timeUsedMs: number;
  score: ExamScore;
  notices: SelectionNotice[];
  items: ExamReviewItem[];
  /** positions answered wrong or left unanswered, for "틀린 문제 다시 풀기" */
  wrongQuestionIds: string[];
}

/** A row of the /exams history and of the in-progress list. */
export interface ExamAttemptSummary {
  id: string;
  mode: ExamMode;
  feedback: ExamFeedback;
  title: string;
  status: ExamStatus;
  startedAt: string;
  finishedAt: string | null;
  deadline: string | null;
  questionCount: number;
  answered: number;
  correct: number | null;
  scaled: number | null;
  passed: boolean | null;
}

/** The /exams start screen: what can be chosen, what is in progress, what was taken. */
export interface ExamStartView {
  /** choice questions per origin that exams can use (imported counted apart) */
  available: { total: number; imported: number };
  domains: { domain: Domain; label: string; count: number; importedCount: number }[];
  topics: { key: string; name: string; count: number }[];
  /** what 실전 모의고사 would look like with the learner's choice of banks, and what falls short */
  fullExamPreview: { includeImported: boolean; perDomain: Blueprint; notices: SelectionNotice[] }[];
  inProgress: ExamAttemptSummary[];
  /** finished attempts, newest first (at most 50) */
  history: ExamAttemptSummary[];
}
