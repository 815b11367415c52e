// The shapes the progress pages render (lib/server/progress builds them, components/progress
// shows them): plain values and Dates, no database rows.
import type { DueDay, Heatmap, RetentionMonth, Streak, TimeDay } from "./calendar";
import type { ProgressRow } from "./mastery";
import type { ExamDayForecast, ReadinessEstimate } from "./readiness";

export interface TopicProgressRow extends ProgressRow {
  /** the topic's page, when the notes have one */
  topicSlug: string | null;
}

export interface NextActionView {
  topicKey: string;
  label: string;
  topicSlug: string | null;
  gainScaled: number;
  mastery: number;
  cards: number;
}

export interface ReadinessView {
  estimate: ReadinessEstimate | null;
  examDate: Date | null;
  forecast: ExamDayForecast | null;
  desiredRetention: number;
  next: NextActionView[];
  dueToday: number;
  timeZone: string;
}

export interface ProgressDashboard {
  readiness: ReadinessView;
  topics: TopicProgressRow[];
  domains: ProgressRow[];
  heatmap: Heatmap;
  streak: Streak;
  due: DueDay[];
  retention: RetentionMonth[];
  time: TimeDay[];
  totals: { cards: number; seen: number };
  timeZone: string;
  dayStartHour: number;
}

export interface TopicProgress {
  topicKey: string;
  label: string;
  overall: ProgressRow;
  domains: ProgressRow[];
  due: DueDay[];
  timeZone: string;
}

