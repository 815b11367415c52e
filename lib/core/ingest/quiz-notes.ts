// Quiz notes: a note made of numbered questions with options ("## Q1. A company needs…",
// "- A. …", "**Answer:** B") is a question bank, not study text. Made into topics it becomes
// dozens of pages named after question stems, and its options and scenarios feed the fact
// extractor false values ("라우팅 정책 수 4가지"). The ingest leaves it out and says so, naming the
// file, with the way to import it (/questions/import, lib/server/questions/import.ts).
import { parseCommunityBank } from "../questions/import-parser";
import type { IngestWarning, ParsedNote } from "./types";

// A question heading: numbered ("Q1.", "1.", "Question 3:", "문제 2)") and long enough to be a stem.
const QUESTION_HEADING = /^(?:Q(?:uestion)?\s*\.?\s*|문제\s*)?\d+\s*[.):]\s*\S.{15,}/i;
// Horizontal space only: `\s*` at each line start of a long blank run would rescan it (quadratic).
const OPTION_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]*)?\(?[A-Ha-h][ \t]*[).:][ \t]+\S/m;
/** A quiz note has at least this many questions … */
const MIN_QUESTIONS = 3;
/** … making at least this share of its headed sections (its title aside). */
const MIN_SHARE = 0.5;

export interface QuizNote {
  /** Questions the bank importer's parser reads in the note. */
  questions: number;
  notice: IngestWarning;
}

/**
 * Whether a parsed note is a question collection. The cheap check (question-like headings with
 * option lines under them) runs on every note; the bank parser only on the few that pass, to
 * count what an import would bring in.
 */
export function detectQuizNote(note: ParsedNote): QuizNote | null {
  // Headed sections, the note's opening H1 (its title) aside.
  const firstHeaded = note.sections.find((section) => section.heading);
  const headed = note.sections.filter((section) => section.heading && !(section === firstHeaded && section.heading.depth === 1));
  let questionSections = 0;
  for (const section of headed) {
    if (QUESTION_HEADING.test(section.heading!.text.trim()) && OPTION_LINE.test(section.markdown)) questionSections++;
  }
  if (questionSections < MIN_QUESTIONS || questionSections < headed.length * MIN_SHARE) return null;
  const text = note.sections
    .map((section) => (section.heading ? `${"#".repeat(section.heading.depth)} ${section.heading.text}\n\n${section.markdown}` : section.markdown))
    .join("\n\n");
  const parsed = parseCommunityBank(text);
  const questions = parsed.questions.length;
  const line = note.sections.find((section) => section.heading)?.heading?.line ?? 1;
  const readable = questions > 0 ? `문제 ${questions}개를 읽을 수 있습니다` : "가져오기 형식에 맞춰 고치면 가져올 수 있습니다";
  return {
    questions,
    notice: {
      file: note.path,
      line,
      message: `문제 모음으로 보입니다 — 문제 은행으로 가져오세요 (/questions/import, ${readable}). 이 노트로는 주제와 사실을 만들지 않았습니다`,
    },
  };
}
